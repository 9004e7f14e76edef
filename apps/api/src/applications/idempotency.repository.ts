import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { returning } from '../database/sql';

/** The answer kept for a key (`status` 0 while the first request is still running). */
/** How long a key's answer is kept: a retry later than this is a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface IdempotencyOwner {
  userId: string;
  scope: string;
  key: string;
  requestHash: string;
}

/** Named queries of the `Idempotency-Key` records (see `once` in idempotency.ts). */
@Injectable()
export class IdempotencyRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Inserts the key's row, still without an answer (`response_status` 0). False when the key is
   * already taken; a concurrent insert of the same key waits on the unique index until the first
   * transaction ends. `created_at` comes from the Clock, like every deadline.
   */
  async claim(manager: EntityManager, owner: IdempotencyOwner): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_key (user_id, scope, key, request_hash, response_status, response_body, created_at)
       VALUES ($1, $2, $3, $4, 0, '{}'::jsonb, $5) ON CONFLICT (user_id, scope, key) DO NOTHING RETURNING id`,
      [owner.userId, owner.scope, owner.key, owner.requestHash, this.clock.now()],
    );
    return inserted.length > 0;
  }

  async stored(
    manager: EntityManager,
    owner: IdempotencyOwner,
  ): Promise<{ requestHash: string; response: StoredResponse } | null> {
    const [row] = (await manager.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_key WHERE user_id = $1 AND scope = $2 AND key = $3`,
      [owner.userId, owner.scope, owner.key],
    )) as { request_hash: string; response_status: number; response_body: Record<string, unknown> }[];
    return row
      ? { requestHash: row.request_hash, response: { status: row.response_status, body: row.response_body } }
      : null;
  }

  async complete(manager: EntityManager, owner: IdempotencyOwner, response: StoredResponse): Promise<void> {
    await manager.query(
      `UPDATE idempotency_key SET response_status = $4, response_body = $5::jsonb WHERE user_id = $1 AND scope = $2 AND key = $3`,
      [owner.userId, owner.scope, owner.key, response.status, JSON.stringify(response.body)],
    );
  }

  /**
   * Deletes the keys older than IDEMPOTENCY_KEY_TTL_MS (the hourly pruning job); returns how many.
   * A retry after that is a new request (a submitted claim then answers 409 WRONG_STATE).
   */
  async pruneExpired(): Promise<number> {
    const deleted = await returning(
      this.dataSource,
      `DELETE FROM idempotency_key WHERE created_at < $1 RETURNING id`,
      [new Date(this.clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS)],
    );
    return deleted.length;
  }
}
