"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IsCorporateAccount = exports.IsGtin13 = exports.IsInvoiceNo = exports.IsMobile = exports.IsBankCard = exports.IsPlate = exports.IsOldVin = exports.IsNewVin = exports.IsUscc = exports.IsResidentId = void 0;
const class_validator_1 = require("class-validator");
const shared_1 = require("@huanxin/shared");
/**
 * class-validator decorators over the shared identifier validators (identifiers.md), so the API
 * refuses exactly what the web flags. The error code (e.g. INVALID_CHECKSUM) becomes `fields.<name>`.
 */
function identifier(name, check) {
    const codeFor = (value) => {
        if (typeof value !== 'string')
            return 'INVALID_TYPE';
        const result = check(value);
        return result.ok ? null : (result.errors[0] ?? 'INVALID_FORMAT');
    };
    return (options) => (target, propertyName) => {
        (0, class_validator_1.registerDecorator)({
            name,
            target: target.constructor,
            propertyName: propertyName,
            options: { ...options, message: (args) => codeFor(args.value) ?? 'INVALID_FORMAT' },
            validator: { validate: (value) => codeFor(value) === null },
        });
    };
}
exports.IsResidentId = identifier('isResidentId', shared_1.validateResidentId);
exports.IsUscc = identifier('isUscc', shared_1.validateUscc);
exports.IsNewVin = identifier('isNewVin', (value) => (0, shared_1.validateVin)(value, { context: 'new' }));
/** An old (scrapped) car's VIN: the shape is checked; a failed check digit passes, as a warning (identifiers.md). */
exports.IsOldVin = identifier('isOldVin', (value) => (0, shared_1.validateVin)(value, { context: 'old' }));
exports.IsPlate = identifier('isPlate', shared_1.validatePlate);
exports.IsBankCard = identifier('isBankCard', shared_1.validateBankCard);
exports.IsMobile = identifier('isMobile', shared_1.validateMobile);
exports.IsInvoiceNo = identifier('isInvoiceNo', shared_1.validateInvoiceNo);
exports.IsGtin13 = identifier('isGtin13', shared_1.validateGtin13);
exports.IsCorporateAccount = identifier('isCorporateAccount', shared_1.validateCorporateAccount);
//# sourceMappingURL=identifiers.js.map