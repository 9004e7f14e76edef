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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
var ReportsService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportsService = exports.XLSX_CONTENT_TYPE = void 0;
const node_stream_1 = require("node:stream");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const exceljs_1 = __importDefault(require("exceljs"));
const spreadsheet_safe_1 = require("../../common/export/spreadsheet-safe");
const audit_service_1 = require("../../audit/audit.service");
const clock_1 = require("../../common/clock");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const domain_error_1 = require("../../common/errors/domain-error");
const programs_cache_1 = require("../../programs/programs.cache");
const programs_repository_1 = require("../../programs/programs.repository");
const sla_digest_service_1 = require("../sla/sla-digest.service");
const sla_repository_1 = require("../sla/sla.repository");
const stats_repository_1 = require("../../stats/stats.repository");
const reports_repository_1 = require("./reports.repository");
const EXPORT_PAGE = 500;
const STATUS_ZH = {
    submitted: '已提交',
    checking: '自动核验中',
    in_review: '审核中',
    returned: '退回补正',
    approved: '审核通过',
    paid: '已发放',
    rejected: '未通过',
    withdrawn: '已撤回',
    expired: '已过期',
};
exports.XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The columns of the export (Chinese first, the English name below in the header comment). */
const COLUMNS = [
    { header: '申请编号', key: 'code', width: 20 },
    { header: '项目', key: 'program', width: 22 },
    { header: '状态', key: 'status', width: 10 },
    { header: '状态代码', key: 'statusCode', width: 12 },
    { header: '审核阶段', key: 'stage', width: 16 },
    { header: '申请人', key: 'name', width: 10 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '手机号', key: 'phone', width: 14 },
    { header: '银行卡号', key: 'bankCard', width: 22 },
    { header: '金额（分）', key: 'amountFen', width: 12 },
    { header: '风险分', key: 'riskScore', width: 8 },
    { header: '风险标记', key: 'flags', width: 40 },
    { header: '提交时间', key: 'submittedAt', width: 26 },
    { header: '完整时间（审核起算）', key: 'completeAt', width: 26 },
    { header: '时限状态', key: 'sla', width: 10 },
];
/**
 * The review console's reports: per-program stats (budget figures from the programs cache, claims
 * by status and stage, SLA states of the claims in review) and the `.xlsx` export with every
 * identifier masked (the full values only through the audited reveal).
 */
let ReportsService = ReportsService_1 = class ReportsService {
    constructor(reports, figures, sla, programs, cache, cipher, audit, clock) {
        this.reports = reports;
        this.figures = figures;
        this.sla = sla;
        this.programs = programs;
        this.cache = cache;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.logger = new common_1.Logger(ReportsService_1.name);
    }
    async stats() {
        const now = this.clock.now();
        const snapshot = await this.cache.snapshot();
        const counts = await this.figures.claimCounts();
        const sla = await this.sla.counts(snapshot.programs.map((p) => (0, sla_repository_1.slaBoundaries)(p.id, (0, sla_digest_service_1.reviewDaysOf)(p.definition), now)));
        const programs = snapshot.programs.map((program) => {
            const byStatus = Object.fromEntries(shared_1.APPLICATION_STATUSES.map((s) => [s, 0]));
            const byStage = Object.fromEntries(shared_1.REVIEW_STAGES.map((s) => [s, 0]));
            for (const row of counts) {
                if (row.programId !== program.id)
                    continue;
                byStatus[row.status] += row.count;
                if (row.status === 'in_review' && row.stage)
                    byStage[row.stage] += row.count;
            }
            const budget = snapshot.budgets.get(program.id) ?? {
                totalFen: 0,
                reservedFen: 0,
                committedFen: 0,
                paidFen: 0,
                remainingFen: 0,
            };
            return {
                programCode: program.code,
                title: program.definition.title,
                reviewDays: (0, sla_digest_service_1.reviewDaysOf)(program.definition),
                budget,
                byStatus,
                byStage,
                sla: sla.get(program.id) ?? { ok: 0, warning: 0, overdue: 0 },
            };
        });
        return { generatedAt: now.toISOString(), programs };
    }
    /**
     * The export as a stream of `.xlsx` bytes: exceljs's streaming writer, fed a page of claims at a
     * time, so memory stays flat however many claims there are. Names, ID numbers, phones and cards
     * are decrypted only to be masked. The filters are checked (404 for an unknown program) before
     * anything is sent, and the export is audited with them.
     */
    async export(filter) {
        let programId = null;
        const reviewDays = new Map();
        if (filter.program) {
            const program = await this.programs.findCurrentByCode(filter.program);
            if (!program)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${filter.program}`);
            programId = program.id;
        }
        for (const program of await this.programs.listCurrent())
            reviewDays.set(program.id, (0, sla_digest_service_1.reviewDaysOf)(program.definition));
        const now = this.clock.now();
        await this.audit.record({
            action: 'review.export',
            result: 'success',
            detail: { program: filter.program ?? null, status: filter.status ?? null },
        });
        const filename = `review-export-${filter.program ?? 'all'}-${filter.status ?? 'all'}-${(0, clock_1.shanghaiDate)(now)}.xlsx`;
        const stream = new node_stream_1.PassThrough();
        void this.write(stream, { programId, status: filter.status ?? null }, reviewDays, now).catch((error) => {
            this.logger.error({ err: error }, 'review export failed while streaming');
            stream.destroy(error);
        });
        return { filename, stream };
    }
    async write(stream, filter, reviewDays, now) {
        const workbook = new exceljs_1.default.stream.xlsx.WorkbookWriter({
            stream,
            useStyles: false,
            useSharedStrings: false,
        });
        const sheet = workbook.addWorksheet('claims');
        sheet.columns = COLUMNS;
        let after = '';
        for (;;) {
            const page = await this.reports.exportPage(filter, after, EXPORT_PAGE);
            for (const row of page) {
                const days = reviewDays.get(row.programId) ?? 15;
                sheet
                    .addRow((0, spreadsheet_safe_1.safeRow)({
                    code: row.code,
                    program: row.programCode,
                    status: STATUS_ZH[row.status] ?? row.status,
                    statusCode: row.status,
                    stage: row.stage ?? '',
                    name: row.nameEnc ? (0, shared_1.maskName)(this.cipher.decrypt(row.nameEnc, 'profile.name')) : '',
                    idNumber: row.idNumberEnc
                        ? (0, shared_1.maskIdNumber)(this.cipher.decrypt(row.idNumberEnc, 'profile.id_number'))
                        : '',
                    phone: row.phoneEnc ? (0, shared_1.maskPhone)(this.cipher.decrypt(row.phoneEnc, 'user.phone')) : '',
                    bankCard: row.bankAccountEnc
                        ? (0, shared_1.maskBankCard)(this.cipher.decrypt(row.bankAccountEnc, 'profile.bank_account'))
                        : '',
                    amountFen: row.amountFen,
                    riskScore: row.riskScore,
                    flags: row.flags ?? '',
                    submittedAt: row.submittedAt?.toISOString() ?? '',
                    completeAt: row.completeAt?.toISOString() ?? '',
                    sla: row.status === 'in_review' && row.completeAt ? (0, shared_1.slaState)(row.completeAt, days, now) : '',
                }))
                    .commit();
            }
            if (page.length < EXPORT_PAGE)
                break;
            after = page[page.length - 1].code;
        }
        sheet.commit();
        await workbook.commit();
    }
};
exports.ReportsService = ReportsService;
exports.ReportsService = ReportsService = ReportsService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [reports_repository_1.ReportsRepository,
        stats_repository_1.StatsRepository,
        sla_repository_1.SlaRepository,
        programs_repository_1.ProgramsRepository,
        programs_cache_1.ProgramsCache,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService,
        clock_1.Clock])
], ReportsService);
//# sourceMappingURL=reports.service.js.map