import type { MatrixSource, ProgramDefinition } from '@huanxin/shared';
import type { ApplicationEntity } from '../../applications/application.entity';

/** What a matrix source is asked about: the claim under review and its program version. */
export interface MatrixCase {
  application: ApplicationEntity;
  definition: ProgramDefinition;
}

/** One key field as one source records it. */
export interface MatrixValue {
  /** The field key, shared by every source that records it: a fact path (`item.invoiceNo`) or `applicant.*`. */
  field: string;
  /** What the reviewer sees (identifiers masked); null when the source has no value. */
  value: string | number | boolean | null;
  /**
   * What is compared across sources when `value` is masked (e.g. a blind index), so two masked
   * values that look alike are not taken for a match. Defaults to `value`.
   */
  compareAs?: string | number | boolean | null;
}

/**
 * A source of the field matrix (operations.md §7): the claim, the profile, and — with the dealers
 * issue — the dealer's sale record, the scrap certificate and the recycling receipt. A provider
 * reports the key fields it knows for a case; the registry lines them up by field and judges each
 * `match` / `conflict` / `insufficient`. Adding a source is one class implementing this and one
 * line in `MATRIX_SOURCES` (review.module.ts).
 */
export interface MatrixSourceProvider {
  readonly source: MatrixSource;
  values(kase: MatrixCase): Promise<MatrixValue[]>;
}
