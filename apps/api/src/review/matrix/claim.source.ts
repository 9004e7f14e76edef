import { Injectable } from '@nestjs/common';
import { maskIdNumber, type ProgramDefinition } from '@huanxin/shared';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { maskText } from '../../common/logging/redact';
import { factAt } from '../../risk/risk-rule';
import { ReviewRepository } from '../review.repository';
import type { MatrixCase, MatrixSourceProvider, MatrixValue } from './matrix-source';

/** Fact types and validators that make a fact a key field (operations.md §7: VIN, numbers, price, dates). */
const KEY_TYPES = new Set(['money', 'date']);

/** Facts that are neither claim keys nor typed as such but name a dealer's record (the recycler's receipt). */
const RECORD_FACTS = new Set(['oldItem.recyclingReceiptNo']);

/** The key fact paths of a program: its claim keys, identifier-validated facts, prices, dates and record numbers. */
export function keyFactPaths(definition: ProgramDefinition): string[] {
  const paths = new Set(definition.claimKeys.map((key) => key.path));
  for (const field of definition.factFields) {
    if (field.validator || KEY_TYPES.has(field.type) || RECORD_FACTS.has(field.path)) paths.add(field.path);
  }
  return [...paths];
}

/**
 * What the resident entered on the claim: the key facts, and the person the claim was submitted
 * for (the ID number's blind index recorded at submission, shown masked).
 */
@Injectable()
export class ClaimMatrixSource implements MatrixSourceProvider {
  readonly source = 'claim' as const;

  constructor(
    private readonly reviews: ReviewRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async values({ application, definition }: MatrixCase): Promise<MatrixValue[]> {
    const values: MatrixValue[] = keyFactPaths(definition).map((path) => {
      const value = factAt(application.facts, path);
      // Shown masked like the facts (identifier-shaped runs), compared as entered.
      if (typeof value === 'string') return { field: path, value: maskText(value), compareAs: value };
      return { field: path, value: typeof value === 'number' || typeof value === 'boolean' ? value : null };
    });
    if (application.idNumberBidx) {
      const encrypted = await this.reviews.idNumberOfPerson(application.idNumberBidx);
      values.push({
        field: 'applicant.idNumber',
        value: encrypted ? maskIdNumber(this.cipher.decrypt(encrypted, 'profile.id_number')) : null,
        compareAs: application.idNumberBidx,
      });
    }
    return values;
  }
}
