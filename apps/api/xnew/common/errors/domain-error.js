"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validationFailed = exports.notFound = exports.DomainError = void 0;
const shared_1 = require("@huanxin/shared");
/**
 * The one error type services throw. It is built from a contract code; the HTTP status follows
 * from the shared `ERROR_STATUS` table, so a code means the same status everywhere. The global
 * filter turns it into `{ error: { code, message, fields } }`.
 */
class DomainError extends Error {
    constructor(code, message, details = {}) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = 'DomainError';
        this.status = (0, shared_1.statusOf)(code);
    }
}
exports.DomainError = DomainError;
const notFound = (code = shared_1.ErrorCode.NOT_FOUND, message = 'Not found') => new DomainError(code, message);
exports.notFound = notFound;
const validationFailed = (fields, message = 'Validation failed') => new DomainError(shared_1.ErrorCode.VALIDATION_FAILED, message, { fields });
exports.validationFailed = validationFailed;
//# sourceMappingURL=domain-error.js.map