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
exports.ProductsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const programs_repository_1 = require("../programs/programs.repository");
const organizations_repository_1 = require("./organizations.repository");
const products_repository_1 = require("./products.repository");
const DAY_MS = 86_400_000;
const notFound = () => new domain_error_1.DomainError(shared_1.ErrorCode.PRODUCT_NOT_FOUND, 'No such product');
/** Car programs have no product register: their goods are vehicles, identified by VIN. */
const isGoodsProgram = (kind) => !kind.startsWith('car');
/**
 * The product register (operations.md §2): SKUs per organisation and goods program with their filed
 * price, every price kept. A raise more than 10 % above the lowest price in force during the 90 days
 * before it is flagged on its history row (the "raise before the discount" signal for later claims).
 */
let ProductsService = class ProductsService {
    constructor(products, organizations, programs, audit, clock) {
        this.products = products;
        this.organizations = organizations;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }
    async list(caller) {
        const rows = await this.products.listOwn(caller.organizationId);
        const histories = await this.products.histories(rows.map((row) => row.id));
        const now = this.clock.now();
        return rows.map((row) => this.view(row, histories.get(row.id) ?? [], now));
    }
    async create(caller, input) {
        const organizationId = caller.organizationId;
        await this.checkProgram(organizationId, input);
        const now = this.clock.now();
        const barcode = (0, shared_1.validateGtin13)(input.barcode).value;
        const { product, history } = await this.products.transaction(async (manager) => {
            const product = await this.products.insert({
                organizationId,
                programCode: input.programCode,
                category: input.category,
                barcode,
                brand: input.brand.trim(),
                model: input.model.trim(),
                efficiencyGrade: input.efficiencyGrade ?? null,
                filedPriceFen: input.filedPriceFen,
            }, manager);
            if (!product)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.DUPLICATE_PRODUCT, 'This barcode is filed for this program already', {
                    fields: { barcode: shared_1.ErrorCode.DUPLICATE_PRODUCT },
                });
            const first = {
                productId: product.id,
                priceFen: input.filedPriceFen,
                baselineFen: null,
                raiseBasisPoints: 0,
                flagged: false,
                changedBy: caller.id,
                effectiveAt: now,
            };
            await this.products.insertPrice(first, manager);
            await this.audit.record({
                action: 'product.created',
                result: 'success',
                objectType: 'product',
                objectId: product.id,
                detail: { programCode: input.programCode, filedPriceFen: input.filedPriceFen },
            }, manager);
            return { product, history: [first] };
        });
        return this.view(product, history, now);
    }
    async changePrice(caller, id, input) {
        const organizationId = caller.organizationId;
        const now = this.clock.now();
        const windowStart = new Date(now.getTime() - shared_1.FILED_PRICE_RAISE_RULE.windowDays * DAY_MS);
        await this.products.transaction(async (manager) => {
            const product = await this.products.lockOwn(id, organizationId, manager);
            if (!product)
                throw notFound();
            if (product.filedPriceFen === input.filedPriceFen)
                return;
            const baseline = (await this.products.lowestPriceSince(id, windowStart, manager)) ?? product.filedPriceFen;
            const flagged = (0, shared_1.isFlaggedPriceRaise)(baseline, input.filedPriceFen);
            await this.products.insertPrice({
                productId: id,
                priceFen: input.filedPriceFen,
                baselineFen: baseline,
                raiseBasisPoints: (0, shared_1.priceRaiseBasisPoints)(baseline, input.filedPriceFen),
                flagged,
                changedBy: caller.id,
                effectiveAt: now,
            }, manager);
            await this.products.setFiledPrice(id, input.filedPriceFen, now, manager);
            await this.audit.record({
                action: 'product.price_changed',
                result: 'success',
                objectType: 'product',
                objectId: id,
                detail: {
                    fromFen: product.filedPriceFen,
                    toFen: input.filedPriceFen,
                    baselineFen: baseline,
                    flagged,
                },
            }, manager);
        });
        const product = (await this.products.findOwn(id, organizationId));
        const histories = await this.products.histories([id]);
        return this.view(product, histories.get(id) ?? [], now);
    }
    /** The program must be a published goods program the organisation joined; category and grade as it defines. */
    async checkProgram(organizationId, input) {
        const program = await this.programs.findCurrentByCode(input.programCode);
        if (!program || !isGoodsProgram(program.definition.kind))
            throw (0, domain_error_1.validationFailed)({ programCode: shared_1.FieldErrorCode.NOT_IN_OPTIONS });
        const organization = await this.organizations.findById(organizationId);
        if (!organization?.programs.includes(input.programCode))
            throw (0, domain_error_1.validationFailed)({ programCode: shared_1.FieldErrorCode.PROGRAM_NOT_JOINED });
        const fields = program.definition.factFields;
        const category = fields.find((field) => field.path === 'item.category');
        const options = category?.options ?? [];
        if (options.length > 0 && !options.some((option) => option.value === input.category))
            throw (0, domain_error_1.validationFailed)({ category: shared_1.FieldErrorCode.NOT_IN_OPTIONS });
        const grade = fields.some((field) => field.path === 'item.efficiencyGrade');
        if (grade && (input.efficiencyGrade === undefined || input.efficiencyGrade === null))
            throw (0, domain_error_1.validationFailed)({ efficiencyGrade: shared_1.FieldErrorCode.REQUIRED });
    }
    view(product, history, now) {
        const windowStart = now.getTime() - shared_1.FILED_PRICE_RAISE_RULE.windowDays * DAY_MS;
        return {
            id: product.id,
            programCode: product.programCode,
            category: product.category,
            barcode: product.barcode,
            brand: product.brand,
            model: product.model,
            efficiencyGrade: product.efficiencyGrade,
            filedPriceFen: product.filedPriceFen,
            priceRaiseFlagged: history.some((row) => row.flagged && row.effectiveAt.getTime() > windowStart),
            priceHistory: history.map((row) => ({
                priceFen: row.priceFen,
                effectiveAt: row.effectiveAt.toISOString(),
                baselineFen: row.baselineFen,
                flagged: row.flagged,
            })),
            createdAt: product.createdAt.toISOString(),
            updatedAt: product.updatedAt.toISOString(),
        };
    }
};
exports.ProductsService = ProductsService;
exports.ProductsService = ProductsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [products_repository_1.ProductsRepository,
        organizations_repository_1.OrganizationsRepository,
        programs_repository_1.ProgramsRepository,
        audit_service_1.AuditService,
        clock_1.Clock])
], ProductsService);
//# sourceMappingURL=products.service.js.map