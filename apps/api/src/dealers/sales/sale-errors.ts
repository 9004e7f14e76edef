import { ErrorCode, isErrorCode, saleErrorCode, type SaleRowError } from '@huanxin/shared';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { DEALER_SALE_UNIQUE, type DealerSaleUniqueIndex } from './dealer-sale.entity';

/**
 * A bulk recording refused: every bad row with its field and code (`index` into the submitted
 * rows, 0-based), nothing written. The import route turns these into `{ line, field, code }`; as a
 * plain DomainError it is a 422 VALIDATION_FAILED carrying `rows`.
 */
export class SaleRowsError extends DomainError {
  constructor(readonly rows: SaleRowError[]) {
    super(ErrorCode.VALIDATION_FAILED, `${new Set(rows.map((row) => row.index)).size} row(s) refused`, {
      extra: { rows },
    });
    this.name = 'SaleRowsError';
  }
}

/**
 * The refusal of one sale from its field codes: 404 PRODUCT_NOT_FOUND for a product that is not
 * the caller's (another organisation's id looks like no id), a 409 duplicate or voucher code as
 * itself, otherwise 422 with the sale rule's own code (BUYER_NOT_PERSON, AMOUNTS_DO_NOT_ADD_UP,
 * ABOVE_FILED_PRICE) or VALIDATION_FAILED. Every field keeps its code in `fields`.
 */
export function saleRefusal(fields: Record<string, string>): DomainError {
  const codes = Object.values(fields);
  if (codes.includes(ErrorCode.PRODUCT_NOT_FOUND))
    return new DomainError(ErrorCode.PRODUCT_NOT_FOUND, 'No such product');
  const conflict = codes.find((code) => isErrorCode(code) && (code as string).startsWith('DUPLICATE_'));
  if (conflict && isErrorCode(conflict))
    return new DomainError(conflict, 'This sale is recorded already', { fields });
  return new DomainError(saleErrorCode(fields), 'The sale breaks the recording rules', { fields });
}

/** The unique index a PostgreSQL unique violation names, when it is one of dealer_sale's. */
export function violatedUniqueIndex(error: unknown): DealerSaleUniqueIndex | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; constraint?: string };
  if (driver.code !== '23505' || !driver.constraint) return null;
  return Object.hasOwn(DEALER_SALE_UNIQUE, driver.constraint)
    ? (driver.constraint as DealerSaleUniqueIndex)
    : null;
}

/** The 409 for a violated unique index of one sale. */
export function duplicateRefusal(index: DealerSaleUniqueIndex): DomainError {
  const { code, field } = DEALER_SALE_UNIQUE[index];
  return new DomainError(code, 'This sale is recorded already', { fields: { [field]: code } });
}
