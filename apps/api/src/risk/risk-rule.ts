import type { RiskSignalCode } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import type { DealerSaleRecord } from '../dealers/sales/sales.repository';

/** A flag a rule raises: its code (weight in shared `RISK_SIGNALS`) and why, for the reviewer. */
export interface RaisedFlag {
  code: string;
  detail: Record<string, unknown>;
}

/** A claim as submitted, as the risk rules see it. */
export interface RiskApplication {
  id: string;
  code: string;
  applicantId: string;
  programId: string;
  programVersionId: string;
  facts: Record<string, unknown>;
  submittedAt: Date | null;
}

/**
 * What a rule looks at: a batch of claims as submitted, read through `manager` (their keys are in
 * `risk_key` by then: RiskService records them before the rules run). The batch is in check order:
 * a claim sees the keys of the claims before it in the batch, never those after it, as if each had
 * been checked alone in turn.
 */
export interface RiskContext {
  applications: readonly RiskApplication[];
  manager: EntityManager;
  /**
   * The dealer's sale behind each claim of the batch (absent without one), read once per batch
   * for every rule that asks (`SalesRepository.salesForApplications`).
   */
  dealerSales(): Promise<ReadonlyMap<string, DealerSaleRecord>>;
}

/**
 * One explainable risk signal (operations.md §7): for each claim of the batch (in its order) its
 * flag with the reason, or null. A rule reads once for the whole batch (`= ANY($1)`). It never
 * decides a claim; the summed weights route it (four eyes, sampling).
 */
export interface RiskRule {
  readonly code: RiskSignalCode;
  evaluate(ctx: RiskContext): Promise<(RaisedFlag | null)[]>;
}

/** The value at a dotted fact path (`oldVehicle.vin`), facts being grouped objects. */
export function factAt(facts: Record<string, unknown>, path: string): unknown {
  let value: unknown = facts;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
