"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toFieldCodes = toFieldCodes;
exports.createValidationPipe = createValidationPipe;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../errors/domain-error");
const input_guard_1 = require("./input-guard");
const CONSTRAINT_CODES = {
    whitelistValidation: shared_1.FieldErrorCode.UNKNOWN_FIELD,
    isDefined: shared_1.FieldErrorCode.REQUIRED,
    isNotEmpty: shared_1.FieldErrorCode.REQUIRED,
    isNotEmptyObject: shared_1.FieldErrorCode.REQUIRED,
    isString: shared_1.FieldErrorCode.INVALID_TYPE,
    isInt: shared_1.FieldErrorCode.INVALID_TYPE,
    isNumber: shared_1.FieldErrorCode.INVALID_TYPE,
    isBoolean: shared_1.FieldErrorCode.INVALID_TYPE,
    isObject: shared_1.FieldErrorCode.INVALID_TYPE,
    isArray: shared_1.FieldErrorCode.INVALID_TYPE,
    isUuid: shared_1.FieldErrorCode.INVALID_FORMAT,
    isDateString: shared_1.FieldErrorCode.INVALID_DATE,
    isISO8601: shared_1.FieldErrorCode.INVALID_DATE,
    isIso8601: shared_1.FieldErrorCode.INVALID_DATE,
    isIn: shared_1.FieldErrorCode.NOT_IN_OPTIONS,
    isEnum: shared_1.FieldErrorCode.NOT_IN_OPTIONS,
    maxLength: shared_1.FieldErrorCode.TOO_LONG,
    arrayMaxSize: shared_1.FieldErrorCode.TOO_LONG,
    minLength: shared_1.FieldErrorCode.OUT_OF_RANGE,
    min: shared_1.FieldErrorCode.OUT_OF_RANGE,
    max: shared_1.FieldErrorCode.OUT_OF_RANGE,
    matches: shared_1.FieldErrorCode.INVALID_FORMAT,
};
const CODE_SHAPE = /^[A-Z][A-Z0-9_]+$/;
/** Flattens class-validator errors into `{ "<path>": "<CODE>" }`, one code per field. */
function toFieldCodes(errors, parent = '') {
    const fields = {};
    for (const error of errors) {
        const path = parent ? `${parent}.${error.property}` : error.property;
        const constraints = Object.entries(error.constraints ?? {});
        const first = constraints[0];
        if (first) {
            const [name, message] = first;
            // Custom validators (identifiers) put their code in the message.
            fields[path] = CODE_SHAPE.test(message)
                ? message
                : (CONSTRAINT_CODES[name] ?? shared_1.FieldErrorCode.INVALID_FORMAT);
        }
        Object.assign(fields, toFieldCodes(error.children ?? [], path));
    }
    return fields;
}
/**
 * The global pipe. Before the DTO rules it refuses, in path parameters and query strings as in
 * bodies, text PostgreSQL cannot hold (NUL, lone surrogates); after the DTO's own conversions it
 * refuses numbers past ±2^53 (e.g. `?beforeSeq=1e23` passes `@IsInt()` and overflows `bigint`).
 * Values from custom decorators (the signed-in user) are the server's own and pass untouched.
 */
class GuardedValidationPipe extends common_1.ValidationPipe {
    async transform(value, metadata) {
        if (metadata.type === 'custom')
            return value;
        const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
        (0, input_guard_1.assertSafeInput)(value, root);
        const transformed = await super.transform(value, metadata);
        (0, input_guard_1.assertSafeInput)(transformed, root);
        return transformed;
    }
}
/** Validates every DTO: unknown fields are refused, not stripped, so a caller cannot set `status`. */
function createValidationPipe() {
    return new GuardedValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        transform: true,
        validationError: { target: false, value: false },
        exceptionFactory: (errors) => (0, domain_error_1.validationFailed)(toFieldCodes(errors)),
    });
}
//# sourceMappingURL=validation.pipe.js.map