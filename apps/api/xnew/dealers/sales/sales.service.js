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
exports.SalesService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../../audit/audit.service");
const clock_1 = require("../../common/clock");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const domain_error_1 = require("../../common/errors/domain-error");
const programs_repository_1 = require("../../programs/programs.repository");
const ledger_service_1 = require("../ledger/ledger.service");
const organizations_repository_1 = require("../organizations.repository");
const sale_errors_1 = require("./sale-errors");
const sales_repository_1 = require("./sales.repository");
const voucher_redemption_1 = require("./voucher-redemption");
/** Encryption contexts (PiiCipher binds the column as additional data). */
const FIELD = {
    buyerName: 'dealer_sale.buyer_name',
    buyerIdNumber: 'dealer_sale.buyer_id_number',
    deliveryAddress: 'dealer_sale.delivery_address',
};
/** Audit rows per statement in a bulk recording. */
const AUDIT_CHUNK = 1000;
/** Car programs a car dealer records for: the ones whose claims name a new vehicle. */
const isCarSaleProgram = (program) => program.definition.factFields.some((field) => field.path === 'newVehicle.vin');
const isGoodsProgram = (program) => !program.definition.kind.startsWith('car');
/**
 * Dealer sale records (operations.md §3, §4). Every sale passes, in this order: the shared rules
 * (`checkGoodsSale` / `checkCarSale`: identifiers, a person as buyer, amounts that add up, dates,
 * delivery), the organisation (active, of the kind the sale needs: 403), the program (one it
 * joined), the product (the caller's own — another organisation's id is 404 — of the sale's
 * program, price at most its current filed price, IMEI where the category needs one). Uniqueness
 * (serial per category, IMEI, invoice, new VIN) is the database's: unique indexes, whose violation
 * is the 409 of its code, so concurrent duplicates cannot both be written. A refused sale writes
 * nothing; a recorded one is audited (`dealer_sale.recorded`) in its transaction.
 */
let SalesService = class SalesService {
    constructor(sales, organizations, programs, cipher, audit, clock, vouchers, ledger) {
        this.sales = sales;
        this.organizations = organizations;
        this.programs = programs;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.vouchers = vouchers;
        this.ledger = ledger;
    }
    /** One goods sale; with a `voucherCode` the voucher is redeemed (the subsidy and the point-of-sale claim). */
    async recordGoods(user, input) {
        const organization = await this.writableOrganization(user, 'goods');
        const { prepared, errors } = await this.prepareGoods(organization, [input], { againstDatabase: false });
        if (errors.length > 0)
            throw (0, sale_errors_1.saleRefusal)(fieldsOf(errors));
        const { sale, product } = prepared[0];
        try {
            return await this.sales.transaction(async (manager) => {
                let subsidyFen = 0;
                let applicationId = null;
                let redemption = null;
                if (sale.voucherCode !== null) {
                    redemption = await this.vouchers.redeem(manager, {
                        organizationId: organization.id,
                        organization,
                        userId: user.id,
                        voucherCode: sale.voucherCode,
                        sale,
                        product,
                    });
                    ({ subsidyFen, applicationId } = redemption);
                    if (!(0, shared_1.amountsAddUp)({ ...sale, subsidyFen }))
                        throw new domain_error_1.DomainError(shared_1.ErrorCode.AMOUNTS_DO_NOT_ADD_UP, 'price ≠ paid + subsidy + other discounts', {
                            fields: { priceFen: shared_1.SaleFieldCode.AMOUNTS_DO_NOT_ADD_UP },
                            extra: { subsidyFen },
                        });
                }
                const row = this.goodsRow(organization.id, user.id, sale, product, subsidyFen, applicationId);
                const [id] = await this.sales.insertMany(manager, [row]);
                await this.audit.record(auditEntry(id, row), manager);
                // Last: the redemption's money move locks the budget row until COMMIT.
                await redemption?.settle(id);
                return { id: id, subsidyFen, ...(applicationId !== null && { applicationId }) };
            });
        }
        catch (error) {
            const index = (0, sale_errors_1.violatedUniqueIndex)(error);
            throw index ? (0, sale_errors_1.duplicateRefusal)(index) : error;
        }
    }
    /** One new car's sale (car dealers): VIN and invoice unique; no subsidy at the till. */
    async recordCar(user, input) {
        const organization = await this.writableOrganization(user, 'car');
        const checked = (0, shared_1.checkCarSale)(input, { today: this.clock.today() });
        if (!checked.ok)
            throw (0, sale_errors_1.saleRefusal)(checked.fields);
        const sale = checked.sale;
        const program = await this.programs.findCurrentByCode(sale.programCode);
        const programError = this.programError(organization, program, 'car');
        if (programError)
            throw (0, sale_errors_1.saleRefusal)({ programCode: programError });
        try {
            return await this.sales.transaction(async (manager) => {
                const row = this.carRow(organization.id, user.id, sale);
                const [id] = await this.sales.insertMany(manager, [row]);
                await this.audit.record(auditEntry(id, row), manager);
                return { id: id, subsidyFen: 0 };
            });
        }
        catch (error) {
            const index = (0, sale_errors_1.violatedUniqueIndex)(error);
            throw index ? (0, sale_errors_1.duplicateRefusal)(index) : error;
        }
    }
    /**
     * Many goods sales (the bulk import): all rows or none, in one transaction with batched inserts.
     * Every row is checked first — the rules, then duplicates within the rows and against the
     * recorded sales — and every problem of every row is answered at once (SaleRowsError, with
     * `{ index, field, code }`). A sale recorded concurrently after that check still loses to the
     * unique indexes: the transaction rolls back and the rows are checked against the database
     * again, so the answer still names the rows. Results in the rows' order.
     */
    async recordGoodsMany(user, inputs) {
        if (inputs.length > shared_1.MAX_SALE_BATCH_ROWS)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PAYLOAD_TOO_LARGE, `At most ${shared_1.MAX_SALE_BATCH_ROWS} sales at once`);
        if (inputs.length === 0)
            return [];
        const organization = await this.writableOrganization(user, 'goods');
        const { prepared, errors } = await this.prepareGoods(organization, inputs, { againstDatabase: true });
        if (errors.length > 0)
            throw new sale_errors_1.SaleRowsError(errors);
        try {
            return await this.sales.transaction(async (manager) => {
                const redemptions = await this.redeemAll(manager, organization, user.id, prepared);
                const rows = prepared.map((row, i) => this.goodsRow(organization.id, user.id, row.sale, row.product, redemptions[i]?.subsidyFen ?? 0, redemptions[i]?.applicationId ?? null));
                const ids = await this.sales.insertMany(manager, rows);
                for (let start = 0; start < ids.length; start += AUDIT_CHUNK)
                    await this.audit.recordMany(ids.slice(start, start + AUDIT_CHUNK).map((id, i) => auditEntry(id, rows[start + i], 'import')), manager);
                // Last: each redemption's money move (the budget row stays locked until COMMIT).
                for (const [i, redemption] of redemptions.entries())
                    if (redemption)
                        await redemption.settle(ids[i]);
                return ids.map((id, i) => ({
                    id,
                    subsidyFen: rows[i].subsidyFen,
                    ...(rows[i].applicationId !== null && { applicationId: rows[i].applicationId }),
                }));
            });
        }
        catch (error) {
            const index = (0, sale_errors_1.violatedUniqueIndex)(error);
            if (!index)
                throw error;
            // The transaction is rolled back; the sale that won is committed: name the rows it blocks.
            const rows = await this.databaseDuplicates(prepared);
            throw rows.length > 0 ? new sale_errors_1.SaleRowsError(rows) : (0, sale_errors_1.duplicateRefusal)(index);
        }
    }
    /** The organisation's own sales (newest first) with the claim each backs. */
    async list(user, query) {
        const page = query.page ?? 1;
        const pageSize = query.pageSize ?? 50;
        const { rows, total } = await this.sales.listOwn(user.organizationId, {
            ...(query.status && { status: query.status }),
            page,
            pageSize,
        });
        const claims = await this.sales.claimsForSales(rows);
        const money = await this.ledger.moneyOfClaims(user.organizationId, [...claims.values()].map((claim) => claim.id));
        return {
            items: rows.map((row) => {
                const claim = claims.get(row.id) ?? null;
                return this.view(row, claim, (claim && money.get(claim.id)) ?? null);
            }),
            total,
        };
    }
    /**
     * The caller's organisation, read fresh: active (403 ORGANIZATION_NOT_ACTIVE — the dealer guard
     * refuses it first on HTTP writes; this covers every other caller) and of the kind the sale
     * needs (403 ORGANIZATION_KIND_NOT_ALLOWED).
     */
    async writableOrganization(user, kind) {
        const organization = user.organizationId ? await this.organizations.findById(user.organizationId) : null;
        if (!organization || user.role !== 'dealer')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        if (!(0, shared_1.organizationMayWrite)(organization.status))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_NOT_ACTIVE, `The organisation is ${organization.status}: its records can be read, not changed`, { extra: { status: organization.status } });
        const needed = shared_1.SALE_KIND_ORGANIZATION[kind];
        if (!organization.kinds.includes(needed))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_KIND_NOT_ALLOWED, `Only a ${needed} organisation records ${kind} sales`, { extra: { required: needed } });
        return organization;
    }
    /** Why the program cannot take this sale from this organisation, or null. */
    programError(organization, program, kind) {
        if (!program || !(kind === 'car' ? isCarSaleProgram(program) : isGoodsProgram(program)))
            return shared_1.FieldErrorCode.NOT_IN_OPTIONS;
        if (!organization.programs.includes(program.code))
            return shared_1.FieldErrorCode.PROGRAM_NOT_JOINED;
        return null;
    }
    /**
     * Every rule of every row: the shared rules first (a row that fails them is not looked up),
     * then program, product, filed price and IMEI, then duplicates within the rows (the first
     * occurrence stands, the later ones are refused) and — for the bulk path — against the
     * recorded sales. Lookups are batched: one per distinct program, one for all products, one per
     * key kind.
     */
    async prepareGoods(organization, inputs, options) {
        const today = this.clock.today();
        const errors = [];
        const fail = (index, field, code) => errors.push({ index, field, code });
        const checked = [];
        inputs.forEach((input, index) => {
            const result = (0, shared_1.checkGoodsSale)(input, { today });
            if (result.ok)
                checked.push({ index, sale: result.sale });
            else
                for (const [field, code] of Object.entries(result.fields))
                    fail(index, field, code);
        });
        const programs = new Map();
        for (const code of new Set(checked.map((row) => row.sale.programCode)))
            programs.set(code, await this.programs.findCurrentByCode(code));
        const products = await this.sales.ownProducts(organization.id, checked.map((row) => row.sale.productId));
        const prepared = [];
        for (const { index, sale } of checked) {
            const before = errors.length;
            const program = programs.get(sale.programCode) ?? null;
            const programError = this.programError(organization, program, 'goods');
            if (programError)
                fail(index, 'programCode', programError);
            const product = products.get(sale.productId);
            if (!product)
                fail(index, 'productId', shared_1.ErrorCode.PRODUCT_NOT_FOUND);
            else {
                if (product.programCode !== sale.programCode)
                    fail(index, 'productId', shared_1.SaleFieldCode.PRODUCT_NOT_IN_PROGRAM);
                if (sale.priceFen > product.filedPriceFen)
                    fail(index, 'priceFen', shared_1.SaleFieldCode.ABOVE_FILED_PRICE);
                if (sale.imei === null && (0, shared_1.categoryNeedsImei)(product.category))
                    fail(index, 'imei', shared_1.FieldErrorCode.REQUIRED);
            }
            if (program?.definition.settings.oldItemRequired && sale.oldItem === null)
                fail(index, 'oldItem', shared_1.FieldErrorCode.REQUIRED);
            if (errors.length === before && product)
                prepared.push({ index, sale, product });
        }
        // Duplicates within the rows: the first occurrence of a key stands.
        const seen = { serials: new Set(), imeis: new Set(), invoices: new Set() };
        for (const { index, sale, product } of prepared) {
            const serial = (0, sales_repository_1.serialKey)(sale.serialNo, product.category);
            if (seen.serials.has(serial))
                fail(index, 'serialNo', shared_1.ErrorCode.DUPLICATE_SERIAL);
            seen.serials.add(serial);
            if (sale.imei !== null) {
                if (seen.imeis.has(sale.imei))
                    fail(index, 'imei', shared_1.ErrorCode.DUPLICATE_IMEI);
                seen.imeis.add(sale.imei);
            }
            if (seen.invoices.has(sale.invoiceNo))
                fail(index, 'invoiceNo', shared_1.ErrorCode.DUPLICATE_INVOICE);
            seen.invoices.add(sale.invoiceNo);
        }
        if (options.againstDatabase)
            errors.push(...(await this.databaseDuplicates(prepared)));
        errors.sort((a, b) => a.index - b.index);
        return { prepared, errors };
    }
    /** The rows whose serial, IMEI or invoice number a recorded sale holds already. */
    async databaseDuplicates(rows) {
        const existing = await this.sales.existingKeys({
            serials: rows.map(({ sale, product }) => ({ serialNo: sale.serialNo, category: product.category })),
            imeis: rows.flatMap(({ sale }) => (sale.imei === null ? [] : [sale.imei])),
            invoices: rows.map(({ sale }) => sale.invoiceNo),
            vins: [],
        });
        const errors = [];
        for (const { index, sale, product } of rows) {
            if (existing.serials.has((0, sales_repository_1.serialKey)(sale.serialNo, product.category)))
                errors.push({ index, field: 'serialNo', code: shared_1.ErrorCode.DUPLICATE_SERIAL });
            if (sale.imei !== null && existing.imeis.has(sale.imei))
                errors.push({ index, field: 'imei', code: shared_1.ErrorCode.DUPLICATE_IMEI });
            if (existing.invoices.has(sale.invoiceNo))
                errors.push({ index, field: 'invoiceNo', code: shared_1.ErrorCode.DUPLICATE_INVOICE });
        }
        return errors;
    }
    /**
     * The voucher rows of a bulk recording, redeemed one by one in the transaction; every refusal is
     * a row error and all of them are answered together (the transaction rolls back).
     */
    async redeemAll(manager, organization, userId, rows) {
        const errors = [];
        const redemptions = [];
        for (const { index, sale, product } of rows) {
            if (sale.voucherCode === null) {
                redemptions.push(null);
                continue;
            }
            try {
                const redemption = await this.vouchers.redeem(manager, {
                    organizationId: organization.id,
                    organization,
                    userId,
                    voucherCode: sale.voucherCode,
                    sale,
                    product,
                });
                if (!(0, shared_1.amountsAddUp)({ ...sale, subsidyFen: redemption.subsidyFen }))
                    errors.push({ index, field: 'priceFen', code: shared_1.SaleFieldCode.AMOUNTS_DO_NOT_ADD_UP });
                redemptions.push(redemption);
            }
            catch (error) {
                if (!(error instanceof domain_error_1.DomainError))
                    throw error;
                const fields = Object.entries(error.details.fields ?? { voucherCode: error.code });
                for (const [field, code] of fields)
                    errors.push({ index, field, code });
                redemptions.push(null);
            }
        }
        if (errors.length > 0)
            throw new sale_errors_1.SaleRowsError(errors);
        return redemptions;
    }
    goodsRow(organizationId, userId, sale, product, subsidyFen, applicationId) {
        const address = sale.delivery.address;
        return {
            ...this.commonRow(organizationId, userId, sale),
            kind: 'goods',
            productId: product.id,
            category: product.category,
            serialNo: sale.serialNo,
            imei: sale.imei,
            vin: null,
            powertrain: null,
            displacementMl: null,
            inNevCatalogue: null,
            paidFen: sale.paidFen,
            subsidyFen,
            otherDiscountFen: sale.otherDiscountFen,
            filedPriceFen: product.filedPriceFen,
            deliveryMode: sale.delivery.mode,
            deliveryAddressEnc: address === null ? null : this.cipher.encrypt(address, FIELD.deliveryAddress),
            deliveryAddressBidx: address === null ? null : this.cipher.blindIndex((0, shared_1.normalizeDeliveryAddress)(address), 'address'),
            trackingNo: sale.delivery.trackingNo,
            deliveredOn: sale.delivery.deliveredOn,
            oldItemRecyclerUscc: sale.oldItem?.recyclerUscc ?? null,
            oldItemReceiptNo: sale.oldItem?.receiptNo ?? null,
            oldItemRecycledOn: sale.oldItem?.recycledOn ?? null,
            applicationId,
        };
    }
    carRow(organizationId, userId, sale) {
        return {
            ...this.commonRow(organizationId, userId, sale),
            kind: 'car',
            productId: null,
            category: null,
            serialNo: null,
            imei: null,
            vin: sale.vehicle.vin,
            powertrain: sale.vehicle.powertrain,
            displacementMl: Math.round(sale.vehicle.displacementL * 1000),
            inNevCatalogue: sale.vehicle.inNevCatalogue,
            paidFen: sale.priceFen,
            subsidyFen: 0,
            otherDiscountFen: 0,
            filedPriceFen: null,
            deliveryMode: null,
            deliveryAddressEnc: null,
            deliveryAddressBidx: null,
            trackingNo: null,
            deliveredOn: null,
            oldItemRecyclerUscc: null,
            oldItemReceiptNo: null,
            oldItemRecycledOn: null,
            applicationId: null,
        };
    }
    commonRow(organizationId, userId, sale) {
        return {
            organizationId,
            recordedBy: userId,
            programCode: sale.programCode,
            priceFen: sale.priceFen,
            invoiceNo: sale.invoiceNo,
            invoiceDate: sale.invoiceDate,
            buyerNameEnc: this.cipher.encrypt(sale.buyer.name, FIELD.buyerName),
            buyerIdNumberEnc: this.cipher.encrypt(sale.buyer.idNumber, FIELD.buyerIdNumber),
            buyerIdNumberBidx: this.cipher.blindIndex(sale.buyer.idNumber, 'id_number'),
        };
    }
    /** The dealer's view: the buyer masked, the claim's money state on the dealer's ledger. */
    view(row, claim, money = null) {
        return {
            id: row.id,
            kind: row.kind,
            status: row.status,
            programCode: row.programCode,
            productId: row.productId,
            category: row.category,
            serialNo: row.serialNo,
            imei: row.imei,
            vin: row.vin,
            priceFen: row.priceFen,
            paidFen: row.paidFen,
            subsidyFen: row.subsidyFen,
            otherDiscountFen: row.otherDiscountFen,
            filedPriceFen: row.filedPriceFen,
            invoiceNo: row.invoiceNo,
            invoiceDate: row.invoiceDate,
            buyerNameMasked: (0, shared_1.maskName)(this.cipher.decrypt(row.buyerNameEnc, FIELD.buyerName)),
            buyerIdNumberMasked: (0, shared_1.maskIdNumber)(this.cipher.decrypt(row.buyerIdNumberEnc, FIELD.buyerIdNumber)),
            deliveryMode: row.deliveryMode,
            deliveredOn: row.deliveredOn,
            claim,
            money,
            return: row.status === 'returned'
                ? { returnedOn: row.returnedOn, reason: row.returnReason, outcome: row.returnOutcome }
                : null,
            createdAt: row.createdAt.toISOString(),
        };
    }
};
exports.SalesService = SalesService;
exports.SalesService = SalesService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [sales_repository_1.SalesRepository,
        organizations_repository_1.OrganizationsRepository,
        programs_repository_1.ProgramsRepository,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService,
        clock_1.Clock,
        voucher_redemption_1.VoucherRedeemer,
        ledger_service_1.LedgerService])
], SalesService);
/** The field map of one sale's row errors. */
function fieldsOf(errors) {
    const fields = {};
    for (const error of errors)
        fields[error.field] ??= error.code;
    return fields;
}
/**
 * The audit entry of a recorded sale: what was sold and for how much, no personal data. The actor
 * is the recording dealer account, named explicitly so a bulk recording run outside a request
 * (a queued import) is attributed too.
 */
function auditEntry(id, row, via = 'single') {
    return {
        action: 'dealer_sale.recorded',
        actor: { id: row.recordedBy, role: 'dealer' },
        result: 'success',
        objectType: 'dealer_sale',
        objectId: id,
        detail: {
            kind: row.kind,
            via,
            programCode: row.programCode,
            productId: row.productId,
            priceFen: row.priceFen,
            subsidyFen: row.subsidyFen,
            ...(row.applicationId !== null && { applicationId: row.applicationId }),
        },
    };
}
//# sourceMappingURL=sales.service.js.map