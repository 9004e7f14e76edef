"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RepricingRepository = void 0;
const common_1 = require("@nestjs/common");
const sql_1 = require("../../../database/sql");
const notifications_jobs_1 = require("../../../notifications/notifications.jobs");
/**
 * The re-pricing's named queries; each writes a whole page of claims in one statement. The claims
 * are locked by the caller (ClaimReevaluation.page with `lock`), in the publish's transaction. The
 * budget's own statement is BudgetRepository.topUpMany, run after all of these.
 */
let RepricingRepository = class RepricingRepository {
    /** The version being published, with its number and document number (文号). */
    async version(manager, versionId) {
        const [row] = (await manager.query(`SELECT id, program_id, version, document_no, definition FROM program_version WHERE id = $1`, [versionId]));
        if (!row)
            throw new Error(`program version ${versionId} does not exist`);
        return {
            id: row.id,
            programId: row.program_id,
            version: row.version,
            documentNo: row.document_no,
            definition: row.definition,
        };
    }
    /** Locks the program's row until COMMIT (see LedgerRetroactiveRepricer). */
    async lockProgram(manager, programId) {
        await manager.query(`SELECT 1 FROM program WHERE id = $1 FOR UPDATE`, [programId]);
    }
    /** Version numbers by id (for the timeline's "version 1 → 2"). */
    async versionNumbers(manager, ids) {
        if (ids.length === 0)
            return new Map();
        const rows = (await manager.query(`SELECT id, version FROM program_version WHERE id = ANY($1::uuid[])`, [
            [...ids],
        ]));
        return new Map(rows.map((row) => [row.id, row.version]));
    }
    /**
     * The page's re-pricings in one statement: each raised claim's new amount, version and
     * evaluation (state-guarded: the claim must still be in the status it was read in, and it is
     * locked, so it is), every claim's timeline event (same status before and after: no status
     * moves) and its `application_reprice` row. Answers how many claims were raised.
     */
    async write(manager, page, change) {
        if (page.length === 0)
            return 0;
        const rows = await (0, sql_1.returning)(manager, `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[],
                              $8::jsonb[], $9::uuid[], $10::text[])
             AS i(application_id, status, from_version_id, from_fen, offered_fen, to_fen, outcome, evaluation, event_id, note)),
       raised AS (
         UPDATE application a SET reserved_fen = i.to_fen, program_version_id = $11::uuid, evaluation = i.evaluation,
                updated_at = $13
           FROM input i
          WHERE a.id = i.application_id AND i.outcome = 'raised' AND a.status = i.status AND a.reserved_fen = i.from_fen
          RETURNING a.id),
       event AS (
         INSERT INTO application_event (id, application_id, at, from_status, to_status, note, actor_id)
         SELECT i.event_id, i.application_id, $13, i.status, i.status, i.note, $12::uuid FROM input i),
       recorded AS (
         INSERT INTO application_reprice (application_id, from_version_id, to_version_id, from_fen, offered_fen, to_fen,
                                          outcome, event_id, actor_id, created_at)
         SELECT i.application_id, i.from_version_id, $11::uuid, i.from_fen, i.offered_fen, i.to_fen, i.outcome, i.event_id,
                $12::uuid, $13 FROM input i)
       SELECT id FROM raised`, [
            page.map((c) => c.applicationId),
            page.map((c) => c.status),
            page.map((c) => c.fromVersionId),
            page.map((c) => c.fromFen),
            page.map((c) => c.offeredFen),
            page.map((c) => c.toFen),
            page.map((c) => c.outcome),
            page.map((c) => JSON.stringify(c.evaluation)),
            page.map((c) => c.eventId),
            page.map((c) => c.note),
            change.toVersionId,
            change.actorId,
            change.at,
        ]);
        const expected = page.filter((c) => c.outcome === 'raised').length;
        // The claims are locked and were read in this transaction: a miss means they changed under the lock.
        if (rows.length !== expected)
            throw new Error(`re-pricing raised ${rows.length} of ${expected} claims: they changed under the lock`);
        return rows.length;
    }
    /**
     * Raised claims whose payment line is in a draft batch (built, not released): the line pays the
     * new amount and the batch total follows, so the releaser signs off the figure the bank will pay
     * and the ledger settles (`pay` moves the claim's held amount). Lines of released batches are
     * never touched (their claims are not re-priced).
     */
    async repriceDraftLines(manager, lines) {
        if (lines.length === 0)
            return;
        const rows = await (0, sql_1.returning)(manager, `WITH input AS (SELECT * FROM unnest($1::text[], $2::bigint[]) AS i(line_id, delta_fen)),
       lined AS (
         UPDATE payment_line l SET amount_fen = l.amount_fen + i.delta_fen
           FROM input i, payment_batch b
          WHERE l.id = i.line_id AND b.id = l.batch_id AND b.status = 'draft' AND l.status = 'pending'
          RETURNING l.batch_id, i.delta_fen),
       batched AS (
         UPDATE payment_batch b SET total_fen = b.total_fen + s.delta_fen
           FROM (SELECT batch_id, sum(delta_fen) AS delta_fen FROM lined GROUP BY batch_id) s
          WHERE b.id = s.batch_id RETURNING b.id)
       SELECT batch_id AS id FROM lined`, [lines.map((l) => l.lineId), lines.map((l) => l.deltaFen)]);
        if (rows.length !== lines.length)
            throw new Error(`re-pricing updated ${rows.length} of ${lines.length} draft payment lines`);
    }
    /** The raised claims' in-app notices and, through the outbox, their SMS (one statement). */
    async notify(manager, notices) {
        if (notices.length === 0)
            return;
        const jobs = notices.map((notice) => notifications_jobs_1.NOTIFY_ACCOUNT.job({ notificationId: notice.id }));
        await manager.query(`WITH added AS (
         INSERT INTO notification (id, user_id, event_key, kind, params, text_zh)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::text[])
         ON CONFLICT (event_key) DO NOTHING RETURNING id)
       INSERT INTO outbox (queue, job_name, job_id, payload)
       SELECT j.queue, j.job_name, j.job_id, j.payload
         FROM unnest($1::uuid[], $7::text[], $8::text[], $9::text[], $10::jsonb[]) AS j(id, queue, job_name, job_id, payload)
         JOIN added a ON a.id = j.id`, [
            notices.map((n) => n.id),
            notices.map((n) => n.userId),
            notices.map((n) => n.eventKey),
            notices.map(() => 'application_repriced'),
            notices.map((n) => JSON.stringify(n.params)),
            notices.map((n) => n.textZh),
            jobs.map((j) => j.queue),
            jobs.map((j) => j.name),
            jobs.map((j) => j.jobId),
            jobs.map((j) => JSON.stringify(j.payload)),
        ]);
    }
};
exports.RepricingRepository = RepricingRepository;
exports.RepricingRepository = RepricingRepository = __decorate([
    (0, common_1.Injectable)()
], RepricingRepository);
//# sourceMappingURL=repricing.repository.js.map