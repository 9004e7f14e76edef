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
exports.DealerSaleEntity = exports.DEALER_SALE_UNIQUE = void 0;
const shared_1 = require("@huanxin/shared");
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../../applications/application.entity");
const transformers_1 = require("../../database/transformers");
const organization_entity_1 = require("../../users/organization.entity");
const user_entity_1 = require("../../users/user.entity");
const product_entity_1 = require("../product.entity");
const quoted = (values) => values.map((value) => `'${value}'`).join(', ');
/**
 * The unique indexes of `dealer_sale`, by name: a violation of one is answered with its code
 * (409) on its field. Uniqueness is the database's, so two dealers racing with one serial number
 * cannot both win (operations.md §3: serials and IMEIs unique per category, an invoice backs one
 * sale; §4: one new VIN, one sale). The serial index leads with the serial so a claim's serial is
 * found without its category.
 */
exports.DEALER_SALE_UNIQUE = {
    dealer_sale_serial_unique: { code: 'DUPLICATE_SERIAL', field: 'serialNo' },
    dealer_sale_imei_unique: { code: 'DUPLICATE_IMEI', field: 'imei' },
    dealer_sale_invoice_unique: { code: 'DUPLICATE_INVOICE', field: 'invoiceNo' },
    dealer_sale_vin_unique: { code: 'DUPLICATE_VIN', field: 'vehicle.vin' },
};
/**
 * A sale recorded by a dealer (operations.md §3 goods, §4 cars): the source the review matrix and
 * the risk rules compare a resident's claim against, and the dealer's ledger is built on.
 *
 * Identifiers are stored normalised (`normalizeIdentifier`: half-width, upper-case, no spaces or
 * dashes) — the form claims' keys hold — so a claim is matched by plain equality. The buyer's name
 * and ID number and the delivery address are personal data: encrypted (PiiCipher), with keyed
 * blind indexes of the ID (same kind as the profiles', so a sale matches its buyer's profile) and
 * of the normalised address (many items to one address). Amounts in fen, with the sale's invariant
 * `price = paid + subsidy + other discounts` as a CHECK.
 */
let DealerSaleEntity = class DealerSaleEntity {
};
exports.DealerSaleEntity = DealerSaleEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'uuid' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], DealerSaleEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'recorded_by', type: 'uuid' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "recordedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'recorded_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], DealerSaleEntity.prototype, "recorder", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: 'recorded' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_code', type: 'text' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "programCode", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'product_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "productId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => product_entity_1.ProductEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'product_id' }),
    __metadata("design:type", product_entity_1.ProductEntity)
], DealerSaleEntity.prototype, "product", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'serial_no', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "serialNo", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "imei", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "vin", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "powertrain", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'displacement_ml', type: 'integer', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "displacementMl", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'in_nev_catalogue', type: 'boolean', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "inNevCatalogue", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'price_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], DealerSaleEntity.prototype, "priceFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'paid_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], DealerSaleEntity.prototype, "paidFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'subsidy_fen', type: 'bigint', default: 0, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], DealerSaleEntity.prototype, "subsidyFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'other_discount_fen', type: 'bigint', default: 0, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], DealerSaleEntity.prototype, "otherDiscountFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'filed_price_fen', type: 'bigint', nullable: true, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "filedPriceFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'invoice_no', type: 'text' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "invoiceNo", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'invoice_date', type: 'date' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "invoiceDate", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'buyer_name_enc', type: 'text' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "buyerNameEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'buyer_id_number_enc', type: 'text' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "buyerIdNumberEnc", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'buyer_id_number_bidx', type: 'text' }),
    __metadata("design:type", String)
], DealerSaleEntity.prototype, "buyerIdNumberBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'delivery_mode', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "deliveryMode", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'delivery_address_enc', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "deliveryAddressEnc", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'delivery_address_bidx', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "deliveryAddressBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'tracking_no', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "trackingNo", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'delivered_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "deliveredOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'old_item_recycler_uscc', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "oldItemRecyclerUscc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'old_item_receipt_no', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "oldItemReceiptNo", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'old_item_recycled_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "oldItemRecycledOn", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true, where: '"application_id" IS NOT NULL' }),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], DealerSaleEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'returned_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "returnedOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'return_reason', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "returnReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'return_outcome', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "returnOutcome", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'returned_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], DealerSaleEntity.prototype, "returnedAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], DealerSaleEntity.prototype, "createdAt", void 0);
exports.DealerSaleEntity = DealerSaleEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'dealer_sale' }),
    (0, typeorm_1.Index)(['organizationId', 'createdAt']),
    (0, typeorm_1.Index)('dealer_sale_serial_unique', ['serialNo', 'category'], {
        unique: true,
        where: '"serial_no" IS NOT NULL',
    }),
    (0, typeorm_1.Index)('dealer_sale_imei_unique', ['imei'], { unique: true, where: '"imei" IS NOT NULL' }),
    (0, typeorm_1.Index)('dealer_sale_invoice_unique', ['invoiceNo'], { unique: true }),
    (0, typeorm_1.Index)('dealer_sale_vin_unique', ['vin'], { unique: true, where: '"vin" IS NOT NULL' }),
    (0, typeorm_1.Check)('dealer_sale_kind_known', `"kind" IN (${quoted(shared_1.SALE_KINDS)})`),
    (0, typeorm_1.Check)('dealer_sale_status_known', `"status" IN (${quoted(shared_1.DEALER_SALE_STATUSES)})`),
    (0, typeorm_1.Check)('dealer_sale_delivery_known', `"delivery_mode" IS NULL OR "delivery_mode" IN (${quoted(shared_1.DELIVERY_MODES)})`),
    (0, typeorm_1.Check)('dealer_sale_amounts_add_up', '"price_fen" = "paid_fen" + "subsidy_fen" + "other_discount_fen" AND "price_fen" > 0 AND "paid_fen" >= 0 AND "subsidy_fen" >= 0 AND "other_discount_fen" >= 0'),
    (0, typeorm_1.Check)('dealer_sale_kind_fields', `("kind" = 'goods' AND "product_id" IS NOT NULL AND "serial_no" IS NOT NULL AND "delivery_mode" IS NOT NULL AND "vin" IS NULL)
   OR ("kind" = 'car' AND "vin" IS NOT NULL AND "product_id" IS NULL AND "serial_no" IS NULL)`),
    (0, typeorm_1.Check)('dealer_sale_return_outcome_known', `"return_outcome" IS NULL OR "return_outcome" IN (${quoted(shared_1.RETURN_OUTCOMES)})`),
    (0, typeorm_1.Check)('dealer_sale_returned_consistent', `("status" = 'returned') = ("returned_on" IS NOT NULL AND "return_reason" IS NOT NULL AND "return_outcome" IS NOT NULL AND "returned_at" IS NOT NULL)`),
    (0, typeorm_1.Check)('dealer_sale_delivery_address', `"delivery_mode" IS DISTINCT FROM 'delivery' OR "delivery_address_enc" IS NOT NULL`)
], DealerSaleEntity);
//# sourceMappingURL=dealer-sale.entity.js.map