import type { ApplicationStatus } from '../applications';
import type { EligibilityResult } from '../eligibility';
import type { ApplicationPayment } from '../payments';
import type { PayClock } from '../review/sla';
import type { ApplicationCorrection } from './review';

/**
 * One application as the resident's routes return it (`POST /api/applications`, `PATCH`, `GET` list,
 * withdraw). `reservedFen` is what the claim holds of the budget: 0 until it is submitted, never null.
 */
export interface ApplicationView {
  id: string;
  /** The readable code, e.g. `ZQ-2026-000123`. */
  code: string;
  status: ApplicationStatus;
  programCode: string;
  programVersion: number;
  facts: Record<string, unknown>;
  /** The server's evaluation: at each save for a draft, the submit-time one after submission. */
  evaluation: EligibilityResult | null;
  reservedFen: number;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One status change on an application's timeline. */
export interface ApplicationTimelineEntry {
  at: string;
  status: ApplicationStatus;
  note: string | null;
}

/** `GET /api/applications/:id`: the application with its timeline (oldest first). */
export interface ApplicationDetail extends ApplicationView {
  timeline: ApplicationTimelineEntry[];
  /** While `returned`: the reviewer's reason and the fields to fix (see `ApplicationCorrection`). */
  correction?: ApplicationCorrection | null;
  /** Once the claim is in a payment batch: its latest line (paid on …, or failed with the bank's reason). */
  payment?: ApplicationPayment | null;
  /** While `approved` and unpaid: when payment is due (`serviceLevels.payDays` from the approval). */
  payClock?: PayClock | null;
}

/** `POST /api/applications/:id/submit` (200, and the same body again for a repeated Idempotency-Key). */
export interface SubmitApplicationResult {
  id: string;
  status: 'submitted';
  reservedFen: number;
}

/** An uploaded document (`POST` and `GET /api/applications/:id/documents`); no storage key, no file name. */
export interface ApplicationDocument {
  id: string;
  kind: string;
  contentType: string;
  size: number;
  sha256: string;
}
