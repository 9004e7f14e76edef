import type { ApplicationStatus } from './applications';
import type { PaymentLineStatus } from './payments/payments';
import { reviewDueAt } from './review/sla';
import { todayInShanghai } from './validators/dates';

/**
 * The dealer's money ledger (issue 13; operations.md §1, §6, §8): where the money of each claim
 * an organisation is the payee of stands, from the discount it advanced at the till to the bank's
 * payment, and what it owes back. The API derives every item's state with `ledgerState` and sums
 * them with `ledgerTotals`; the web shows the same states, so both read them from here.
 *
 * - `advanced`: the claim is submitted or being checked; the dealer gave the discount and waits.
 * - `in_review`: a reviewer has it (`in_review`, either stage) or it went back to the resident to
 *   fix (`returned`, the reservation kept).
 * - `approved`: the money is committed; the claim is in no live payment line yet.
 * - `payment_failed`: the bank refused its last line (e.g. name ≠ account): the money is still
 *   committed (counted with `approvedFen`) and waits for the account to be fixed; the next batch
 *   takes it without a new review.
 * - `in_batch`: a pending line of a payment batch pays it.
 * - `paid`: the bank paid it.
 * - `receivable`: an open receivable against the organisation for this claim (a return after
 *   payment, a failed sample audit): the dealer owes it back (netted against its next batch).
 * - `released`: the claim ended without payment (rejected, withdrawn, expired, returned goods
 *   before payout). Listed so the dealer sees why a discount it gave is not reimbursed, but it is
 *   no open money: no total counts it.
 * - `cancelled`: the goods were returned (operations.md §6): the claim is cancelled; the money was
 *   released, or — paid before the return — owed back (`receivable` while open). No total counts it.
 */
export const LEDGER_STATES = [
  'advanced',
  'in_review',
  'approved',
  'payment_failed',
  'in_batch',
  'paid',
  'receivable',
  'released',
  'cancelled',
] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

/**
 * The states of the totals (one totals key each), in the order money moves. `payment_failed`
 * items count with `approved` (`ledgerTotalKey`); `released` and `cancelled` in none.
 */
export const LEDGER_OPEN_STATES = [
  'advanced',
  'in_review',
  'approved',
  'in_batch',
  'paid',
  'receivable',
] as const;
export type LedgerOpenState = (typeof LEDGER_OPEN_STATES)[number];

/**
 * Days a receivable is due in (operations.md §6: "a receivable from the dealer, due in 10 days"):
 * the default of the API's RETURN_RECEIVABLE_DAYS, and the due date of a receivable stored
 * without one (a sampling clawback's).
 */
export const RECEIVABLE_DUE_DAYS = 10;

/** What `ledgerState` needs to know about one claim. */
export interface LedgerClaimFacts {
  status: ApplicationStatus;
  /** The status of the claim's live payment line (pending or paid), null when it has none. */
  liveLine: Extract<PaymentLineStatus, 'pending' | 'paid'> | null;
  /** Whether the claim's last payment line failed (and no live line followed it). */
  lastLineFailed?: boolean;
  /** What the organisation still owes on the claim's open receivables (0 when none). */
  openReceivableFen: number;
}

/**
 * The one ledger state of a claim, or null for a draft (a point-of-sale claim is created
 * `submitted`; a draft holds no money and is no ledger entry). An open receivable wins over every
 * other state: whatever else happened, the organisation owes that money now.
 */
export function ledgerState(claim: LedgerClaimFacts): LedgerState | null {
  if (claim.openReceivableFen > 0) return 'receivable';
  switch (claim.status) {
    case 'draft':
      return null;
    case 'submitted':
    case 'checking':
      return 'advanced';
    case 'in_review':
    case 'returned':
      return 'in_review';
    case 'approved':
      if (claim.liveLine === 'pending') return 'in_batch';
      return claim.lastLineFailed ? 'payment_failed' : 'approved';
    case 'paid':
      return 'paid';
    case 'rejected':
    case 'withdrawn':
    case 'expired':
      return 'released';
    case 'cancelled':
      return 'cancelled';
  }
}

/** The clocks `ledgerExpectedOn` reads (instants; null when the claim has not reached them). */
export interface LedgerClocks {
  submittedAt: Date | null;
  /** When the claim became complete: the review SLA clock's start. */
  completeAt: Date | null;
  /** The (last) approval: the pay SLA clock's start. */
  approvedAt: Date | null;
  /** The oldest open receivable's opening. */
  receivableOpenedAt: Date | null;
  /** The earliest due date of the open receivables that carry one (`YYYY-MM-DD`), else null. */
  receivableDueOn?: string | null;
  reviewDays: number;
  payDays: number;
}

const DAY_MS = 24 * 3600_000;

/**
 * When the dealer can expect the next move of its money (`YYYY-MM-DD`, Asia/Shanghai), from the
 * SLA clocks: the review's due date while advanced or in review (from submission while the checks
 * run: they take seconds, and the review clock starts when they end), the pay SLA's due date
 * (`payClock`: approval + `payDays`) while approved or in a batch, the receivable's due date
 * (its stored due date, else opened + 10 days). None for paid, released and cancelled claims and
 * a failed payment (it waits for the payee's account fix): nothing is due on a date.
 */
export function ledgerExpectedOn(state: LedgerState, clocks: LedgerClocks): string | undefined {
  const on = (at: Date | null, days: number) =>
    at ? todayInShanghai(reviewDueAt(at, days).getTime()) : undefined;
  switch (state) {
    case 'advanced':
    case 'in_review':
      return on(clocks.completeAt ?? clocks.submittedAt, clocks.reviewDays);
    case 'approved':
    case 'in_batch':
      return on(clocks.approvedAt, clocks.payDays);
    case 'receivable':
      if (clocks.receivableDueOn) return clocks.receivableDueOn;
      return clocks.receivableOpenedAt
        ? todayInShanghai(clocks.receivableOpenedAt.getTime() + RECEIVABLE_DUE_DAYS * DAY_MS)
        : undefined;
    case 'paid':
    case 'released':
    case 'cancelled':
    case 'payment_failed':
      return undefined;
  }
}

/** One entry of `GET /api/dealer/ledger`. */
export interface DealerLedgerItem {
  /** The dealer's sale record behind the claim; null for a claim no sale of the organisation backs. */
  saleId: string | null;
  applicationCode: string;
  state: LedgerState;
  /**
   * The claim's money in that state: what it holds (reserved, committed, paid); for `receivable`
   * what is still owed; for `released` what was released (no total counts it).
   */
  amountFen: number;
  /** `YYYY-MM-DD` (Asia/Shanghai): see `ledgerExpectedOn`. */
  expectedOn?: string;
}

export interface DealerLedgerTotals {
  advancedFen: number;
  inReviewFen: number;
  approvedFen: number;
  inBatchFen: number;
  paidFen: number;
  receivableFen: number;
}

/** A sale's money on the dealer's ledger (`GET /api/dealer/sales` items' `money`). */
export type DealerSaleMoney = Pick<DealerLedgerItem, 'state' | 'amountFen' | 'expectedOn'>;

/** `GET /api/dealer/ledger`. */
export interface DealerLedger {
  totals: DealerLedgerTotals;
  items: DealerLedgerItem[];
}

/** The totals key of each open state. */
export const LEDGER_TOTAL_KEYS: Readonly<Record<LedgerOpenState, keyof DealerLedgerTotals>> = {
  advanced: 'advancedFen',
  in_review: 'inReviewFen',
  approved: 'approvedFen',
  in_batch: 'inBatchFen',
  paid: 'paidFen',
  receivable: 'receivableFen',
};

/**
 * The totals key an item of `state` counts in: a failed payment's money is still committed, so it
 * counts as approved (the totals' shape is the contract's); released and cancelled items in none.
 */
export function ledgerTotalKey(state: LedgerState): keyof DealerLedgerTotals | null {
  if (state === 'released' || state === 'cancelled') return null;
  if (state === 'payment_failed') return 'approvedFen';
  return LEDGER_TOTAL_KEYS[state];
}

/** The totals of the items by state (integer fen; `released` and `cancelled` items count in none). */
export function ledgerTotals(
  items: readonly Pick<DealerLedgerItem, 'state' | 'amountFen'>[],
): DealerLedgerTotals {
  const totals: DealerLedgerTotals = {
    advancedFen: 0,
    inReviewFen: 0,
    approvedFen: 0,
    inBatchFen: 0,
    paidFen: 0,
    receivableFen: 0,
  };
  for (const item of items) {
    const key = ledgerTotalKey(item.state);
    if (key) totals[key] += item.amountFen;
  }
  return totals;
}
