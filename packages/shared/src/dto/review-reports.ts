import type { ApplicationStatus } from '../applications';
import type { ReviewStage } from '../review';
import type { SlaState } from '../review/sla';
import type { SampleOutcome } from './review';
import type { BudgetFigures } from './programs';

/**
 * Bodies of the review console's reports (api-contract.md, Review: samples, stats, export) and the
 * staff notifications, shared by the API and the console.
 */

/** One program's figures in `GET /api/review/stats`. */
export interface ReviewProgramStats {
  programCode: string;
  title: { zh: string; en: string };
  /** The review time of the program's `serviceLevels` (days from complete to decided). */
  reviewDays: number;
  budget: BudgetFigures;
  /** Claims per status (every status listed, 0 when none). */
  byStatus: Record<ApplicationStatus, number>;
  /** Claims in review per stage. */
  byStage: Record<ReviewStage, number>;
  /** Claims in review per SLA state. */
  sla: Record<SlaState, number>;
}

export interface ReviewStats {
  generatedAt: string;
  programs: ReviewProgramStats[];
}

/** One sampled case with its outcome (null until recorded). */
export interface ReviewSampleItemDetail {
  applicationId: string;
  code: string;
  status: ApplicationStatus;
  amountFen: number;
  riskScore: number;
  outcome: SampleOutcome | null;
  note: string | null;
  decidedAt: string | null;
  /** The receivable a clawback made (null otherwise). */
  receivableId: string | null;
}

/** `GET /api/review/samples/:id`. */
export interface ReviewSampleDetail {
  id: string;
  programCode: string;
  seed: string;
  size: number;
  riskWeighted: boolean;
  /** How many approved or paid claims the sample was drawn from. */
  population: number;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  items: ReviewSampleItemDetail[];
}

/** One row of `GET /api/review/samples` (newest first). */
export interface ReviewSampleSummary {
  id: string;
  programCode: string;
  seed: string;
  size: number;
  riskWeighted: boolean;
  population: number;
  createdAt: string;
  /** Items with an outcome so far, and clawbacks among them. */
  decided: number;
  clawbacks: number;
}

/** `POST /api/review/samples/:id/items/:applicationId` answer. */
export interface SampleOutcomeResult {
  applicationId: string;
  outcome: SampleOutcome;
  receivableId: string | null;
}

/** The daily SLA digest of an approver (`kind: review_sla_digest`). */
export interface ReviewSlaDigestParams {
  date: string;
  warning: number;
  overdue: number;
  /** The cases, overdue first (at most 50 listed; the counts are complete). */
  cases: { code: string; programCode: string; slaState: Exclude<SlaState, 'ok'>; dueAt: string }[];
}

/** One entry of `GET /api/review/notifications` (newest first, the last 100). */
export interface StaffNotification {
  id: string;
  kind: string;
  params: ReviewSlaDigestParams;
  text: string;
  createdAt: string;
  read: boolean;
}
