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
var SamplingRepository_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.SamplingRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const sql_1 = require("../../database/sql");
/** The claims a sample is drawn from: approved (money committed) or already paid. */
const SAMPLED_STATUSES = ['approved', 'paid'];
/**
 * Named queries of the post-approval audit samples and the receivables a clawback opens. The
 * population reads `application (program_id, status)`; items and receivables by their indexes.
 */
let SamplingRepository = SamplingRepository_1 = class SamplingRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /** A program's approved and paid claims with their risk scores. */
    async population(manager, programId) {
        const rows = (await manager.query(`SELECT id, risk_score FROM application WHERE program_id = $1 AND status = ANY($2::text[])`, [programId, SAMPLED_STATUSES]));
        return rows.map((row) => ({ id: row.id, riskScore: row.risk_score }));
    }
    async insertSample(manager, sample, applicationIds) {
        const [row] = (await manager.query(`INSERT INTO review_sample (program_id, seed, size, risk_weighted, population, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [sample.programId, sample.seed, sample.size, sample.riskWeighted, sample.population, sample.createdBy]));
        await manager.query(`INSERT INTO review_sample_item (sample_id, application_id, position)
       SELECT $1, item.id, item.position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS item(id, position)`, [row.id, applicationIds]);
        return row.id;
    }
    sampleQuery(where) {
        return `SELECT s.id, s.program_id, p.code AS program_code, s.seed, s.size, s.risk_weighted, s.population,
                   s.created_at, s.created_by, u.display_name,
                   (SELECT count(*)::int FROM review_sample_item i WHERE i.sample_id = s.id AND i.outcome IS NOT NULL) AS decided,
                   (SELECT count(*)::int FROM review_sample_item i WHERE i.sample_id = s.id AND i.outcome = 'clawback') AS clawbacks
              FROM review_sample s JOIN program p ON p.id = s.program_id JOIN user_account u ON u.id = s.created_by
             WHERE ${where}`;
    }
    static toSample(row) {
        return {
            id: row.id,
            programId: row.program_id,
            programCode: row.program_code,
            seed: row.seed,
            size: row.size,
            riskWeighted: row.risk_weighted,
            population: row.population,
            createdAt: row.created_at,
            createdBy: { id: row.created_by, displayName: row.display_name },
            decided: row.decided,
            clawbacks: row.clawbacks,
        };
    }
    async findSample(id) {
        const [row] = (await this.dataSource.query(this.sampleQuery('s.id = $1'), [id]));
        return row ? SamplingRepository_1.toSample(row) : null;
    }
    /** The newest samples first, of one program or all. */
    async listSamples(programId, limit) {
        const rows = (await this.dataSource.query(`${this.sampleQuery('($1::uuid IS NULL OR s.program_id = $1)')} ORDER BY s.created_at DESC, s.id LIMIT $2`, [programId, limit]));
        return rows.map((row) => SamplingRepository_1.toSample(row));
    }
    /** A sample's items in draw order, with each claim's figures and outcome. */
    async items(sampleId, manager = this.dataSource.manager) {
        const rows = (await manager.query(`SELECT i.id, i.application_id, a.code, a.status, a.reserved_fen, a.risk_score, a.applicant_id,
              a.payee_organization_id, i.outcome, i.note, i.decided_at, r.id AS receivable_id
         FROM review_sample_item i JOIN application a ON a.id = i.application_id
         LEFT JOIN receivable r ON r.sample_item_id = i.id
        WHERE i.sample_id = $1 ORDER BY i.position`, [sampleId]));
        return rows.map(toItem);
    }
    /** One item of a sample, locked until the transaction ends (one outcome per item). */
    async lockItem(manager, sampleId, applicationId) {
        const [locked] = (await manager.query(`SELECT id FROM review_sample_item WHERE sample_id = $1 AND application_id = $2 FOR UPDATE`, [sampleId, applicationId]));
        if (!locked)
            return null;
        const rows = (await manager.query(`SELECT i.id, i.application_id, a.code, a.status, a.reserved_fen, a.risk_score, a.applicant_id,
              a.payee_organization_id, i.outcome, i.note, i.decided_at, NULL AS receivable_id
         FROM review_sample_item i JOIN application a ON a.id = i.application_id WHERE i.id = $1`, [locked.id]));
        return toItem(rows[0]);
    }
    /** Records the outcome while there is none (false when one was recorded meanwhile). */
    async recordOutcome(manager, itemId, outcome) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE review_sample_item SET outcome = $2, note = $3, decided_by = $4, decided_at = $5
        WHERE id = $1 AND outcome IS NULL RETURNING id`, [itemId, outcome.outcome, outcome.note, outcome.by, outcome.at]);
        return rows.length === 1;
    }
    /** Opens the receivable of a clawback against the claim's payee. */
    async openReceivable(manager, receivable) {
        const { payee } = receivable;
        const [row] = (await manager.query(`INSERT INTO receivable (application_id, payee_kind, payee_user_id, payee_organization_id, amount_fen, reason, sample_item_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [
            receivable.applicationId,
            payee.kind,
            payee.kind === 'resident' ? payee.userId : null,
            payee.kind === 'dealer' ? payee.organizationId : null,
            receivable.amountFen,
            receivable.reason,
            receivable.sampleItemId,
            receivable.createdBy,
        ]));
        return row.id;
    }
};
exports.SamplingRepository = SamplingRepository;
exports.SamplingRepository = SamplingRepository = SamplingRepository_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], SamplingRepository);
function toItem(row) {
    return {
        id: row.id,
        applicationId: row.application_id,
        code: row.code,
        status: row.status,
        amountFen: Number(row.reserved_fen),
        riskScore: row.risk_score,
        applicantId: row.applicant_id,
        payeeOrganizationId: row.payee_organization_id,
        outcome: row.outcome,
        note: row.note,
        decidedAt: row.decided_at,
        receivableId: row.receivable_id,
    };
}
//# sourceMappingURL=sampling.repository.js.map