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
var AuditConsoleService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditConsoleService = void 0;
const promises_1 = require("node:fs/promises");
const node_stream_1 = require("node:stream");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const config_module_1 = require("../config/config.module");
const audit_anchor_1 = require("./audit-anchor");
const audit_dto_1 = require("./audit.dto");
const audit_export_1 = require("./audit.export");
const audit_repository_1 = require("./audit.repository");
const audit_service_1 = require("./audit.service");
/** Rows read per statement while exporting: one page in memory at a time. */
const EXPORT_PAGE = 1000;
/**
 * What the auditor's console does besides listing and verifying: the export of the filtered log
 * and the check of the database against the anchors the worker wrote outside it. Both are
 * audited. Anchoring itself stays the worker's daily job: the role that checks the anchors does
 * not also write them (separation of duties), and no HTTP route can add one.
 */
let AuditConsoleService = AuditConsoleService_1 = class AuditConsoleService {
    constructor(dataSource, config, rows, audit, clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
        this.logger = new common_1.Logger(AuditConsoleService_1.name);
    }
    /**
     * The rows matching the filters, newest first, as CSV or XLSX, pinned to the newest row when the
     * export starts (rows written while it streams — its own audit row among them — are not in it).
     * More than `AUDIT_EXPORT_MAX_ROWS` (100k) matching rows is refused before anything is sent (422
     * AUDIT_EXPORT_TOO_LARGE) rather than cut silently: an auditor must not take a partial log for
     * the whole. Counting stops at the limit, so the refusal costs at most that many index entries.
     */
    async export(filter, format) {
        const filters = (0, audit_dto_1.filtersOf)(filter);
        const upToSeq = await this.rows.lastSeq();
        const limit = this.config.audit.exportMaxRows;
        const matched = await this.rows.countUpTo(filters, upToSeq, limit + 1);
        if (matched > limit) {
            await this.audit.record({
                action: 'audit.exported',
                result: 'failure',
                detail: { filters, format, reason: 'too_large', limit },
            });
            throw new domain_error_1.DomainError(shared_1.ErrorCode.AUDIT_EXPORT_TOO_LARGE, `More than ${limit} rows match: narrow the filters`, { extra: { limit } });
        }
        await this.audit.record({
            action: 'audit.exported',
            result: 'success',
            detail: { filters, format, rows: matched, upToSeq },
        });
        const stream = new node_stream_1.PassThrough();
        void (0, audit_export_1.writeAuditExport)(format, this.pages(filters, upToSeq), stream).catch((error) => {
            this.logger.error({ err: error }, 'audit export failed while streaming');
            stream.destroy(error);
        });
        return { filename: `audit-log-${(0, clock_1.shanghaiDate)(this.clock.now())}.${format}`, format, stream };
    }
    async *pages(filter, upToSeq) {
        let beforeSeq = null;
        for (;;) {
            const page = await this.rows.exportPage(filter, { upToSeq, beforeSeq }, EXPORT_PAGE);
            if (page.length)
                yield page;
            if (page.length < EXPORT_PAGE)
                return;
            beforeSeq = page[page.length - 1].seq;
        }
    }
    /**
     * The anchor file this process reads (`AUDIT_ANCHOR_FILE`; the API and the worker share
     * DATA_DIR under `npm start` and in docker-compose), its `last` newest anchors, and the check
     * of the database against all of them: the chain must verify, every anchored position must
     * still hold its hash, the file's lines must link. Audited like `audit.verify`.
     */
    async anchors(last) {
        const path = this.config.audit.anchorFile;
        const fileFound = await (0, promises_1.access)(path).then(() => true, () => false);
        const file = await (0, audit_anchor_1.readAnchorFile)(path);
        const report = await (0, audit_anchor_1.verifyAgainstAnchors)(this.dataSource, file, await this.rows.verify());
        await this.audit.record({
            action: 'audit.anchors_checked',
            result: report.ok ? 'success' : 'failure',
            objectType: 'audit_chain',
            detail: {
                anchors: report.anchors,
                anchorsMatched: report.anchorsMatched,
                chainOk: report.chain.ok,
                ...(report.firstMismatch ? { firstMismatch: { ...report.firstMismatch } } : {}),
                brokenLines: report.brokenLines,
            },
        });
        return {
            file: path,
            fileFound,
            anchors: file.anchors.slice(-last).map(({ line, anchor }) => ({
                line,
                chainSeq: anchor.chainSeq,
                hash: anchor.hash,
                anchoredAt: anchor.anchoredAt,
            })),
            report,
        };
    }
};
exports.AuditConsoleService = AuditConsoleService;
exports.AuditConsoleService = AuditConsoleService = AuditConsoleService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object, audit_repository_1.AuditRepository,
        audit_service_1.AuditService,
        clock_1.Clock])
], AuditConsoleService);
//# sourceMappingURL=audit-console.service.js.map