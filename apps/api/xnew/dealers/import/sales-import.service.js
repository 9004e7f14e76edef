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
exports.SalesImportService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../../audit/audit.service");
const clock_1 = require("../../common/clock");
const admission_1 = require("../../common/http/admission");
const products_repository_1 = require("../products.repository");
const sale_errors_1 = require("../sales/sale-errors");
const sales_dto_1 = require("../sales/sales.dto");
const sales_service_1 = require("../sales/sales.service");
const import_file_1 = require("./import-file");
const import_template_1 = require("./import-template");
const sale_rows_1 = require("./sale-rows");
/**
 * Imports at once per process. One holds up to the 20 MB upload and the 64 MB an XLSX may inflate
 * to, so a few at a time keep a replica's memory bounded; the next waits up to the queue's limit,
 * then gets 503 with Retry-After (common/http/admission.ts).
 */
const IMPORT_ADMISSION = { maxInFlight: 2, queueLength: 4, queueTimeoutMs: 20_000 };
/**
 * The bulk import of goods sale records: the file read and checked row by row (parsers, limits
 * and rules in this folder), then every row recorded by `SalesService.recordGoodsMany` in one
 * transaction, all or none; a row it refuses (a duplicate serial, a price above the filed one) is
 * reported at its file line. One audit row per import, with the count and the file's hash.
 */
let SalesImportService = class SalesImportService {
    constructor(sales, products, audit, clock) {
        this.sales = sales;
        this.products = products;
        this.audit = audit;
        this.clock = clock;
        this.gate = new admission_1.AdmissionGate(IMPORT_ADMISSION);
    }
    async template(caller, format) {
        if (format === 'csv')
            return (0, import_template_1.templateCsv)();
        return (0, import_template_1.templateXlsx)(await this.products.listOwn(caller.organizationId));
    }
    async import(caller, upload) {
        const release = await this.gate.acquire();
        try {
            const content = await upload();
            const { kind, sheet } = await (0, import_file_1.readImportFile)(content);
            const today = this.clock.today();
            const { inputs, lines } = await (0, sale_rows_1.validateSaleRows)(sheet, sales_dto_1.GoodsSaleDto, (input) => {
                const checked = (0, shared_1.checkGoodsSale)(input, { today });
                return checked.ok ? {} : checked.fields;
            });
            try {
                await this.sales.recordGoodsMany(caller, inputs);
            }
            catch (error) {
                if (!(error instanceof sale_errors_1.SaleRowsError))
                    throw error;
                throw (0, sale_rows_1.importFailed)(error.rows.map((row) => ({
                    line: lines[row.index] ?? 0,
                    field: row.field,
                    code: row.code,
                })));
            }
            await this.audit.record({
                action: 'dealer_sale.imported',
                result: 'success',
                objectType: 'organization',
                objectId: caller.organizationId,
                detail: {
                    count: inputs.length,
                    format: kind,
                    bytes: content.length,
                    sha256: (0, node_crypto_1.createHash)('sha256').update(content).digest('hex'),
                },
            });
            return { created: inputs.length, errors: [] };
        }
        finally {
            release();
        }
    }
};
exports.SalesImportService = SalesImportService;
exports.SalesImportService = SalesImportService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [sales_service_1.SalesService,
        products_repository_1.ProductsRepository,
        audit_service_1.AuditService,
        clock_1.Clock])
], SalesImportService);
//# sourceMappingURL=sales-import.service.js.map