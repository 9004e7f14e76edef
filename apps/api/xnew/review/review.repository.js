"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const application_entity_1 = require("../applications/application.entity");
const sql_1 = require("../database/sql");
/**
 * Named queries of the review workbench. The queue reads only the claims of one status through the
 * partial indexes of migration ReviewWorkbench (`application_review_*`): the filtered, ordered,
 * limited page first, then its few rows are decorated (name, lease, flags), in one statement.
 */
let ReviewRepository = class ReviewRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /** Every program version's code and review time (`serviceLevels.reviewDays`); a small table. */
    async programVersions() {
        const rows = (await this.dataSource.query(`SELECT v.id, p.code, (v.definition->'settings'->'serviceLevels'->>'reviewDays')::int AS days
         FROM program_version v JOIN program p ON p.id = v.program_id`));
        return new Map(rows.map((row) => [row.id, { programCode: row.code, reviewDays: row.days ?? 15 }]));
    }
    /**
     * One page of the queue, in the requested order, in one statement: the materialised CTE is the
     * page alone (a walk of a partial index, limited before anything is joined), then those few rows
     * get what a row shows (name, current lease, flags; the program's code comes from
     * `programVersions`). The CTE is named `a` like the table so the outer ORDER BY is the same text.
     */
    async queuePage(filter) {
        const { where, params } = this.queueWhere(filter);
        const order = this.queueOrder(filter, params);
        params.push(filter.limit, filter.offset, filter.now);
        const [limit, offset, now] = [params.length - 2, params.length - 1, params.length];
        // Prepared per shape (filters present × sort): planned once per connection, not per page.
        const statement = (0, sql_1.namedStatement)('review_queue_page', `WITH a AS MATERIALIZED (
         SELECT a.id, a.code, a.program_version_id, a.applicant_id, a.reserved_fen, a.complete_at, a.risk_score, a.stage,
                a.payee_organization_id
           FROM application a WHERE ${where} ORDER BY ${order} LIMIT $${limit} OFFSET $${offset})
       SELECT a.id, a.code, a.program_version_id, a.reserved_fen, a.complete_at,
              a.risk_score, a.stage, a.payee_organization_id, rp.name_enc, l.holder_id, u.display_name AS holder_name,
              COALESCE((SELECT array_agg(f.code ORDER BY f.code) FROM application_flag f WHERE f.application_id = a.id), '{}') AS flags
         FROM a
         LEFT JOIN resident_profile rp ON rp.user_id = a.applicant_id
         LEFT JOIN review_lease l ON l.application_id = a.id AND l.lease_until > $${now}
         LEFT JOIN user_account u ON u.id = l.holder_id
        ORDER BY ${order}`);
        return (0, sql_1.preparedRead)(this.dataSource, statement, params);
    }
    /** How many claims the queue's filter matches (an index-only count over the same partial index). */
    async queueCount(filter) {
        const { where, params } = this.queueWhere(filter);
        const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM application a WHERE ${where}`, params));
        return row.n;
    }
    queueWhere(filter) {
        const params = [];
        // A literal, not a parameter: the queue's indexes are partial on `status = 'in_review'`, and
        // the prepared page's generic plan could not use them for `status = $1`. From the fixed list.
        if (filter.status !== 'in_review' && filter.status !== 'returned')
            throw new Error(`not a queue status: ${String(filter.status)}`);
        const clauses = [`a.status = '${filter.status}'`];
        if (filter.programCode) {
            params.push(filter.programCode);
            clauses.push(`a.program_id = (SELECT id FROM program WHERE code = $${params.length})`);
        }
        if (filter.stage) {
            params.push(filter.stage);
            clauses.push(`a.stage = $${params.length}`);
        }
        if (filter.flag) {
            params.push(filter.flag);
            clauses.push(`EXISTS (SELECT 1 FROM application_flag f WHERE f.application_id = a.id AND f.code = $${params.length})`);
        }
        return { where: clauses.join(' AND '), params };
    }
    /** The ORDER BY of a sort; every order ends in `complete_at, id` so pages never overlap. */
    queueOrder(filter, params) {
        switch (filter.sort) {
            case 'amount':
                return 'a.reserved_fen DESC, a.complete_at, a.id';
            case 'risk':
                return 'a.risk_score DESC, a.complete_at, a.id';
            case 'due': {
                // Due = complete + the version's review days. With one review time for all (the usual
                // case) that is the age order and keeps its index; otherwise add the days per version.
                const days = filter.reviewDaysByVersion;
                if (!days || new Set(days.values()).size <= 1)
                    return 'a.complete_at, a.id';
                params.push([...days.keys()], [...days.values()]);
                const ids = `$${params.length - 1}::uuid[]`;
                const values = `$${params.length}::int[]`;
                return `a.complete_at + make_interval(days => COALESCE((${values})[array_position(${ids}, a.program_version_id)], 15)), a.complete_at, a.id`;
            }
            case 'age':
                return 'a.complete_at, a.id';
        }
    }
    findApplication(id) {
        return this.dataSource.getRepository(application_entity_1.ApplicationEntity).findOneBy({ id });
    }
    async applicationStatus(id) {
        const [row] = (await this.dataSource.query(`SELECT status FROM application WHERE id = $1`, [id]));
        return row?.status ?? null;
    }
    /**
     * Takes or renews the lease in one statement: inserted when the claim (in review) has none,
     * overwritten only when the current one has expired or is the caller's own. Concurrent takers
     * serialise on the primary key; the loser's `WHERE` then sees the winner's lease and matches
     * nothing. Returns the lease's end, or null when the claim is not in review or someone else holds it.
     */
    async takeLease(applicationId, holderId, now, until) {
        const rows = (await (0, sql_1.returning)(this.dataSource, `INSERT INTO review_lease AS l (application_id, holder_id, lease_until, taken_at)
       SELECT a.id, $2, $4, $3 FROM application a WHERE a.id = $1 AND a.status = 'in_review'
       ON CONFLICT (application_id) DO UPDATE
          SET holder_id = EXCLUDED.holder_id, lease_until = EXCLUDED.lease_until,
              taken_at = CASE WHEN l.holder_id = EXCLUDED.holder_id AND l.lease_until > $3 THEN l.taken_at ELSE EXCLUDED.taken_at END
        WHERE l.holder_id = EXCLUDED.holder_id OR l.lease_until <= $3
       RETURNING l.lease_until`, [applicationId, holderId, now, until]));
        return rows[0]?.lease_until ?? null;
    }
    /** The unexpired lease of a claim, with its holder's name. */
    async currentLease(applicationId, now) {
        const [row] = (await this.dataSource.query(`SELECT l.holder_id, u.display_name, l.lease_until FROM review_lease l JOIN user_account u ON u.id = l.holder_id
        WHERE l.application_id = $1 AND l.lease_until > $2`, [applicationId, now]));
        return row
            ? { holderId: row.holder_id, displayName: row.display_name, leaseUntil: row.lease_until }
            : null;
    }
    /** Gives up the caller's own lease (another holder's is left alone). */
    async releaseLease(applicationId, holderId) {
        await this.dataSource.query(`DELETE FROM review_lease WHERE application_id = $1 AND holder_id = $2`, [
            applicationId,
            holderId,
        ]);
    }
    /** Whether `userId` holds an unexpired lease on the (locked) claim. */
    async holdsLease(manager, applicationId, userId, now) {
        const rows = (await manager.query(`SELECT 1 FROM review_lease WHERE application_id = $1 AND holder_id = $2 AND lease_until > $3`, [applicationId, userId, now]));
        return rows.length > 0;
    }
    /** A decided case is free again: the decision ends the lease. */
    async endLease(manager, applicationId) {
        await manager.query(`DELETE FROM review_lease WHERE application_id = $1`, [applicationId]);
    }
    /** The stage change of a claim still in review (state-guarded like a status change). */
    async setStage(manager, applicationId, from, to, at) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE application SET stage = $3, updated_at = $4 WHERE id = $1 AND status = 'in_review' AND stage = $2 RETURNING id`, [applicationId, from, to, at]);
        return rows.length > 0;
    }
    async insertDecision(manager, decision) {
        await manager.query(`INSERT INTO review_decision (application_id, decided_by, decision, stage, reason_code, fields, note, override, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)`, [
            decision.applicationId,
            decision.decidedBy,
            decision.decision,
            decision.stage,
            decision.reasonCode,
            JSON.stringify(decision.fields),
            decision.note,
            decision.override,
            decision.at,
        ]);
    }
    /** Who made the first approval the claim now waits on (the latest approval at stage `review`). */
    async firstApprover(manager, applicationId) {
        const [row] = (await manager.query(`SELECT decided_by FROM review_decision WHERE application_id = $1 AND decision = 'approve' AND stage = 'review'
        ORDER BY decided_at DESC, id DESC LIMIT 1`, [applicationId]));
        return row?.decided_by ?? null;
    }
    decisions(applicationId) {
        return this.dataSource.query(`SELECT d.id, d.decided_by, u.display_name, d.decision, d.stage, d.reason_code, d.fields, d.note, d.override, d.decided_at
         FROM review_decision d JOIN user_account u ON u.id = d.decided_by
        WHERE d.application_id = $1 ORDER BY d.decided_at, d.id`, [applicationId]);
    }
    flags(applicationId) {
        return this.dataSource.query(`SELECT code, weight, detail FROM application_flag WHERE application_id = $1 ORDER BY weight DESC, code`, [applicationId]);
    }
    documents(applicationId) {
        return this.dataSource.query(`SELECT id, kind, content_type, size FROM application_document WHERE application_id = $1 ORDER BY created_at, id`, [applicationId]);
    }
    async document(applicationId, documentId) {
        const [row] = (await this.dataSource.query(`SELECT id, kind, content_type, storage_key FROM application_document WHERE application_id = $1 AND id = $2`, [applicationId, documentId]));
        return row ?? null;
    }
    /** The applicant's other claims: the account's and, as a person, those under the same ID number. */
    otherClaims(application) {
        return this.dataSource.query(`SELECT a.id, a.code, p.code AS program_code, a.status, a.reserved_fen FROM application a JOIN program p ON p.id = a.program_id
        WHERE a.id <> $1 AND a.status <> 'draft' AND (a.applicant_id = $2 OR ($3::text IS NOT NULL AND a.id_number_bidx = $3))
        ORDER BY a.created_at DESC LIMIT 50`, [application.id, application.applicantId, application.idNumberBidx]);
    }
    async profileOf(userId) {
        const [row] = (await this.dataSource.query(`SELECT name_enc, id_number_enc, id_number_bidx, bank_account_enc, bank_account_bidx, street FROM resident_profile WHERE user_id = $1`, [userId]));
        return row
            ? {
                nameEnc: row.name_enc,
                idNumberEnc: row.id_number_enc,
                idNumberBidx: row.id_number_bidx,
                bankAccountEnc: row.bank_account_enc ?? null,
                bankAccountBidx: row.bank_account_bidx ?? null,
                street: row.street,
            }
            : null;
    }
    /** The encrypted ID number of the person with this blind index (any account), if one holds it now. */
    async idNumberOfPerson(idNumberBidx) {
        const [row] = (await this.dataSource.query(`SELECT id_number_enc FROM resident_profile WHERE id_number_bidx = $1 LIMIT 1`, [idNumberBidx]));
        return row?.id_number_enc ?? null;
    }
};
exports.ReviewRepository = ReviewRepository;
exports.ReviewRepository = ReviewRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], ReviewRepository);
//# sourceMappingURL=review.repository.js.map