import { createHash } from 'node:crypto';
import { ErrorCode } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';

export const IDEMPOTENCY_KEY_MAX = 255;

export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
}

export function requireIdempotencyKey(header: string | string[] | undefined): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key)
    throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_MISSING, 'The Idempotency-Key header is required');
  if (key.length > IDEMPOTENCY_KEY_MAX || !/^[\x21-\x7e]+$/.test(key)) {
    throw new DomainError(
      ErrorCode.BAD_REQUEST,
      'The Idempotency-Key header must be 1–255 visible ASCII characters',
    );
  }
  return key;
}

export function fingerprint(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('base64url');
}

/**
 * Runs `work` at most once per (user, scope, key), inside the caller's transaction.
 * The key row is inserted first: a concurrent request with the same key blocks on the unique
 * index until this transaction ends, then reads the stored answer (the same answer for all), or —
 * if this transaction rolled back — does the work itself. A different body under the same key is
 * refused with 422.
 */
export async function once(
  manager: EntityManager,
  owner: { userId: string; scope: string; key: string; requestHash: string },
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO idempotency_key (user_id, scope, key, request_hash, response_status, response_body)
     VALUES ($1, $2, $3, $4, 0, '{}'::jsonb) ON CONFLICT (user_id, scope, key) DO NOTHING RETURNING id`,
    [owner.userId, owner.scope, owner.key, owner.requestHash],
  );
  if (inserted.length === 0) {
    const [stored] = (await manager.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_key WHERE user_id = $1 AND scope = $2 AND key = $3`,
      [owner.userId, owner.scope, owner.key],
    )) as { request_hash: string; response_status: number; response_body: Record<string, unknown> }[];
    if (!stored || stored.response_status === 0) {
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT,
        'The first request with this key is still running',
        { headers: { 'retry-after': '1' } },
      );
    }
    if (stored.request_hash !== owner.requestHash) {
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This Idempotency-Key was used with a different request',
      );
    }
    return { status: stored.response_status, body: stored.response_body };
  }
  const response = await work();
  await manager.query(
    `UPDATE idempotency_key SET response_status = $4, response_body = $5::jsonb WHERE user_id = $1 AND scope = $2 AND key = $3`,
    [owner.userId, owner.scope, owner.key, response.status, JSON.stringify(response.body)],
  );
  return response;
}
