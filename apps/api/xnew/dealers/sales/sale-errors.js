"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SaleRowsError = void 0;
exports.saleRefusal = saleRefusal;
exports.violatedUniqueIndex = violatedUniqueIndex;
exports.duplicateRefusal = duplicateRefusal;
const shared_1 = require("@huanxin/shared");
const typeorm_1 = require("typeorm");
const domain_error_1 = require("../../common/errors/domain-error");
const dealer_sale_entity_1 = require("./dealer-sale.entity");
/**
 * A bulk recording refused: every bad row with its field and code (`index` into the submitted
 * rows, 0-based), nothing written. The import route turns these into `{ line, field, code }`; as a
 * plain DomainError it is a 422 VALIDATION_FAILED carrying `rows`.
 */
class SaleRowsError extends domain_error_1.DomainError {
    constructor(rows) {
        super(shared_1.ErrorCode.VALIDATION_FAILED, `${new Set(rows.map((row) => row.index)).size} row(s) refused`, {
            extra: { rows },
        });
        this.rows = rows;
        this.name = 'SaleRowsError';
    }
}
exports.SaleRowsError = SaleRowsError;
/**
 * The refusal of one sale from its field codes: 404 PRODUCT_NOT_FOUND for a product that is not
 * the caller's (another organisation's id looks like no id), a 409 duplicate or voucher code as
 * itself, otherwise 422 with the sale rule's own code (BUYER_NOT_PERSON, AMOUNTS_DO_NOT_ADD_UP,
 * ABOVE_FILED_PRICE) or VALIDATION_FAILED. Every field keeps its code in `fields`.
 */
function saleRefusal(fields) {
    const codes = Object.values(fields);
    if (codes.includes(shared_1.ErrorCode.PRODUCT_NOT_FOUND))
        return new domain_error_1.DomainError(shared_1.ErrorCode.PRODUCT_NOT_FOUND, 'No such product');
    const conflict = codes.find((code) => (0, shared_1.isErrorCode)(code) && code.startsWith('DUPLICATE_'));
    if (conflict && (0, shared_1.isErrorCode)(conflict))
        return new domain_error_1.DomainError(conflict, 'This sale is recorded already', { fields });
    return new domain_error_1.DomainError((0, shared_1.saleErrorCode)(fields), 'The sale breaks the recording rules', { fields });
}
/** The unique index a PostgreSQL unique violation names, when it is one of dealer_sale's. */
function violatedUniqueIndex(error) {
    if (!(error instanceof typeorm_1.QueryFailedError))
        return null;
    const driver = error.driverError;
    if (driver.code !== '23505' || !driver.constraint)
        return null;
    return Object.hasOwn(dealer_sale_entity_1.DEALER_SALE_UNIQUE, driver.constraint)
        ? driver.constraint
        : null;
}
/** The 409 for a violated unique index of one sale. */
function duplicateRefusal(index) {
    const { code, field } = dealer_sale_entity_1.DEALER_SALE_UNIQUE[index];
    return new domain_error_1.DomainError(code, 'This sale is recorded already', { fields: { [field]: code } });
}
//# sourceMappingURL=sale-errors.js.map