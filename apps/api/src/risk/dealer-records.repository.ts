import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Named queries of the risk rules that read the dealers' records (dealer-records.rules.ts), each
 * for a whole check batch in one statement (`= ANY`), through the records' unique indexes.
 */
@Injectable()
export class DealerRecordsRiskRepository {
  /** Which of these (normalised) certificate numbers a dismantler has recorded. */
  async certificatesOnFile(manager: EntityManager, numbers: readonly string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT certificate_no FROM dealer_certificate WHERE certificate_no = ANY($1::text[])`,
      [[...new Set(numbers)]],
    )) as { certificate_no: string }[];
    return new Set(rows.map((row) => row.certificate_no));
  }
}
