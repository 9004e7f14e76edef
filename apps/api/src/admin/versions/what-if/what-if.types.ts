import type { ApplicationStatus } from '@huanxin/shared';
import type { Priced } from './claim-reevaluation';

/** One claim the draft would change (api-contract.md "Admin and audit"): codes and amounts only. */
export interface WhatIfChange {
  applicationCode: string;
  status: ApplicationStatus;
  before: Priced;
  after: Priced;
}

/** A status's share: claims evaluated, claims changed, and their cost difference (movable money only). */
export interface WhatIfStatusFigures {
  evaluated: number;
  changed: number;
  deltaFen: number;
}

/**
 * The contract's `{ evaluated, changed, deltaFen }` plus, as additions, the figures by status and
 * what a retroactive publish of this draft would move on the ledger (raises only: a retroactive
 * version never lowers a filed claim). No personal data: claim codes, statuses and amounts.
 */
export interface WhatIfResult {
  evaluated: number;
  changed: WhatIfChange[];
  /**
   * Σ (after − before) of what the changed claims would be paid (the amount if eligible, else 0),
   * over the claims whose money can still move (`MOVABLE_STATUSES`, not in a released batch).
   */
  deltaFen: number;
  byStatus: Partial<Record<ApplicationStatus, WhatIfStatusFigures>>;
  retroactive: {
    /** Claims a retroactive publish would raise to the new amount and version. */
    raised: number;
    /** Claims it would keep at their amount (the new version pays less or they are not eligible). */
    kept: number;
    /** What it would move from the budget's remaining money into their reservations or commitments. */
    deltaFen: number;
  };
}

/** The job's answer (`GET …/what-if/:jobId`): an addition to the contract for large programs. */
export interface WhatIfJobView {
  jobId: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: { done: number; total: number };
  result?: WhatIfResult;
}
