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
exports.AuditController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const audit_console_service_1 = require("./audit-console.service");
const audit_dto_1 = require("./audit.dto");
const audit_export_1 = require("./audit.export");
const audit_repository_1 = require("./audit.repository");
const audit_service_1 = require("./audit.service");
let AuditController = class AuditController {
    constructor(rows, audit, console) {
        this.rows = rows;
        this.audit = audit;
        this.console = console;
    }
    async search(query) {
        (0, audit_dto_1.assertWindow)(query);
        const rows = await this.rows.search(query);
        await this.audit.record({ action: 'audit.read', result: 'success', detail: { filters: { ...query } } });
        return rows;
    }
    async verify() {
        const report = await this.rows.verify();
        await this.audit.record({
            action: 'audit.verify',
            result: report.ok ? 'success' : 'failure',
            detail: { ...report },
        });
        return report;
    }
    async export(query, reply) {
        (0, audit_dto_1.assertWindow)(query);
        const { filename, format, stream } = await this.console.export(query, query.format ?? 'csv');
        await reply
            .header('content-type', audit_export_1.AUDIT_EXPORT_CONTENT_TYPES[format])
            .header('content-disposition', `attachment; filename="${filename}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            .send(stream);
    }
    anchors(query) {
        return this.console.anchors(query.last ?? 30);
    }
};
exports.AuditController = AuditController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'Audit rows, newest first, chained or not yet (reading is itself audited)' }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [audit_dto_1.AuditQueryDto]),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "search", null);
__decorate([
    (0, common_1.Get)('verify'),
    (0, swagger_1.ApiOperation)({
        summary: 'Recompute the hash chain: { ok, checked, firstBadSeq?, firstBadPosition?, unchained, staleUnchained, oldestUnchainedAt? }',
    }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "verify", null);
__decorate([
    (0, common_1.Get)('export'),
    (0, swagger_1.ApiProduces)(audit_export_1.AUDIT_EXPORT_CONTENT_TYPES.csv, audit_export_1.AUDIT_EXPORT_CONTENT_TYPES.xlsx),
    (0, swagger_1.ApiOperation)({
        summary: 'The filtered rows as CSV (UTF-8, BOM) or XLSX, newest first, streamed; over AUDIT_EXPORT_MAX_ROWS → 422 AUDIT_EXPORT_TOO_LARGE; audited (audit.exported)',
    }),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [audit_dto_1.AuditExportQueryDto, Object]),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "export", null);
__decorate([
    (0, common_1.Get)('anchors'),
    (0, swagger_1.ApiOperation)({
        summary: 'The anchor file the API reads, its last anchors and the database checked against them; audited. Anchoring stays the worker’s job',
    }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [audit_dto_1.AuditAnchorsQueryDto]),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "anchors", null);
exports.AuditController = AuditController = __decorate([
    (0, swagger_1.ApiTags)('audit'),
    (0, common_1.Controller)('audit'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.AuditRead),
    __metadata("design:paramtypes", [audit_repository_1.AuditRepository,
        audit_service_1.AuditService,
        audit_console_service_1.AuditConsoleService])
], AuditController);
//# sourceMappingURL=audit.controller.js.map