import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A claim waiting for its automated checks, and the submission event its check job is keyed by. */
export interface StuckClaim {
  id: string;
  eventId: string;
}

/** Only stuck-claim sweeps take it (never a business transaction): two workers do not both sweep. */
const SWEEP_LOCK = 7406011006;

/** Named queries of the stuck-claim sweep (stuck-claims.sweep.ts). */
@Injectable()
export class StuckClaimsRepository {
  /** False when another worker's sweep holds the lock (this tick is skipped, not queued). */
  async tryLock(manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK])) as {
      locked: boolean;
    }[];
    return row!.locked;
  }

  /**
   * Claims in `submitted`/`checking` not changed since `before`, oldest first, with the id of their
   * latest `submitted` event (the check job's key). Uses the (status, updated_at) index and the
   * event index (application_id, at).
   */
  stuckClaims(manager: EntityManager, before: Date, limit: number): Promise<StuckClaim[]> {
    // One index range per status (an IN list would not come out of the index in updated_at order).
    return manager.query(
      `SELECT a.id, e.id AS "eventId"
         FROM ((SELECT id, updated_at FROM application
                 WHERE status = 'submitted' AND updated_at < $1 ORDER BY updated_at LIMIT $2)
               UNION ALL
               (SELECT id, updated_at FROM application
                 WHERE status = 'checking' AND updated_at < $1 ORDER BY updated_at LIMIT $2)) a
         CROSS JOIN LATERAL (
           SELECT ev.id FROM application_event ev
            WHERE ev.application_id = a.id AND ev.to_status = 'submitted'
            ORDER BY ev.at DESC, ev.seq DESC LIMIT 1) e
        ORDER BY a.updated_at
        LIMIT $2`,
      [before, limit],
    );
  }

  /** Of these job ids, those still waiting in the outbox (the relay will send them; nothing to do). */
  async pendingInOutbox(manager: EntityManager, jobIds: string[]): Promise<Set<string>> {
    const rows = (await manager.query(
      `SELECT job_id FROM outbox WHERE dispatched_at IS NULL AND job_id = ANY($1::text[])`,
      [jobIds],
    )) as { job_id: string }[];
    return new Set(rows.map((row) => row.job_id));
  }
}
