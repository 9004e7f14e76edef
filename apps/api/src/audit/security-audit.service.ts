import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { incrWindow } from '../redis/counters';
import { InjectRedis } from '../redis/redis.module';
import { type AuditEntry, AuditService } from './audit.service';

/** Default window in which repeated refusals of one kind and subject are summed into few rows. */
export const BURST_WINDOW_SECONDS = 10 * 60;

/**
 * Audit rows for events an attacker can repeat at will (wrong SMS codes, rate-limit and CSRF
 * refusals). One row per hit would let a flood grow the append-only log without bound, so hits
 * are counted per `bucket` (kind + subject, e.g. limiter + key) in a Redis window, and a row is
 * written only for the 1st, 10th, 100th, 1000th… hit of the window, carrying the running count:
 * at most ⌈log10 n⌉ + 1 rows per subject per window, and the first attempt is always recorded.
 * If Redis cannot count, the row is written (the audit trail is worth more than its size).
 */
@Injectable()
export class SecurityAuditService {
  constructor(
    private readonly audit: AuditService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** A plain row (for services that write both kinds and should not need two writers). */
  record(entry: AuditEntry): Promise<void> {
    return this.audit.record(entry);
  }

  async recordRepeated(
    entry: AuditEntry,
    bucket: string,
    windowSeconds: number = BURST_WINDOW_SECONDS,
  ): Promise<void> {
    let count = 1;
    try {
      count = (await incrWindow(this.redis, `audit-burst:${bucket}`, windowSeconds)).count;
    } catch {
      // fall through: write the row
    }
    if (!isRecordedCount(count)) return;
    await this.audit.record({
      ...entry,
      detail: { ...entry.detail, count, windowSeconds },
    });
  }
}

/** 1, 10, 100, 1000, …: the hits of a window that write a row. */
export function isRecordedCount(count: number): boolean {
  if (count < 1) return false;
  let n = count;
  while (n % 10 === 0) n /= 10;
  return n === 1;
}
