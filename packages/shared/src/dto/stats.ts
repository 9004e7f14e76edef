import type { ApplicationStatus } from '../applications';
import type { LocalizedText, ProgramPause, TrancheSource } from '../programs';
import type { BudgetFigures } from './programs';

/**
 * `GET /api/stats` (api-contract.md, Public statistics): aggregate figures only, never personal
 * data. Every count below 5 (0 included) is the string "<5" (`SMALL_COUNT`); a median or a rate
 * computed from fewer than 5 claims is `null` (it would describe one or two people).
 */
export const SMALL_COUNT = '<5' as const;
export const SMALL_COUNT_LIMIT = 5;
export type PublicCount = number | typeof SMALL_COUNT;

/** A count as published: the number from 5 up, "<5" below. */
export function publicCount(count: number): PublicCount {
  return count < SMALL_COUNT_LIMIT ? SMALL_COUNT : count;
}

/** The statuses the public statistics count (drafts are the residents' own, never counted). */
export type PublicClaimStatus = Exclude<ApplicationStatus, 'draft'>;

export interface PublicTranche {
  amountFen: number;
  source: TrancheSource;
  effectiveOn: string;
  documentNo: string;
  /** In the budget total already (its date has come), or still to come. */
  inEffect: boolean;
}

export interface PublicUnits {
  /** Subsidised units (approved or paid claims) per category of the program. */
  byCategory: { category: string; units: PublicCount }[];
  /** Per energy/efficiency grade, where the program records one. */
  byGrade: { grade: string; units: PublicCount }[];
  /** Car programs: the share of new-energy vehicles among subsidised cars (0…1); null below 5 cars. */
  nevShare: number | null;
}

export interface PublicProgramStats {
  code: string;
  /* Contract fields. */
  budget: BudgetFigures;
  claims: Record<PublicClaimStatus, PublicCount>;
  /** Subsidy paid out (the budget's paid bucket). */
  paidFen: number;
  /** Gross sales of subsidised purchases: invoice prices of approved and paid claims (not extra demand). */
  grossSalesFen: number;
  medianDays: { submitToDecision: number | null; approvalToPayment: number | null };
  /** Decided claims decided within the program's review days (0…1); null below 5 decided. */
  slaHitRate: number | null;
  /* Additions (same route, more detail). */
  title: LocalizedText;
  kind: string;
  tranches: PublicTranche[];
  units: PublicUnits;
  pause: ProgramPause | null;
}

export interface PublicWeek {
  /** The Monday (Asia/Shanghai) the week starts on, YYYY-MM-DD. */
  week: string;
  submitted: PublicCount;
  approved: PublicCount;
  paidFen: number;
}

export interface PublicStats {
  /** When the figures were read (ISO-8601). */
  asOf: string;
  programs: PublicProgramStats[];
  weekly: PublicWeek[];
  topReturnReasons: { code: string; count: PublicCount }[];
}
