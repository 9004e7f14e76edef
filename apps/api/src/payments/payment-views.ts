import { Injectable } from '@nestjs/common';
import {
  maskBankCard,
  maskName,
  type PaymentBatchDetail,
  type PaymentBatchSummary,
  type PaymentLineView,
  type ReceivableView,
} from '@huanxin/shared';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { BatchRow, LineRow, ReceivableRow } from './payments.repository';

/** The columns the line's payee details are encrypted for (bound as additional data). */
export const LINE_FIELDS = { name: 'payment_line.payee_name', account: 'payment_line.account' } as const;

/** Batches, lines and receivables as every view shows them: names and accounts masked. */
@Injectable()
export class PaymentViews {
  constructor(private readonly cipher: PiiCipher) {}

  summary(batch: BatchRow): PaymentBatchSummary {
    return {
      id: batch.id,
      status: batch.status,
      programCode: batch.programCode,
      totalFen: batch.totalFen,
      createdBy: batch.createdBy,
      createdAt: batch.createdAt.toISOString(),
      releasedBy: batch.releasedBy,
      releasedAt: batch.releasedAt?.toISOString() ?? null,
      counts: batch.counts,
    };
  }

  detail(batch: BatchRow, lines: readonly LineRow[]): PaymentBatchDetail {
    return { ...this.summary(batch), lines: lines.map((line) => this.line(line)) };
  }

  line(line: LineRow): PaymentLineView {
    return {
      lineId: line.id,
      applicationCode: line.applicationCode,
      payee: line.payeeKind,
      payeeNameMasked: maskName(this.payeeName(line)),
      accountMasked: maskBankCard(this.account(line)),
      bankName: line.bankName,
      amountFen: line.amountFen,
      nettedFen: line.nettedFen,
      status: line.status,
      ...(line.reason ? { reason: line.reason } : {}),
      ...(line.bankRef ? { bankRef: line.bankRef } : {}),
      ...(line.settledAt ? { settledAt: line.settledAt.toISOString() } : {}),
    };
  }

  receivable(row: ReceivableRow): ReceivableView {
    const name = row.payeeNameEnc
      ? this.cipher.decrypt(row.payeeNameEnc, 'profile.name')
      : (row.organizationName ?? '');
    return {
      id: row.id,
      applicationCode: row.applicationCode,
      programCode: row.programCode,
      payee: row.payeeKind,
      // A dealer's name is public (the organisation); a resident's is masked.
      payeeNameMasked: row.payeeKind === 'dealer' ? name : maskName(name),
      amountFen: row.amountFen,
      nettedFen: row.nettedFen,
      reason: row.reason,
      status: row.status,
      source: row.source,
      dueOn: row.dueOn,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** The full name and account: only for the bank file. */
  payeeName(line: Pick<LineRow, 'payeeNameEnc'>): string {
    return this.cipher.decrypt(line.payeeNameEnc, LINE_FIELDS.name);
  }

  account(line: Pick<LineRow, 'accountEnc'>): string {
    return this.cipher.decrypt(line.accountEnc, LINE_FIELDS.account);
  }

  encrypt(value: string, field: keyof typeof LINE_FIELDS): string {
    return this.cipher.encrypt(value, LINE_FIELDS[field]);
  }
}
