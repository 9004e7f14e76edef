"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.STATS_EXPORT_FORMATS = exports.CSV_CONTENT_TYPE = exports.XLSX_CONTENT_TYPE = void 0;
exports.statsTables = statsTables;
exports.statsCsv = statsCsv;
exports.statsXlsx = statsXlsx;
const shared_1 = require("@huanxin/shared");
const exceljs_1 = __importDefault(require("exceljs"));
const spreadsheet_safe_1 = require("../common/export/spreadsheet-safe");
exports.XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
exports.CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
exports.STATS_EXPORT_FORMATS = ['csv', 'xlsx'];
const STATUSES = shared_1.APPLICATION_STATUSES.filter((s) => s !== 'draft');
/** The statistics as tables: the same figures (and the same "<5") as `GET /api/stats`. */
function statsTables(stats) {
    return [
        {
            name: 'programs',
            header: [
                '项目/code',
                '项目名称/title_zh',
                'title_en',
                '总额（分）/total_fen',
                '已预留/reserved_fen',
                '已核定/committed_fen',
                '已发放/paid_fen',
                '剩余/remaining_fen',
                ...STATUSES.map((s) => `申请数/claims_${s}`),
                '补贴发放（分）/subsidy_paid_fen',
                '受补贴商品销售额（分）/gross_sales_fen',
                '提交至决定中位天数/median_days_submit_to_decision',
                '核定至发放中位天数/median_days_approval_to_payment',
                '时限达标率/sla_hit_rate',
                '新能源占比/nev_share',
                '暂停时间/pauses_at',
                `数据时间/as_of`,
            ],
            rows: stats.programs.map((p) => [
                p.code,
                p.title.zh,
                p.title.en,
                p.budget.totalFen,
                p.budget.reservedFen,
                p.budget.committedFen,
                p.budget.paidFen,
                p.budget.remainingFen,
                ...STATUSES.map((s) => p.claims[s]),
                p.paidFen,
                p.grossSalesFen,
                p.medianDays.submitToDecision,
                p.medianDays.approvalToPayment,
                p.slaHitRate,
                p.units.nevShare,
                p.pause?.pausesAt ?? null,
                stats.asOf,
            ]),
        },
        {
            name: 'weekly',
            header: ['周（周一）/week', '新提交/submitted', '核定/approved', '发放（分）/paid_fen'],
            rows: stats.weekly.map((w) => [w.week, w.submitted, w.approved, w.paidFen]),
        },
        {
            name: 'tranches',
            header: [
                '项目/code',
                '金额（分）/amount_fen',
                '来源/source',
                '生效日期/effective_on',
                '文号/document_no',
                '已生效/in_effect',
            ],
            rows: stats.programs.flatMap((p) => p.tranches.map((t) => [
                p.code,
                t.amountFen,
                t.source,
                t.effectiveOn,
                t.documentNo,
                t.inEffect ? 'yes' : 'no',
            ])),
        },
        {
            name: 'units',
            header: ['项目/code', '类别/category', '等级/grade', '数量/units'],
            rows: stats.programs.flatMap((p) => [
                ...p.units.byCategory.map((u) => [p.code, u.category, null, u.units]),
                ...p.units.byGrade.map((u) => [p.code, null, u.grade, u.units]),
            ]),
        },
        {
            name: 'return_reasons',
            header: ['退回原因/reason_code', '次数/count'],
            rows: stats.topReturnReasons.map((r) => [r.code, r.count]),
        },
    ];
}
/** The programs table as CSV (UTF-8 with BOM so Excel reads the Chinese, CRLF lines). */
function statsCsv(stats) {
    const [programs] = statsTables(stats);
    return (0, spreadsheet_safe_1.csvDocument)([programs.header, ...programs.rows]);
}
/** Every table as a sheet of one workbook. */
async function statsXlsx(stats) {
    const workbook = new exceljs_1.default.Workbook();
    workbook.created = new Date(stats.asOf);
    for (const table of statsTables(stats)) {
        const sheet = workbook.addWorksheet(table.name);
        sheet.addRow((0, spreadsheet_safe_1.safeRow)(table.header));
        for (const row of table.rows)
            sheet.addRow((0, spreadsheet_safe_1.safeRow)(row));
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
}
//# sourceMappingURL=stats.export.js.map