import { hash, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { Role } from '@huanxin/shared';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock';
import { MicroBatch } from '../common/http/micro-batch';
import type { AuthUser } from '../common/http/request-context';
import { InjectRedis } from '../redis/redis.module';
import { TrackedCache } from '../redis/tracked-cache';

const MINUTE = 60_000;
/** Idle timeouts (ASVS 7.3.1; 等保 登录连接超时自动退出): residents 30 min, staff and dealers 15 min. */
export const IDLE_TIMEOUT_MS: Record<'resident' | 'staff', number> = {
  resident: 30 * MINUTE,
  staff: 15 * MINUTE,
};
/** Absolute lifetime whatever the activity (ASVS 7.3.2). */
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * MINUTE;
/**
 * A request slides the idle timeout (rewrites the session with a new TTL) only when the last slide
 * is at least this old, so most requests cost one Redis GET instead of a GET and a SET. Activity in
 * between is not recorded, so a session can end up to this much EARLIER than its idle timeout after
 * the last request (a resident idle 29 min 30 s may be signed out), never later.
 */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;

interface StoredSession {
  userId: string;
  role: Role;
  displayName: string;
  organizationId: string | null;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionUser {
  id: string;
  role: Role;
  displayName: string;
  organizationId: string | null;
}

function idleTimeout(role: Role): number {
  return role === 'resident' ? IDLE_TIMEOUT_MS.resident : IDLE_TIMEOUT_MS.staff;
}

/** The Redis keys of sessions (under the client's REDIS_PREFIX). */
export const SESSION_KEY_PREFIX = 'sess:';

/** The optional in-process cache of stored sessions (SESSION_CACHE_ENTRIES; AuthCoreModule). */
export const SESSION_CACHE = Symbol('SESSION_CACHE');

/**
 * Server-side sessions in Redis. The cookie holds an opaque 256-bit random id; Redis holds only its
 * SHA-256, so a copy of Redis gives no usable cookie. A user's sessions are indexed so that
 * disabling the account ends them all.
 */
@Injectable()
export class SessionService implements OnApplicationShutdown {
  /**
   * Session look-ups of requests that arrive together are answered at the end of the loop turn:
   * from the cache, which Redis's invalidations (all of this turn's included) keep exact, and the
   * rest from Redis as one MGET.
   */
  private readonly reads = new MicroBatch<string, string | null>((keys) =>
    this.cache ? this.cache.read(keys, (missing) => this.redis.mget(...missing)) : this.redis.mget(...keys),
  );

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly clock: Clock,
    @Optional() @Inject(SESSION_CACHE) private readonly cache?: TrackedCache | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.cache?.stop();
  }

  async create(user: SessionUser): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    const session: StoredSession = {
      userId: user.id,
      role: user.role,
      displayName: user.displayName,
      organizationId: user.organizationId,
      createdAt: now,
      lastSeenAt: now,
    };
    const key = sessionKey(id);
    await this.redis
      .multi()
      .set(key, JSON.stringify(session), 'PX', idleTimeout(user.role))
      .sadd(userIndexKey(user.id), key)
      .pexpire(userIndexKey(user.id), ABSOLUTE_TIMEOUT_MS)
      .exec();
    return id;
  }

  /**
   * The session's user, sliding the idle timeout (at most once per SESSION_TOUCH_INTERVAL_MS);
   * null when absent, idle too long or too old.
   */
  async resolve(id: string): Promise<AuthUser | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const key = sessionKey(id);
    const raw = await this.reads.load(key);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    const now = this.clock.now().getTime();
    const idle = idleTimeout(session.role);
    const absoluteLeft = session.createdAt + ABSOLUTE_TIMEOUT_MS - now;
    if (now - session.lastSeenAt > idle || absoluteLeft <= 0) {
      await this.destroyKey(key, session.userId);
      return null;
    }
    if (now - session.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS) {
      session.lastSeenAt = now;
      this.cache?.forget(key);
      await this.redis.set(key, JSON.stringify(session), 'PX', Math.min(idle, absoluteLeft), 'XX');
    }
    return {
      id: session.userId,
      role: session.role,
      displayName: session.displayName,
      organizationId: session.organizationId,
      sessionId: id,
    };
  }

  async destroy(id: string): Promise<void> {
    const key = sessionKey(id);
    const raw = await this.redis.get(key);
    const userId = raw ? (JSON.parse(raw) as StoredSession).userId : undefined;
    await this.destroyKey(key, userId);
  }

  /** Ends every session of a user (account disabled, role changed, password reset). */
  async destroyAllForUser(userId: string): Promise<number> {
    // Members are the session keys as this client names them (the key prefix applies on use).
    const keys = await this.redis.smembers(userIndexKey(userId));
    for (const key of keys) this.cache?.forget(key);
    const pipeline = this.redis.multi();
    if (keys.length) pipeline.del(...keys);
    pipeline.del(userIndexKey(userId));
    await pipeline.exec();
    return keys.length;
  }

  private async destroyKey(key: string, userId: string | undefined): Promise<void> {
    this.cache?.forget(key);
    const pipeline = this.redis.multi().del(key);
    if (userId) pipeline.srem(userIndexKey(userId), key);
    await pipeline.exec();
  }
}

/** The Redis key of a session id: its hash, so that the key never holds the token itself. */
export function sessionKey(id: string): string {
  // One-shot hash: no Hash object per request (this runs on every signed-in request).
  return `${SESSION_KEY_PREFIX}${hash('sha256', id, 'base64url')}`;
}

function userIndexKey(userId: string): string {
  return `usess:${userId}`;
}
