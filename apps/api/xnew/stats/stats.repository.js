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
exports.StatsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
/** A fact as a whole number of fen, or NULL when it is not one (facts are validated on submit). */
const fen = (path) => `CASE WHEN a.facts #>> '${path}' ~ '^[0-9]{1,15}$' THEN (a.facts #>> '${path}')::bigint END`;
/**
 * The one statistics query layer (operations.md §9): aggregates only — counts, sums, medians per
 * program, week or reason — never a row per claim or person, so nothing it answers can carry
 * personal data. The public dashboard (`StatsService`) and the review console's reports
 * (`ReportsService`) read the same figures from here. Times come from the claims' timelines
 * (`application_event.at`, written with the app's clock), money from the claims' held amounts.
 */
let StatsRepository = class StatsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** Claims per program, status and review stage (drafts are the residents' own and not counted). */
    async claimCounts() {
        const rows = (await this.dataSource.query(`SELECT program_id, status, stage, count(*)::int AS count FROM application
        WHERE status <> 'draft' GROUP BY program_id, status, stage`));
        return rows.map((row) => ({
            programId: row.program_id,
            status: row.status,
            stage: row.stage,
            count: row.count,
        }));
    }
    /**
     * Per program: median days from the first submission to the first decision and from approval to
     * payment, and how many decisions fell within the program's review days after the claim was
     * complete (`reviewDays` by program id; the SLA clock of operations.md §7).
     */
    async timings(reviewDays) {
        const rows = (await this.dataSource.query(`WITH firsts AS (
         SELECT e.application_id,
                min(e.at) FILTER (WHERE e.to_status = 'submitted') AS submitted_at,
                min(e.at) FILTER (WHERE e.to_status IN ('approved', 'rejected')) AS decided_at,
                min(e.at) FILTER (WHERE e.to_status = 'approved') AS approved_at,
                min(e.at) FILTER (WHERE e.to_status = 'paid') AS paid_at
           FROM application_event e
          WHERE e.to_status IN ('submitted', 'approved', 'rejected', 'paid')
          GROUP BY e.application_id),
       t AS (
         SELECT a.program_id, a.complete_at, f.*,
                extract(epoch FROM f.decided_at - f.submitted_at) / 86400 AS to_decision,
                extract(epoch FROM f.paid_at - f.approved_at) / 86400 AS to_payment,
                r.review_days
           FROM firsts f JOIN application a ON a.id = f.application_id
           LEFT JOIN unnest($1::uuid[], $2::int[]) AS r(program_id, review_days) ON r.program_id = a.program_id)
       SELECT program_id,
              count(*) FILTER (WHERE to_decision IS NOT NULL)::int AS decided,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY to_decision) FILTER (WHERE to_decision IS NOT NULL) AS submit_to_decision,
              count(*) FILTER (WHERE to_payment IS NOT NULL)::int AS paid,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY to_payment) FILTER (WHERE to_payment IS NOT NULL) AS approval_to_payment,
              count(*) FILTER (WHERE decided_at IS NOT NULL AND complete_at IS NOT NULL)::int AS sla_decided,
              count(*) FILTER (WHERE decided_at IS NOT NULL AND complete_at IS NOT NULL
                                 AND decided_at <= complete_at + make_interval(days => coalesce(review_days, 15)))::int AS sla_hits
         FROM t GROUP BY program_id`, [[...reviewDays.keys()], [...reviewDays.values()]]));
        return rows.map((row) => ({
            programId: row.program_id,
            decided: row.decided,
            submitToDecisionDays: row.submit_to_decision === null ? null : Number(row.submit_to_decision),
            paid: row.paid,
            approvalToPaymentDays: row.approval_to_payment === null ? null : Number(row.approval_to_payment),
            slaDecided: row.sla_decided,
            slaHits: row.sla_hits,
        }));
    }
    /**
     * Subsidised units (approved or paid claims) per program, category (goods) or powertrain (cars)
     * and grade, with the gross sales they stand for (the invoice prices).
     */
    async units() {
        const rows = (await this.dataSource.query(`SELECT a.program_id,
              a.facts #>> '{item,category}' AS category,
              a.facts #>> '{newVehicle,powertrain}' AS powertrain,
              a.facts #>> '{item,efficiencyGrade}' AS grade,
              count(*)::int AS units,
              coalesce(sum(coalesce(${fen('{item,priceFen}')}, ${fen('{newVehicle,priceFen}')}, 0)), 0)::bigint AS gross
         FROM application a WHERE a.status IN ('approved', 'paid')
        GROUP BY 1, 2, 3, 4`));
        return rows.map((row) => ({
            programId: row.program_id,
            category: row.category,
            powertrain: row.powertrain,
            grade: row.grade,
            units: row.units,
            grossSalesFen: Number(row.gross),
        }));
    }
    /**
     * Per week (Monday, Asia/Shanghai) from `since`: first submissions, approvals and the subsidy
     * paid (the held amounts of the claims paid that week).
     */
    async weekly(since) {
        const rows = (await this.dataSource.query(`SELECT to_char(date_trunc('week', e.at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS week,
              count(*) FILTER (WHERE e.to_status = 'submitted' AND e.from_status = 'draft')::int AS submitted,
              count(*) FILTER (WHERE e.to_status = 'approved')::int AS approved,
              coalesce(sum(a.reserved_fen) FILTER (WHERE e.to_status = 'paid'), 0)::bigint AS paid_fen
         FROM application_event e JOIN application a ON a.id = e.application_id
        WHERE e.at >= $1 AND e.to_status IN ('submitted', 'approved', 'paid')
        GROUP BY 1 ORDER BY 1`, [since]));
        return rows.map((row) => ({
            week: row.week,
            submitted: row.submitted,
            approved: row.approved,
            paidFen: Number(row.paid_fen),
        }));
    }
    /** Return-for-correction decisions per reason code, most frequent first. */
    async returnReasons(limit) {
        const rows = (await this.dataSource.query(`SELECT reason_code AS code, count(*)::int AS count FROM review_decision
        WHERE decision = 'return' AND reason_code IS NOT NULL
        GROUP BY reason_code ORDER BY count(*) DESC, reason_code LIMIT $1`, [limit]));
        return rows;
    }
    /** Every program's tranches, by date; `inEffect` once it is in the budget total. */
    async tranches() {
        const rows = (await this.dataSource.query(`SELECT program_id, amount_fen, source, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, document_no,
              applied_at IS NOT NULL AS in_effect
         FROM budget_tranche ORDER BY effective_on, created_at`));
        return rows.map((row) => ({
            programId: row.program_id,
            amountFen: Number(row.amount_fen),
            source: row.source,
            effectiveOn: row.effective_on,
            documentNo: row.document_no,
            inEffect: row.in_effect,
        }));
    }
};
exports.StatsRepository = StatsRepository;
exports.StatsRepository = StatsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], StatsRepository);
//# sourceMappingURL=stats.repository.js.map