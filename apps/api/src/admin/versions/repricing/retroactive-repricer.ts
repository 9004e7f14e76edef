import type { EntityManager } from 'typeorm';

/**
 * Re-prices a program's claims not yet paid to a version published with `retroactive: true`,
 * inside the publish's transaction (`manager`). Implemented by LedgerRetroactiveRepricer.
 */
export abstract class RetroactiveRepricer {
  abstract reprice(
    manager: EntityManager,
    input: { programId: string; versionId: string; actorId: string },
  ): Promise<{ changed: number; deltaFen: number }>;
}
