import { addDays } from '../validators/dates';
import type { ProgramDefinition, ProgramKind } from '../programs/types';

/**
 * Payment batches (operations.md §8): a batch of approved, unpaid claims of one program, built by one
 * finance user and released by another; its lines are paid by the bank and reconciled from the bank's
 * result file.
 */
export const PAYMENT_BATCH_STATUSES = ['draft', 'released'] as const;
export type PaymentBatchStatus = (typeof PAYMENT_BATCH_STATUSES)[number];

export const PAYMENT_LINE_STATUSES = ['pending', 'paid', 'failed'] as const;
export type PaymentLineStatus = (typeof PAYMENT_LINE_STATUSES)[number];

/** Who a line pays: the resident's own card (resident claims) or the dealer's corporate account (point of sale). */
export const PAYEE_KINDS = ['resident', 'dealer'] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];

/** The results a bank's result file may give a line. */
export const RECONCILE_RESULTS = ['paid', 'failed'] as const;
export type ReconcileResult = (typeof RECONCILE_RESULTS)[number];

/** The columns of the bank's result file (`amount`, yuan with two decimals, is optional). */
export const RECONCILE_COLUMNS = ['lineId', 'result', 'reason', 'bankRef'] as const;
export const RECONCILE_OPTIONAL_COLUMNS = ['amount'] as const;

/** Goods return window when the program sets none (operations.md §8: 7 days after delivery). */
export const DEFAULT_RETURN_WINDOW_DAYS = 7;

const CAR_KINDS: readonly ProgramKind[] = ['car_scrap', 'car_replace', 'car_local_scrap'];

/**
 * The first day a claim may be paid (`YYYY-MM-DD`, Asia/Shanghai), or null when it may be paid at
 * once. Goods (every non-car program: the item was bought from a dealer and may be returned) wait
 * for the return window: `returnWindowDays` (default 7) after the delivery date, or the invoice
 * date when no delivery date is recorded. A goods claim without either date is never payable
 * ('9999-12-31'), rather than paid before its window could be checked.
 */
export function payableFrom(
  definition: Pick<ProgramDefinition, 'kind' | 'settings'>,
  facts: Record<string, unknown>,
): string | null {
  if (CAR_KINDS.includes(definition.kind)) return null;
  const group = (name: string) => (facts[name] ?? {}) as Record<string, unknown>;
  const delivered = group('delivery').deliveredOn ?? group('item').deliveredOn ?? group('item').invoiceDate;
  const days = definition.settings.returnWindowDays ?? DEFAULT_RETURN_WINDOW_DAYS;
  const from = typeof delivered === 'string' ? addDays(delivered, days + 1) : null;
  return from ?? '9999-12-31';
}

/** One line of a batch as every view shows it: the payee masked. */
export interface PaymentLineView {
  /** Stable id, also the bank file's line id and the result file's key (e.g. `PL0000000123`). */
  lineId: string;
  applicationCode: string;
  payee: PayeeKind;
  payeeNameMasked: string;
  accountMasked: string;
  bankName: string;
  /** What the bank pays (the claim's amount less any receivable netted against it). */
  amountFen: number;
  /** Receivables of the payee netted against this line (dealers only). */
  nettedFen: number;
  status: PaymentLineStatus;
  reason?: string;
  bankRef?: string;
  settledAt?: string;
}

/** `GET /api/payments/batches` entries. */
export interface PaymentBatchSummary {
  id: string;
  status: PaymentBatchStatus;
  programCode: string;
  totalFen: number;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  releasedBy: { id: string; displayName: string } | null;
  releasedAt: string | null;
  counts: Record<PaymentLineStatus, number>;
}

/** `POST /api/payments/batches` (201) and `GET /api/payments/batches/:id`. */
export interface PaymentBatchDetail extends PaymentBatchSummary {
  lines: PaymentLineView[];
  /**
   * Only in the build's answer (201): the approved claims the builder held back because their
   * dealer payee has an overdue receivable (operations.md §6), with the reason; they join a later
   * batch once the receivable is settled.
   */
  held?: HeldPayout[];
}

/** Why a payee's claims were held out of a batch. */
export const HOLD_REASONS = ['RECEIVABLE_OVERDUE'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** A claim the batch builder held (see `PaymentBatchDetail.held`). */
export interface HeldPayout {
  applicationCode: string;
  payee: 'dealer';
  reason: HoldReason;
  /** The overdue receivable: what is still owed and when it was due (`YYYY-MM-DD`). */
  receivableId: string;
  owedFen: number;
  dueOn: string;
}

/** `POST /api/payments/batches/:id/reconcile` (200). */
export interface ReconcileSummary {
  paid: number;
  failed: number;
  unchanged: number;
  unknownLines: string[];
}

/** One problem of a result file: its line number (1 = the header), the field and a code. */
export interface ReconcileLineError {
  line: number;
  lineId?: string;
  field: string;
  code: string;
}

/** `GET /api/payments/receivables`: money to recover from a payee (clawbacks, later returns). */
export interface ReceivableView {
  id: string;
  applicationCode: string;
  programCode: string;
  payee: PayeeKind;
  payeeNameMasked: string;
  amountFen: number;
  /** Netted against the payee's batches so far (dealers only). */
  nettedFen: number;
  reason: string;
  status: 'open' | 'collected' | 'waived';
  /** Where it comes from: a failed sample audit (clawback) or a sale returned after payout. */
  source: 'sample' | 'return';
  /** When it is due (`YYYY-MM-DD`, Asia/Shanghai): the return's due date, else opened + 10 days. */
  dueOn: string;
  createdAt: string;
}

/** `POST /api/payments/receivables/:id/collect`: the payee paid it back directly (bank transfer). */
export interface CollectReceivableRequest {
  bankRef: string;
  note?: string;
}

/** The payment side of a resident's claim (`GET /api/applications/:id`, `payment`). */
export interface ApplicationPayment {
  /** `pending`: in a batch, not yet paid by the bank. */
  status: PaymentLineStatus;
  amountFen: number;
  /** The bank's date of payment (Asia/Shanghai), when paid. */
  paidOn: string | null;
  /** Why the bank could not pay, when failed: update the bank account in the profile. */
  reason: string | null;
}
