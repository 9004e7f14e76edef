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
exports.SalesRepository = void 0;
exports.serialKey = serialKey;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const typeorm_2 = require("typeorm");
const server_evaluator_1 = require("../../eligibility/server-evaluator");
const product_entity_1 = require("../product.entity");
const dealer_sale_entity_1 = require("./dealer-sale.entity");
/** Rows per INSERT: 34 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1000;
/** The claim keys (program definitions' `claimKeys` names) a dealer sale is matched by. */
const KEY_INVOICE = 'invoiceNo';
const KEY_SERIAL = 'serialNo';
const KEY_NEW_VIN = 'newVin';
/** The claim's category fact (goods programs), to prefer a same-category sale for a serial. */
const CATEGORY_PATH = 'item.category';
/** Named dealer-sale queries; reads of a dealer's own sales are always scoped by its organisation. */
let SalesRepository = class SalesRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /**
     * Inserts the rows in batches of INSERT_CHUNK (one statement each), in order; the ids in the
     * rows' order. A unique violation throws (the caller maps its constraint to a code).
     */
    async insertMany(manager, rows) {
        const ids = [];
        for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
            const chunk = rows.slice(start, start + INSERT_CHUNK);
            const inserted = await manager
                .createQueryBuilder()
                .insert()
                .into(dealer_sale_entity_1.DealerSaleEntity)
                .values(chunk)
                .returning(['id'])
                .updateEntity(false)
                .execute();
            for (const row of inserted.raw)
                ids.push(row.id);
        }
        return ids;
    }
    /** The organisation's products among `ids` (another organisation's ids are simply absent). */
    async ownProducts(organizationId, ids) {
        if (ids.length === 0)
            return new Map();
        const rows = await this.dataSource
            .getRepository(product_entity_1.ProductEntity)
            .findBy({ organizationId, id: (0, typeorm_2.In)([...new Set(ids)]) });
        return new Map(rows.map((row) => [row.id, row]));
    }
    /**
     * Which of these keys are recorded already (any organisation): serials as `serial\u0000category`,
     * the others as their values. One statement per kind of key, each on its unique index.
     */
    async existingKeys(keys, manager = this.dataSource.manager) {
        const column = async (name, values) => {
            if (values.length === 0)
                return new Set();
            const rows = (await manager.query(`SELECT ${name} AS value FROM dealer_sale WHERE ${name} = ANY($1::text[])`, [[...new Set(values)]]));
            return new Set(rows.map((row) => row.value));
        };
        let serials = new Set();
        if (keys.serials.length > 0) {
            const rows = (await manager.query(`SELECT s.serial_no, s.category FROM dealer_sale s
           JOIN unnest($1::text[], $2::text[]) AS k(serial_no, category)
             ON s.serial_no = k.serial_no AND s.category = k.category`, [keys.serials.map((key) => key.serialNo), keys.serials.map((key) => key.category)]));
            serials = new Set(rows.map((row) => serialKey(row.serial_no, row.category)));
        }
        return {
            serials,
            imeis: await column('imei', keys.imeis),
            invoices: await column('invoice_no', keys.invoices),
            vins: await column('vin', keys.vins),
        };
    }
    /**
     * The dealer sale that backs each claim (operations.md §7, the review matrix's `dealer_sale`
     * source). A claim is matched, in this order, by
     * 1. the sale that created it (a point-of-sale claim, `dealer_sale.application_id`);
     * 2. its invoice number (claims' `invoiceNo` key: `item.invoiceNo`, `newVehicle.invoiceNo`);
     * 3. its serial number (`serialNo`), a sale of the claim's category first;
     * 4. its new car's VIN (`newVin`).
     * The invoice decides before the serial and VIN so a sale whose invoice agrees but whose serial
     * or VIN does not is still returned: the matrix shows that as a `conflict`, not as `insufficient`.
     * Values are compared normalised as `normalizeIdentifier` does (the stored form of a sale's
     * identifiers; claims' facts are normalised by their fact validators, serials only trimmed).
     * Claims without a match are absent from the map. Two statements whatever the number of claims.
     */
    async salesForApplications(manager, applicationIds) {
        const result = new Map();
        if (applicationIds.length === 0)
            return result;
        const claims = (await manager.query(`SELECT a.id, a.facts, v.definition FROM application a
         JOIN program_version v ON v.id = a.program_version_id
        WHERE a.id = ANY($1::uuid[])`, [[...new Set(applicationIds)]]));
        const wanted = claims.map((claim) => ({
            id: claim.id,
            invoiceNo: keyValue(claim, KEY_INVOICE),
            serialNo: keyValue(claim, KEY_SERIAL, shared_1.normalizeSerialNo),
            vin: keyValue(claim, KEY_NEW_VIN),
            category: (0, server_evaluator_1.readPath)(claim.facts, CATEGORY_PATH),
        }));
        const values = (pick) => [
            ...new Set(wanted.map(pick).filter((value) => value !== null)),
        ];
        const rows = (await manager.query(`SELECT s.id, o.uscc FROM dealer_sale s JOIN organization o ON o.id = s.organization_id
        WHERE s.application_id = ANY($1::uuid[]) OR s.invoice_no = ANY($2::text[])
           OR s.serial_no = ANY($3::text[]) OR s.vin = ANY($4::text[])`, [
            wanted.map((claim) => claim.id),
            values((c) => c.invoiceNo),
            values((c) => c.serialNo),
            values((c) => c.vin),
        ]));
        if (rows.length === 0)
            return result;
        const usccs = new Map(rows.map((row) => [row.id, row.uscc]));
        const sales = await manager.getRepository(dealer_sale_entity_1.DealerSaleEntity).findBy({ id: (0, typeorm_2.In)([...usccs.keys()]) });
        const record = (sale, matchedBy) => Object.assign(sale, { organizationUscc: usccs.get(sale.id), matchedBy });
        for (const claim of wanted) {
            const byApplication = sales.find((sale) => sale.applicationId === claim.id);
            const byInvoice = claim.invoiceNo && sales.find((sale) => sale.invoiceNo === claim.invoiceNo);
            const bySerial = claim.serialNo &&
                (sales.find((sale) => sale.serialNo === claim.serialNo && sale.category === claim.category) ??
                    sales.find((sale) => sale.serialNo === claim.serialNo));
            const byVin = claim.vin && sales.find((sale) => sale.vin === claim.vin);
            const match = [
                [byApplication, 'application'],
                [byInvoice, 'invoiceNo'],
                [bySerial, 'serialNo'],
                [byVin, 'vin'],
            ];
            const found = match.find(([sale]) => sale);
            if (found)
                result.set(claim.id, record({ ...found[0] }, found[1]));
        }
        return result;
    }
    /** The organisation's sales, newest first, one page, and how many there are. */
    async listOwn(organizationId, filter) {
        const [rows, total] = await this.dataSource.getRepository(dealer_sale_entity_1.DealerSaleEntity).findAndCount({
            where: { organizationId, ...(filter.status && { status: filter.status }) },
            order: { createdAt: 'DESC', id: 'DESC' },
            skip: (filter.page - 1) * filter.pageSize,
            take: filter.pageSize,
        });
        return { rows, total };
    }
    /**
     * The claim beside each sale: the one it created (point of sale), else a live claim holding the
     * sale's invoice number, serial or new VIN as a claim key (`claim_key` rows exist from submit
     * until a claim is released; a rejected or withdrawn claim is no longer shown). A claim that
     * names another seller (`item.dealerUscc`) is not shown: a dealer learns nothing about a claim
     * on another shop's invoice by recording its number. (The review matrix, which wants exactly
     * that conflict, reads `salesForApplications`.) Keys are compared as stored, on claim_key's
     * index: invoice numbers and VINs are normalised alike on both sides; a claim's serial is only
     * trimmed, so it matches here when written as the sale stores it (`salesForApplications`
     * normalises the claim's serial and finds it either way).
     */
    async claimsForSales(sales) {
        const result = new Map();
        if (sales.length === 0)
            return result;
        const rows = (await this.dataSource.query(`SELECT s.id AS sale_id, a.id, a.code, a.status,
              CASE WHEN a.id = s.application_id THEN 0 WHEN k.name = 'invoiceNo' THEN 1 ELSE 2 END AS rank
         FROM dealer_sale s
         JOIN LATERAL (
           SELECT application_id AS id, name FROM claim_key
            WHERE (name = 'invoiceNo' AND value = s.invoice_no)
               OR (name = 'serialNo' AND value = s.serial_no)
               OR (name = 'newVin' AND value = s.vin)
           UNION ALL SELECT s.application_id, 'application' WHERE s.application_id IS NOT NULL
         ) k ON true
         JOIN application a ON a.id = k.id
         JOIN organization o ON o.id = s.organization_id
        WHERE s.id = ANY($1::uuid[])
          AND (a.id = s.application_id OR coalesce(a.facts #>> '{item,dealerUscc}', o.uscc) = o.uscc)
        ORDER BY rank, a.created_at DESC`, [sales.map((sale) => sale.id)]));
        for (const row of rows)
            if (!result.has(row.sale_id))
                result.set(row.sale_id, { id: row.id, code: row.code, status: row.status });
        return result;
    }
};
exports.SalesRepository = SalesRepository;
exports.SalesRepository = SalesRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], SalesRepository);
/** The key `serials` of `existingKeys` answers with. */
function serialKey(serialNo, category) {
    return `${serialNo}\u0000${category}`;
}
/** A claim's key value by the definition's key name, normalised as sales store identifiers. */
function keyValue(claim, name, normalize = shared_1.normalizeIdentifier) {
    const key = claim.definition.claimKeys.find((candidate) => candidate.name === name);
    if (!key)
        return null;
    const value = (0, server_evaluator_1.readPath)(claim.facts, key.path);
    if (typeof value !== 'string')
        return null;
    const normalized = normalize(value);
    return normalized === '' ? null : normalized;
}
//# sourceMappingURL=sales.repository.js.map