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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClaimReevaluation = exports.CLAIM_PAGE_SIZE = exports.MOVABLE_STATUSES = void 0;
exports.priced = priced;
exports.payable = payable;
const common_1 = require("@nestjs/common");
const clock_1 = require("../../../common/clock");
const server_evaluator_1 = require("../../../eligibility/server-evaluator");
/**
 * Claims whose money can still move (operations.md §1): reserved (submitted, checking, in review,
 * returned for correction) or committed (approved) — unless an approved claim's payment line is in
 * a RELEASED batch (the second finance user signed it off; the bank file carries its amount) or
 * already paid. Paid, rejected, withdrawn and expired claims hold nothing that a version may move.
 */
exports.MOVABLE_STATUSES = Object.freeze([
    'submitted',
    'checking',
    'in_review',
    'returned',
    'approved',
]);
/** Claims read per page: the evaluator's batch (four statements per page) and the memory bound. */
exports.CLAIM_PAGE_SIZE = 500;
/**
 * Re-evaluates a program's claims under another definition through the claims' own evaluator
 * (`ServerEvaluator.evaluateMany`, the automated check's batch path): the person's history as it
 * stands (the claim itself excluded), their birth date, the registered dealers, at the date the
 * claim was submitted — so a window or an age rule judges it as it was judged then, and the only
 * difference between `before` (its own version) and `after` (the other one) is the rules.
 *
 * Claims are read in pages by id (keyset: `id > last`, the primary key's order), so a program of
 * any size is read in bounded memory and a page costs the same wherever it is.
 */
let ClaimReevaluation = class ClaimReevaluation {
    constructor(evaluator) {
        this.evaluator = evaluator;
    }
    /**
     * The next page of the program's claims after `afterId` (every status but draft), or only the
     * movable ones, locked FOR UPDATE (the re-pricing's page: a concurrent decision on one of them
     * waits for the publish and then sees the new amount).
     *
     * Two statements, claims first, then their live payment lines and batches: under READ
     * COMMITTED the second statement's snapshot is taken AFTER the first one's locks were granted,
     * so a batch that was built or released while this waited is seen as it is now. With `lock`, the
     * lines' batches are locked too (FOR UPDATE OF b): a release of a draft batch (which locks the
     * batch row) then waits for the publish, or the publish waits for it and sees it released.
     */
    async page(manager, programId, afterId, options = {}) {
        const rows = (await manager.query(`SELECT a.id, a.code, a.applicant_id, a.status, a.program_version_id, a.facts, a.reserved_fen,
              coalesce(a.submitted_at, a.created_at) AS judged_at
         FROM application a
        WHERE a.program_id = $1 AND a.status <> 'draft' AND ($2::uuid IS NULL OR a.id > $2::uuid)
          AND (NOT $4::boolean OR a.status = ANY($5::text[]))
        ORDER BY a.id LIMIT $3
        ${options.lock ? 'FOR UPDATE OF a' : ''}`, [programId, afterId, options.limit ?? exports.CLAIM_PAGE_SIZE, options.movableOnly ?? false, exports.MOVABLE_STATUSES]));
        if (rows.length === 0)
            return [];
        const lines = (await manager.query(`SELECT l.application_id, l.id, l.status, b.status AS batch_status
         FROM payment_line l JOIN payment_batch b ON b.id = l.batch_id
        WHERE l.application_id = ANY($1::uuid[]) AND l.status IN ('pending', 'paid')
        ${options.lock ? 'FOR UPDATE OF b' : ''}`, [rows.map((row) => row.id)]));
        // At most one live line per claim (the partial unique index payment_line_one_live_per_claim).
        const lineOf = new Map(lines.map((line) => [line.application_id, line]));
        return rows.map((row) => {
            const line = lineOf.get(row.id);
            return {
                id: row.id,
                code: row.code,
                applicantId: row.applicant_id,
                status: row.status,
                programVersionId: row.program_version_id,
                facts: row.facts,
                reservedFen: Number(row.reserved_fen),
                asOf: (0, clock_1.shanghaiDate)(new Date(row.judged_at)),
                frozen: line !== undefined && (line.status === 'paid' || line.batch_status === 'released'),
                draftLineId: line?.status === 'pending' && line.batch_status === 'draft' ? line.id : null,
            };
        });
    }
    /** How many claims a what-if of the program evaluates (every status but draft). */
    async count(manager, programId) {
        const [row] = (await manager.query(`SELECT count(*)::int AS n FROM application WHERE program_id = $1 AND status <> 'draft'`, [programId]));
        return row.n;
    }
    /**
     * Each claim of the page under its own version (`before`) and under `definition` (`after`),
     * in the page's order. `definitions` caches the versions' definitions across pages (one read per
     * version, and the engine compiles a definition object once).
     */
    async reevaluate(manager, claims, definition, definitions, options = {}) {
        if (claims.length === 0)
            return [];
        const withBefore = options.withBefore ?? true;
        if (withBefore)
            await this.loadDefinitions(manager, claims, definitions);
        const input = (of) => claims.map((claim) => ({
            definition: of(claim),
            facts: claim.facts,
            applicantId: claim.applicantId,
            excludeId: claim.id,
            asOf: claim.asOf,
        }));
        const after = await this.evaluator.evaluateMany(input(() => definition), manager);
        const before = withBefore
            ? await this.evaluator.evaluateMany(input((claim) => definitions.get(claim.programVersionId)), manager)
            : null;
        return claims.map((claim, i) => ({
            claim,
            before: before ? priced(before[i]) : { eligible: true, amountFen: claim.reservedFen },
            after: priced(after[i]),
            afterEvaluation: after[i],
        }));
    }
    async loadDefinitions(manager, claims, definitions) {
        const missing = [...new Set(claims.map((claim) => claim.programVersionId))].filter((id) => !definitions.has(id));
        if (missing.length === 0)
            return;
        const rows = (await manager.query(`SELECT id, definition FROM program_version WHERE id = ANY($1::uuid[])`, [missing]));
        for (const row of rows)
            definitions.set(row.id, row.definition);
    }
};
exports.ClaimReevaluation = ClaimReevaluation;
exports.ClaimReevaluation = ClaimReevaluation = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [server_evaluator_1.ServerEvaluator])
], ClaimReevaluation);
/** The contract's `{ eligible, amountFen }` of an evaluation. */
function priced(result) {
    return { eligible: result.eligible, amountFen: result.amountFen };
}
/**
 * What a claim would be paid: the amount when eligible, else nothing (an evaluation with an
 * `unknown` clause carries an amount "if the rest passed", which is not money anyone is owed).
 */
function payable(p) {
    return p.eligible ? p.amountFen : 0;
}
//# sourceMappingURL=claim-reevaluation.js.map