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
exports.DealerSaleMatrixSource = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const redact_1 = require("../../common/logging/redact");
const sales_repository_1 = require("../../dealers/sales/sales.repository");
/** The buyer's ID number column's encryption context (SalesService binds it as additional data). */
const BUYER_ID_FIELD = 'dealer_sale.buyer_id_number';
/** Which fact of the claim each of the sale's columns answers, for goods and for cars. */
const GOODS = [
    ['item.invoiceNo', (sale) => sale.invoiceNo],
    ['item.invoiceDate', (sale) => sale.invoiceDate],
    ['item.serialNo', (sale) => sale.serialNo],
    ['item.priceFen', (sale) => sale.priceFen],
    ['item.dealerUscc', (sale) => sale.organizationUscc],
];
const CARS = [
    ['newVehicle.vin', (sale) => sale.vin],
    ['newVehicle.invoiceNo', (sale) => sale.invoiceNo],
    ['newVehicle.invoiceDate', (sale) => sale.invoiceDate],
    ['newVehicle.priceFen', (sale) => sale.priceFen],
];
/** The claim's own fields a dealer sale speaks to: the new car's for car programs, the item's for goods. */
function saleFields(definition) {
    const has = (path) => definition.factFields.some((field) => field.path === path);
    if (has('newVehicle.vin'))
        return CARS.filter(([path]) => has(path));
    if (has('item.invoiceNo'))
        return GOODS.filter(([path]) => has(path));
    return [];
}
/**
 * The dealer's record of the sale behind the claim (operations.md §3, §4), matched by
 * `SalesRepository.salesForApplications` (the sale that created it, else invoice number, serial,
 * new VIN): goods' invoice number and date, serial, price and the seller's credit code; cars' new
 * VIN, invoice number and date, price; and the buyer (masked, compared by the ID's blind index as
 * the claim source does). No sale on record: the fields are `null` here (`insufficient`).
 */
let DealerSaleMatrixSource = class DealerSaleMatrixSource {
    constructor(sales, cipher, dataSource) {
        this.sales = sales;
        this.cipher = cipher;
        this.dataSource = dataSource;
        this.source = 'dealer_sale';
    }
    async values({ application, definition }) {
        const fields = saleFields(definition);
        if (fields.length === 0)
            return [];
        const sale = (await this.sales.salesForApplications(this.dataSource.manager, [application.id])).get(application.id);
        if (!sale)
            return [
                ...fields.map(([field]) => ({ field, value: null })),
                { field: 'applicant.idNumber', value: null },
            ];
        const values = fields.map(([field, read]) => {
            const value = read(sale);
            return typeof value === 'string'
                ? { field, value: (0, redact_1.maskText)(value), compareAs: value }
                : { field, value };
        });
        values.push({
            field: 'applicant.idNumber',
            value: (0, shared_1.maskIdNumber)(this.cipher.decrypt(sale.buyerIdNumberEnc, BUYER_ID_FIELD)),
            compareAs: sale.buyerIdNumberBidx,
        });
        return values;
    }
};
exports.DealerSaleMatrixSource = DealerSaleMatrixSource;
exports.DealerSaleMatrixSource = DealerSaleMatrixSource = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [sales_repository_1.SalesRepository,
        pii_cipher_1.PiiCipher, Function])
], DealerSaleMatrixSource);
//# sourceMappingURL=dealer-sale.source.js.map