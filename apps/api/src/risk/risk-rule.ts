import type { RiskSignalCode } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';

/** A flag a rule raises: its code (weight in shared `RISK_SIGNALS`) and why, for the reviewer. */
export interface RaisedFlag {
  code: string;
  detail: Record<string, unknown>;
}

/**
 * What a rule looks at: the claim as submitted, in the check job's transaction (its keys are in
 * `risk_key` by then: RiskService records them before the rules run).
 */
export interface RiskContext {
  application: {
    id: string;
    code: string;
    applicantId: string;
    programId: string;
    programVersionId: string;
    facts: Record<string, unknown>;
    submittedAt: Date | null;
  };
  manager: EntityManager;
}

/**
 * One explainable risk signal (operations.md §7): it raises its flag with the reason, or nothing.
 * A rule never decides a claim; the summed weights route it (four eyes, sampling).
 */
export interface RiskRule {
  readonly code: RiskSignalCode;
  evaluate(ctx: RiskContext): Promise<RaisedFlag | null>;
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
