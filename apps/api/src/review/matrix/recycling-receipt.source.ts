import { Injectable } from '@nestjs/common';
import { maskIdNumber, normalizeIdentifier } from '@huanxin/shared';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { DealerRecordsRepository } from '../../dealers/certificates/dealer-records.repository';
import { DEALER_RECORD_FIELDS } from '../../dealers/certificates/dealer-records.service';
import { factAt } from '../../risk/risk-rule';
import type { MatrixCase, MatrixSourceProvider, MatrixValue } from './matrix-source';

const RECEIPT_FACT = 'oldItem.recyclingReceiptNo';

/**
 * The recycler's receipt for the old item the claim hands in (operations.md §3): its number and
 * the seller, who should be the applicant (masked, compared by the ID's blind index). A claim that
 * cites no receipt reports nothing; one citing a number no recycler recorded reports `null`s
 * (`insufficient`).
 */
@Injectable()
export class RecyclingReceiptMatrixSource implements MatrixSourceProvider {
  readonly source = 'recycling_receipt' as const;

  constructor(
    private readonly records: DealerRecordsRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async values({ application, definition }: MatrixCase): Promise<MatrixValue[]> {
    if (!definition.factFields.some((field) => field.path === RECEIPT_FACT)) return [];
    const cited = factAt(application.facts, RECEIPT_FACT);
    if (typeof cited !== 'string' || cited.trim() === '') return [];
    const number = normalizeIdentifier(cited);
    const receipt = (await this.records.receiptsByNumber([number])).get(number);
    if (!receipt)
      return [
        { field: RECEIPT_FACT, value: null },
        { field: 'applicant.idNumber', value: null },
      ];
    const sellerId = this.cipher.decrypt(receipt.sellerIdNumberEnc, DEALER_RECORD_FIELDS.sellerIdNumber);
    return [
      { field: RECEIPT_FACT, value: receipt.receiptNo },
      { field: 'applicant.idNumber', value: maskIdNumber(sellerId), compareAs: receipt.sellerIdNumberBidx },
    ];
  }
}
