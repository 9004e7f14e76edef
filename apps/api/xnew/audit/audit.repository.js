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
exports.AuditRepository = void 0;
exports.verifyAuditChain = verifyAuditChain;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const config_module_1 = require("../config/config.module");
const audit_log_entity_1 = require("./audit-log.entity");
const GENESIS = Buffer.alloc(32);
const VERIFY_BATCH = 1000;
let AuditRepository = class AuditRepository {
    constructor(dataSource, config) {
        this.dataSource = dataSource;
        this.config = config;
    }
    /** Appends one row; pass the transaction's manager to make it part of the change it records. */
    async insert(row, manager = this.dataSource.manager) {
        await manager.query(`INSERT INTO audit_log (actor_id, actor_role, action, object_type, object_id, result, ip, request_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`, [
            row.actorId,
            row.actorRole,
            row.action,
            row.objectType,
            row.objectId,
            row.result,
            row.ip,
            row.requestId,
            JSON.stringify(row.detail),
        ]);
    }
    /** Appends several rows in one statement, in the given order (their `seq` follows it). */
    async insertMany(rows, manager = this.dataSource.manager) {
        await manager.query(`INSERT INTO audit_log (actor_id, actor_role, action, object_type, object_id, result, ip, request_id, detail)
       SELECT actor_id, actor_role, action, object_type, object_id, result, ip, request_id, detail
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
        WITH ORDINALITY AS r(actor_id, actor_role, action, object_type, object_id, result, ip, request_id, detail, n)
        ORDER BY n`, [
            rows.map((r) => r.actorId),
            rows.map((r) => r.actorRole),
            rows.map((r) => r.action),
            rows.map((r) => r.objectType),
            rows.map((r) => r.objectId),
            rows.map((r) => r.result),
            rows.map((r) => r.ip),
            rows.map((r) => r.requestId),
            rows.map((r) => JSON.stringify(r.detail)),
        ]);
    }
    /** Newest first by `seq`; rows not chained yet are included (chainSeq and hash null). */
    async search(query) {
        const qb = this.filtered(query);
        if (query.beforeSeq)
            qb.andWhere('a.seq < :beforeSeq', { beforeSeq: query.beforeSeq });
        const rows = await qb
            .orderBy('a.seq', 'DESC')
            .limit(query.limit ?? 100)
            .getMany();
        return rows.map(entryOf);
    }
    /** The newest row's `seq` now (0 for an empty log): an export pins itself to it. */
    async lastSeq() {
        const [row] = (await this.dataSource.query(`SELECT coalesce(max(seq), 0) AS seq FROM audit_log`));
        return Number(row.seq);
    }
    /**
     * How many rows up to `upToSeq` match, counting no further than `atMost` (so the answer to a
     * filter matching millions costs `atMost` index entries, not millions).
     */
    async countUpTo(filter, upToSeq, atMost) {
        const [sql, parameters] = this.filtered(filter)
            .select('1')
            .andWhere('a.seq <= :upToSeq', { upToSeq })
            .limit(atMost)
            .getQueryAndParameters();
        const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) s`, parameters));
        return row.n;
    }
    /** One page of an export: matching rows below `beforeSeq` (and up to `upToSeq`), newest first. */
    async exportPage(filter, window, size) {
        const qb = this.filtered(filter).andWhere('a.seq <= :upToSeq', { upToSeq: window.upToSeq });
        if (window.beforeSeq !== null)
            qb.andWhere('a.seq < :beforeSeq', { beforeSeq: window.beforeSeq });
        return (await qb.orderBy('a.seq', 'DESC').limit(size).getMany()).map(entryOf);
    }
    /** The filters every read of the log applies (the list, the export). */
    filtered(filter) {
        const qb = this.dataSource.getRepository(audit_log_entity_1.AuditLogEntity).createQueryBuilder('a');
        if (filter.from)
            qb.andWhere('a.at >= :from', { from: filter.from });
        if (filter.to)
            qb.andWhere('a.at < :to', { to: filter.to });
        if (filter.actor)
            qb.andWhere('a.actorId = :actor', { actor: filter.actor });
        if (filter.action)
            qb.andWhere('a.action = :action', { action: filter.action });
        if (filter.objectType)
            qb.andWhere('a.objectType = :objectType', { objectType: filter.objectType });
        if (filter.objectId)
            qb.andWhere('a.objectId = :objectId', { objectId: filter.objectId });
        return qb;
    }
    /** The chain check of `verifyAuditChain`, with the configured age limit for unchained rows. */
    verify() {
        return verifyAuditChain(this.dataSource, this.config.audit.unchainedMaxAgeSeconds);
    }
};
exports.AuditRepository = AuditRepository;
exports.AuditRepository = AuditRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object])
], AuditRepository);
function entryOf(row) {
    return {
        seq: Number(row.seq),
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorRole: row.actorRole,
        action: row.action,
        objectType: row.objectType,
        objectId: row.objectId,
        result: row.result,
        ip: row.ip,
        requestId: row.requestId,
        detail: row.detail,
        chainSeq: row.chainSeq === null ? null : Number(row.chainSeq),
        hash: row.hash ? row.hash.toString('hex') : null,
    };
}
/**
 * Recomputes the chain in chain order (`chain_seq`), in batches: positions must run 1, 2, 3…
 * without a gap, each row's hash must equal SHA-256(prev_hash ‖ canonical row) — computed by
 * the same SQL function the sequencer and the fill guard use — and each prev_hash must equal
 * the previous row's hash. Reports the first bad row. Then counts committed rows the sequencer
 * has not chained yet: one older than the configured age fails the report too, since an entry
 * that is never chained is as unprotected as an edited one.
 *
 * A row's age is measured from `at`, its insert time: a transaction that stays open longer than
 * the limit shows its rows as stale from its commit until the next tick (the limit, 60 s by
 * default, is far above any business transaction).
 *
 * The batches are separate statements: the sequencer may append meanwhile, which only lengthens
 * the walk (chained rows never change).
 */
async function verifyAuditChain(dataSource, unchainedMaxAgeSeconds) {
    const pending = await unchainedRows(dataSource, unchainedMaxAgeSeconds);
    let previous = GENESIS;
    let afterPosition = 0;
    let checked = 0;
    for (;;) {
        const rows = await dataSource.query(`SELECT seq, chain_seq, prev_hash, hash,
                sha256(prev_hash || convert_to(audit_log_canonical(a), 'UTF8')) AS computed
           FROM audit_log a WHERE chain_seq > $1 ORDER BY chain_seq LIMIT $2`, [afterPosition, VERIFY_BATCH]);
        for (const row of rows) {
            const position = checked + 1;
            if (Number(row.chain_seq) !== position ||
                !row.prev_hash.equals(previous) ||
                !row.hash.equals(row.computed)) {
                return { ok: false, checked, firstBadSeq: Number(row.seq), firstBadPosition: position, ...pending };
            }
            previous = row.hash;
            checked += 1;
        }
        if (rows.length < VERIFY_BATCH)
            return { ok: pending.staleUnchained === 0, checked, ...pending };
        afterPosition = Number(rows[rows.length - 1].chain_seq);
    }
}
async function unchainedRows(dataSource, unchainedMaxAgeSeconds) {
    const [row] = (await dataSource.query(`SELECT count(*)::int AS unchained,
              (count(*) FILTER (WHERE at < clock_timestamp() - make_interval(secs => $1)))::int AS stale,
              min(at) AS oldest
         FROM audit_log WHERE chain_seq IS NULL`, [unchainedMaxAgeSeconds]));
    return {
        unchained: row.unchained,
        staleUnchained: row.stale,
        ...(row.oldest ? { oldestUnchainedAt: row.oldest.toISOString() } : {}),
    };
}
//# sourceMappingURL=audit.repository.js.map