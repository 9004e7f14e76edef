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
exports.ProductPriceEntity = exports.ProductEntity = void 0;
const typeorm_1 = require("typeorm");
const transformers_1 = require("../database/transformers");
const organization_entity_1 = require("../users/organization.entity");
const user_entity_1 = require("../users/user.entity");
/**
 * A SKU in an organisation's product register (operations.md §2): per program, one row per GTIN-13
 * barcode, with its current filed price (备案价). Every filed price, the first one included, is a
 * row of `dealer_product_price`.
 */
let ProductEntity = class ProductEntity {
};
exports.ProductEntity = ProductEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ProductEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'uuid' }),
    __metadata("design:type", String)
], ProductEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], ProductEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_code', type: 'text' }),
    __metadata("design:type", String)
], ProductEntity.prototype, "programCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ProductEntity.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ProductEntity.prototype, "barcode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ProductEntity.prototype, "brand", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ProductEntity.prototype, "model", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'efficiency_grade', type: 'smallint', nullable: true }),
    __metadata("design:type", Object)
], ProductEntity.prototype, "efficiencyGrade", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'filed_price_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], ProductEntity.prototype, "filedPriceFen", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProductEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProductEntity.prototype, "updatedAt", void 0);
exports.ProductEntity = ProductEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'dealer_product' }),
    (0, typeorm_1.Index)(['organizationId', 'programCode', 'barcode'], { unique: true }),
    (0, typeorm_1.Check)('dealer_product_price_positive', '"filed_price_fen" > 0'),
    (0, typeorm_1.Check)('dealer_product_grade_range', '"efficiency_grade" IS NULL OR "efficiency_grade" BETWEEN 1 AND 5')
], ProductEntity);
/**
 * One filed price of a product. A raise more than 10 % above `baseline_fen` (the lowest price filed
 * in the 90 days before it) is `flagged`: a later claim for this product sold within 90 days of
 * `effective_at` carries a review signal ("raise before the discount"). What the review needs is
 * here: the price, the baseline, the raise in basis points, when and by whom.
 */
let ProductPriceEntity = class ProductPriceEntity {
};
exports.ProductPriceEntity = ProductPriceEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ProductPriceEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'product_id', type: 'uuid' }),
    __metadata("design:type", String)
], ProductPriceEntity.prototype, "productId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => ProductEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'product_id' }),
    __metadata("design:type", ProductEntity)
], ProductPriceEntity.prototype, "product", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'price_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], ProductPriceEntity.prototype, "priceFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'baseline_fen', type: 'bigint', nullable: true, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Object)
], ProductPriceEntity.prototype, "baselineFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'raise_basis_points', type: 'integer', default: 0 }),
    __metadata("design:type", Number)
], ProductPriceEntity.prototype, "raiseBasisPoints", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], ProductPriceEntity.prototype, "flagged", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'changed_by', type: 'uuid' }),
    __metadata("design:type", String)
], ProductPriceEntity.prototype, "changedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'changed_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ProductPriceEntity.prototype, "changer", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'effective_at', type: 'timestamptz', default: () => 'now()' }),
    __metadata("design:type", Date)
], ProductPriceEntity.prototype, "effectiveAt", void 0);
exports.ProductPriceEntity = ProductPriceEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'dealer_product_price' }),
    (0, typeorm_1.Index)(['productId', 'effectiveAt']),
    (0, typeorm_1.Index)('dealer_product_price_flagged', ['productId', 'effectiveAt'], { where: '"flagged"' }),
    (0, typeorm_1.Check)('dealer_product_price_fen_positive', '"price_fen" > 0')
], ProductPriceEntity);
//# sourceMappingURL=product.entity.js.map