import { APPLICATION_STATUSES } from '../applications';
import type { ProgramKind, Provenance } from '../programs/types';

/** Claim and voucher states as the history sees them: every claim status plus the voucher's. */
export const HISTORY_STATUSES = [
  ...APPLICATION_STATUSES,
  'voucher_reserved',
  'voucher_redeemed',
  'voucher_returned',
  'voucher_expired',
  'voucher_cancelled',
] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

/**
 * Statuses that use up a quota, a yearly car subsidy or a key. Drafts do not (a resident may keep several);
 * rejected, withdrawn and expired claims released theirs; a return after redemption still uses the quota.
 */
export const COUNTED_HISTORY_STATUSES: ReadonlySet<HistoryStatus> = new Set<HistoryStatus>([
  'submitted',
  'checking',
  'in_review',
  'returned',
  'approved',
  'paid',
  'voucher_reserved',
  'voucher_redeemed',
  'voucher_returned',
]);

/**
 * Another claim (or voucher) that a history clause may look at. The server builds the list from the database:
 * every claim/voucher of the applicant, plus every claim of anyone else that shares one of this claim's key
 * values (see `ProgramDefinition.claimKeys`), excluding the claim being evaluated. One entry per claim — a
 * voucher that became a claim is listed once (as the claim).
 */
export interface HistoryEntry {
  /** The claim's id, for tracing; not used by the rules. */
  claimId?: string;
  programCode: string;
  programKind: ProgramKind;
  status: HistoryStatus;
  /** The subsidy year: the year of the claim's program window (`opensOn`). */
  year: number;
  /** Reserved, approved or paid amount of that claim. */
  amountFen: number;
  /** From the fact path in the program's `historyFields.category` (e.g. `item.category`). */
  category?: string;
  /** From `historyFields.type` (e.g. `item.type`, home renovation). */
  type?: string;
  /** Normalised key values, from the program's `claimKeys`. */
  keys: Partial<
    Record<'newVin' | 'oldVin' | 'certificateNo' | 'invoiceNo' | 'serialNo' | 'propertyCertificateNo', string>
  >;
  /** False for a claim of another person that shares a key with this one. Default true. */
  sameApplicant?: boolean;
}

export interface EligibilityContext {
  /** The evaluation date, `YYYY-MM-DD` (Asia/Shanghai). Never read from the clock inside the engine. */
  asOf: string;
  /** The applicant's other claims. `undefined` = anonymous caller: clauses that use history are `unknown`. */
  history?: readonly HistoryEntry[];
  /** From the verified ID number (server) or typed in a pre-check. Gives `applicant.birthDate` / `applicant.age`. */
  applicant?: { birthDate?: string };
  /** USCCs of dealers participating in the program (`participatingDealers` in rules). `undefined` = unknown. */
  participatingDealers?: readonly string[];
}

export type ClauseOutcome = 'pass' | 'fail' | 'unknown' | 'not_applicable';

export const ClauseReason = {
  PASSED: 'PASSED',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  MISSING_FACTS: 'MISSING_FACTS',
  HISTORY_UNAVAILABLE: 'HISTORY_UNAVAILABLE',
  INVALID_FACTS: 'INVALID_FACTS',
} as const;

export interface ClauseResult {
  id: string;
  result: ClauseOutcome;
  /** A code the web translates: the clause's reason on `fail`, else one of `ClauseReason`. */
  reason: string;
  citation: string;
  provenance: Provenance;
  /** `fail`: the fact paths the test reads; `unknown`: the missing ones. Absent on pass / not_applicable. */
  facts?: readonly string[];
}

export interface EligibilityResult {
  programCode: string;
  version: number;
  /** True only when no clause fails or is unknown. */
  eligible: boolean;
  /** What the facts earn if every unknown clause passed; 0 when a clause fails or the amount needs missing facts. */
  amountFen: number;
  /** False when the amount formula needs a fact that is missing (then `amountFen` is 0). */
  amountComplete: boolean;
  clauses: ClauseResult[];
  /** Every missing fact path a clause or the amount needed. */
  missingFacts: string[];
}
