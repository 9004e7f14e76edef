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
var SlaRepository_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.SlaRepository = void 0;
exports.slaBoundaries = slaBoundaries;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const DAY_MS = 24 * 3600_000;
function slaBoundaries(programId, reviewDays, now) {
    const allowed = reviewDays * DAY_MS;
    return {
        programId,
        warnFrom: new Date(now.getTime() - allowed * shared_1.SLA_WARNING_SHARE),
        overdueBefore: new Date(now.getTime() - allowed),
    };
}
const BOUNDARIES = `unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS t(program_id, warn_from, overdue_before)`;
/**
 * Named queries of the SLA clock over claims in review (status `in_review`, both stages), read
 * through `application (program_id, status)`. The per-program boundaries come in as arrays, so one
 * statement answers for every program.
 */
let SlaRepository = SlaRepository_1 = class SlaRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    static parameters(boundaries) {
        return [
            boundaries.map((b) => b.programId),
            boundaries.map((b) => b.warnFrom.toISOString()),
            boundaries.map((b) => b.overdueBefore.toISOString()),
        ];
    }
    /** Per program: claims in review that are ok, warning and overdue. */
    async counts(boundaries) {
        const rows = (await this.dataSource.query(`SELECT a.program_id,
              count(*) FILTER (WHERE a.complete_at < t.overdue_before)::int AS overdue,
              count(*) FILTER (WHERE a.complete_at >= t.overdue_before AND a.complete_at <= t.warn_from)::int AS warning,
              count(*) FILTER (WHERE a.complete_at IS NULL OR a.complete_at > t.warn_from)::int AS ok
         FROM ${BOUNDARIES} JOIN application a ON a.program_id = t.program_id AND a.status = 'in_review'
        GROUP BY a.program_id`, SlaRepository_1.parameters(boundaries)));
        return new Map(rows.map((row) => [row.program_id, { ok: row.ok, warning: row.warning, overdue: row.overdue }]));
    }
    /** The claims in review at `warning` or `overdue`, overdue first, then oldest first. */
    async cases(boundaries) {
        const rows = (await this.dataSource.query(`SELECT a.code, a.program_id, a.complete_at,
              CASE WHEN a.complete_at < t.overdue_before THEN 'overdue' ELSE 'warning' END AS sla_state
         FROM ${BOUNDARIES} JOIN application a ON a.program_id = t.program_id AND a.status = 'in_review'
        WHERE a.complete_at <= t.warn_from
        ORDER BY (a.complete_at < t.overdue_before) DESC, a.complete_at, a.code`, SlaRepository_1.parameters(boundaries)));
        return rows.map((row) => ({
            code: row.code,
            programId: row.program_id,
            completeAt: row.complete_at,
            slaState: row.sla_state,
        }));
    }
};
exports.SlaRepository = SlaRepository;
exports.SlaRepository = SlaRepository = SlaRepository_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], SlaRepository);
//# sourceMappingURL=sla.repository.js.map