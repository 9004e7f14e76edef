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
exports.SalesImportController = exports.ImportTemplateQueryDto = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const class_validator_1 = require("class-validator");
const auth_decorators_1 = require("../../auth/auth.decorators");
const dealer_access_guard_1 = require("../dealer-access.guard");
const import_template_1 = require("./import-template");
const import_file_1 = require("./import-file");
const sales_import_service_1 = require("./sales-import.service");
const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
class ImportTemplateQueryDto {
}
exports.ImportTemplateQueryDto = ImportTemplateQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: import_template_1.IMPORT_TEMPLATE_FORMATS, default: 'xlsx' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(import_template_1.IMPORT_TEMPLATE_FORMATS),
    __metadata("design:type", String)
], ImportTemplateQueryDto.prototype, "format", void 0);
/** Bulk import of goods sale records (issue 13): the template and the all-or-nothing import. */
let SalesImportController = class SalesImportController {
    constructor(imports) {
        this.imports = imports;
    }
    async template(user, query, reply) {
        const format = query.format ?? 'xlsx';
        const body = await this.imports.template(user, format);
        await reply
            .header('content-type', format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE)
            .header('content-disposition', `attachment; filename="huanxin-sales-import.${format}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            .send(body);
    }
    async import(user, request) {
        return this.imports.import(user, () => (0, import_file_1.readImportUpload)(request));
    }
};
exports.SalesImportController = SalesImportController;
__decorate([
    (0, common_1.Get)('template'),
    (0, swagger_1.ApiProduces)(CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE),
    (0, swagger_1.ApiOperation)({
        summary: 'The import template: headers 中文/path; XLSX with per-column notes, a 说明 sheet and the organisation’s products; CSV UTF-8 with BOM',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, ImportTemplateQueryDto, Object]),
    __metadata("design:returntype", Promise)
], SalesImportController.prototype, "template", null);
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    (0, swagger_1.ApiBody)({
        schema: {
            type: 'object',
            required: ['file'],
            properties: {
                file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 or GB 18030) or .xlsx' },
            },
        },
    }),
    (0, swagger_1.ApiOperation)({
        summary: `Import goods sales, all rows or none: 200 { created, errors: [] }; 422 IMPORT_FAILED { rows: [{ line, field, code }] }, IMPORT_COLUMNS, TOO_MANY_ROWS (> ${shared_1.SALES_IMPORT_MAX_ROWS}), IMPORT_ARCHIVE_REJECTED; 413 above ${shared_1.SALES_IMPORT_MAX_BYTES / 1024 / 1024} MB; 415 not CSV/XLSX`,
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], SalesImportController.prototype, "import", null);
exports.SalesImportController = SalesImportController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer/sales/import'),
    (0, dealer_access_guard_1.DealerRoutes)(),
    __metadata("design:paramtypes", [sales_import_service_1.SalesImportService])
], SalesImportController);
//# sourceMappingURL=sales-import.controller.js.map