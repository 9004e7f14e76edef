import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { FieldErrorCode } from '@huanxin/shared';
import { validationFailed } from '../errors/domain-error';
import { assertSafeInput } from './input-guard';

const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: FieldErrorCode.UNKNOWN_FIELD,
  isDefined: FieldErrorCode.REQUIRED,
  isNotEmpty: FieldErrorCode.REQUIRED,
  isNotEmptyObject: FieldErrorCode.REQUIRED,
  isString: FieldErrorCode.INVALID_TYPE,
  isInt: FieldErrorCode.INVALID_TYPE,
  isNumber: FieldErrorCode.INVALID_TYPE,
  isBoolean: FieldErrorCode.INVALID_TYPE,
  isObject: FieldErrorCode.INVALID_TYPE,
  isArray: FieldErrorCode.INVALID_TYPE,
  isUuid: FieldErrorCode.INVALID_FORMAT,
  isDateString: FieldErrorCode.INVALID_DATE,
  isISO8601: FieldErrorCode.INVALID_DATE,
  isIso8601: FieldErrorCode.INVALID_DATE,
  isIn: FieldErrorCode.NOT_IN_OPTIONS,
  isEnum: FieldErrorCode.NOT_IN_OPTIONS,
  maxLength: FieldErrorCode.TOO_LONG,
  arrayMaxSize: FieldErrorCode.TOO_LONG,
  minLength: FieldErrorCode.OUT_OF_RANGE,
  min: FieldErrorCode.OUT_OF_RANGE,
  max: FieldErrorCode.OUT_OF_RANGE,
  matches: FieldErrorCode.INVALID_FORMAT,
};

const CODE_SHAPE = /^[A-Z][A-Z0-9_]+$/;

/** Flattens class-validator errors into `{ "<path>": "<CODE>" }`, one code per field. */
export function toFieldCodes(errors: ValidationError[], parent = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const first = constraints[0];
    if (first) {
      const [name, message] = first;
      // Custom validators (identifiers) put their code in the message.
      fields[path] = CODE_SHAPE.test(message)
        ? message
        : (CONSTRAINT_CODES[name] ?? FieldErrorCode.INVALID_FORMAT);
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
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    assertSafeInput(value, root);
    const transformed: unknown = await super.transform(value, metadata);
    assertSafeInput(transformed, root);
    return transformed;
  }
}

/** Validates every DTO: unknown fields are refused, not stripped, so a caller cannot set `status`. */
export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(toFieldCodes(errors)),
  });
}
