import type { ApplicationStatus } from '../applications';
import type { EligibilityResult } from '../eligibility';
import type { ReviewStage } from '../review';
import type { SlaState } from '../review/sla';
import type { ApplicationTimelineEntry } from './applications';

/** Bodies of the Review routes (api-contract.md, Review), shared by the API and the console. */

export type ReviewSort = 'age' | 'due' | 'amount' | 'risk';
export type ReviewDecisionKind = 'approve' | 'reject' | 'return';
export type Payee = 'resident' | 'dealer';

/** One row of `GET /api/review/queue`. */
export interface ReviewQueueItem {
  id: string;
  code: string;
  programCode: string;
  applicantNameMasked: string;
  amountFen: number;
  completeAt: string;
  dueAt: string;
  slaState: SlaState;
  flags: string[];
  riskScore: number;
  stage: ReviewStage;
  assignee: { id: string; displayName: string } | null;
  payee: Payee;
}

export interface ReviewQueuePage {
  items: ReviewQueueItem[];
  total: number;
}

/** `POST /api/review/applications/:id/claim`. */
export interface ReviewLease {
  leaseUntil: string;
}

export type MatrixSource = 'claim' | 'dealer_sale' | 'certificate' | 'recycling_receipt' | 'profile';
export type MatrixResult = 'match' | 'conflict' | 'insufficient';

/** One key field of the case's field matrix: its value in each source that records it. */
export interface MatrixRow {
  field: string;
  values: { source: MatrixSource; value: string | number | boolean | null }[];
  result: MatrixResult;
}

export interface ReviewFlag {
  code: string;
  weight: number;
  detail: Record<string, unknown>;
}

export interface ReviewDecisionEntry {
  by: { id: string; displayName: string };
  decision: ReviewDecisionKind;
  reasonCode: string | null;
  at: string;
}

/** `GET /api/review/applications/:id`. */
export interface ReviewCase {
  application: {
    id: string;
    code: string;
    programCode: string;
    programVersion: number;
    status: ApplicationStatus;
    stage: ReviewStage | null;
    amountFen: number;
    /** Identifiers masked; full values only through the audited reveal. */
    facts: Record<string, unknown>;
    timeline: ApplicationTimelineEntry[];
  };
  /** The clause trace re-run now against the claim's program version. */
  evaluation: EligibilityResult;
  documents: { id: string; kind: string; contentType: string; size: number }[];
  matrix: MatrixRow[];
  flags: ReviewFlag[];
  riskScore: number;
  /** The applicant's other claims. */
  history: { id: string; code: string; programCode: string; status: ApplicationStatus; amountFen: number }[];
  decisions: ReviewDecisionEntry[];
}

/** `POST /api/review/applications/:id/decision` body. */
export interface ReviewDecisionRequest {
  decision: ReviewDecisionKind;
  reasonCode?: string;
  fields?: string[];
  note?: string;
  override?: boolean;
}

export interface ReviewDecisionResult {
  status: ApplicationStatus;
  stage: ReviewStage | null;
}

/**
 * What a returned claim must fix, on the resident's `GET /api/applications/:id` (`correction`, null
 * unless returned): the reason and the exact fact keys (or `document:<kind>`) to change.
 */
export interface ApplicationCorrection {
  reasonCode: string;
  reasonTitle: { zh: string; en: string };
  fields: string[];
  note: string | null;
  returnedAt: string;
  /** The claim expires (reservation released) if not resubmitted by then (`returnedExpiryDays`). */
  expiresAt: string;
}

/** `POST /api/review/samples` body and result. */
export interface ReviewSampleRequest {
  programCode: string;
  size: number;
  riskWeighted: boolean;
  seed?: string;
}
export interface ReviewSample {
  id: string;
  seed: string;
  items: { applicationId: string }[];
}
export type SampleOutcome = 'confirmed' | 'clawback';
