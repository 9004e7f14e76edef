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
exports.ReportsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
/**
 * Named queries of the review console's export. The counts of its stats come from the shared
 * statistics layer (StatsRepository), the same figures the public dashboard publishes.
 */
let ReportsRepository = class ReportsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /**
     * One page of the export, in code order after `afterCode` (keyset paging through the unique
     * index on `code`, so a long export never holds more than a page in memory). The amount is what
     * the claim holds of the budget, or its evaluated amount once released.
     */
    async exportPage(filter, afterCode, limit) {
        const rows = (await this.dataSource.query(`SELECT a.id, a.code, a.program_id, p.code AS program_code, a.status, a.stage,
              CASE WHEN a.reserved_fen > 0 THEN a.reserved_fen ELSE COALESCE((a.evaluation->>'amountFen')::bigint, 0) END AS amount_fen,
              a.risk_score, a.submitted_at, a.complete_at,
              (SELECT string_agg(f.code, ', ' ORDER BY f.code) FROM application_flag f WHERE f.application_id = a.id) AS flags,
              rp.name_enc, rp.id_number_enc, rp.bank_account_enc, u.phone_enc
         FROM application a
         JOIN program p ON p.id = a.program_id
         JOIN user_account u ON u.id = a.applicant_id
         LEFT JOIN resident_profile rp ON rp.user_id = a.applicant_id
        WHERE a.status <> 'draft' AND a.code > $1
          AND ($2::uuid IS NULL OR a.program_id = $2) AND ($3::text IS NULL OR a.status = $3)
        ORDER BY a.code LIMIT $4`, [afterCode, filter.programId, filter.status, limit]));
        return rows.map((row) => ({
            id: row.id,
            code: row.code,
            programId: row.program_id,
            programCode: row.program_code,
            status: row.status,
            stage: row.stage,
            amountFen: Number(row.amount_fen),
            riskScore: row.risk_score,
            flags: row.flags,
            submittedAt: row.submitted_at,
            completeAt: row.complete_at,
            nameEnc: row.name_enc,
            idNumberEnc: row.id_number_enc,
            bankAccountEnc: row.bank_account_enc,
            phoneEnc: row.phone_enc,
        }));
    }
};
exports.ReportsRepository = ReportsRepository;
exports.ReportsRepository = ReportsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], ReportsRepository);
//# sourceMappingURL=reports.repository.js.map