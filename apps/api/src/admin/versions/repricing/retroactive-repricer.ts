import type { EntityManager } from 'typeorm';

/**
 * Re-pricing of claims already filed when a version is published retroactively (operations.md §10,
 * as in August 2024 when the car amounts were raised for claims not yet paid). The publish
 * transaction (ProgramVersionsService.publish) calls it; h-whatif owns the implementation, wired by
 * the integrator as the provider of this class.
 */
export abstract class RetroactiveRepricer {
  /** Inside the publish transaction: re-prices the program's unpaid claims under `version`; throws
   *  DomainError BUDGET_SHORTFALL { details: { shortfallFen } } when the budget cannot cover it. */
  abstract reprice(
    manager: EntityManager,
    input: { programId: string; versionId: string; actorId: string },
  ): Promise<{ changed: number; deltaFen: number }>;
}
