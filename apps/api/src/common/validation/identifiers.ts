import { registerDecorator, type ValidationOptions } from 'class-validator';
import {
  validateBankCard,
  validateCorporateAccount,
  validateGtin13,
  validateInvoiceNo,
  validateMobile,
  validatePlate,
  validateResidentId,
  validateUscc,
  validateVin,
} from '@huanxin/shared';

interface ValidatorResult {
  ok: boolean;
  errors: string[];
}

/**
 * class-validator decorators over the shared identifier validators (identifiers.md), so the API
 * refuses exactly what the web flags. The error code (e.g. INVALID_CHECKSUM) becomes `fields.<name>`.
 */
function identifier(name: string, check: (value: string) => ValidatorResult) {
  const codeFor = (value: unknown): string | null => {
    if (typeof value !== 'string') return 'INVALID_TYPE';
    const result = check(value);
    return result.ok ? null : (result.errors[0] ?? 'INVALID_FORMAT');
  };
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { ...options, message: (args) => codeFor(args.value) ?? 'INVALID_FORMAT' },
        validator: { validate: (value: unknown) => codeFor(value) === null },
      });
    };
}
export const IsResidentId = identifier('isResidentId', validateResidentId);
export const IsUscc = identifier('isUscc', validateUscc);
export const IsNewVin = identifier('isNewVin', (value) => validateVin(value, { context: 'new' }));
/** An old (scrapped) car's VIN: the shape is checked; a failed check digit passes, as a warning (identifiers.md). */
export const IsOldVin = identifier('isOldVin', (value) => validateVin(value, { context: 'old' }));
export const IsPlate = identifier('isPlate', validatePlate);
export const IsBankCard = identifier('isBankCard', validateBankCard);
export const IsMobile = identifier('isMobile', validateMobile);
export const IsInvoiceNo = identifier('isInvoiceNo', validateInvoiceNo);
export const IsGtin13 = identifier('isGtin13', validateGtin13);
export const IsCorporateAccount = identifier('isCorporateAccount', validateCorporateAccount);
