import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

/** Every this often a heartbeat key is written, and its invalidation must come back (below). */
export const HEARTBEAT_MS = 500;
/**
 * Values are served from memory only while the newest heartbeat seen was written at most this long
 * ago: the longest a value can stay in use after Redis changed it when invalidations stop arriving
 * without the connection closing (a silent network failure, a stalled subscriber).
 */
export const MAX_STALE_MS = 3 * HEARTBEAT_MS;

export interface TrackedCacheOptions {
  url: string;
  /** The key prefix the callers' client adds (its `keyPrefix`), e.g. `huanxin:`. */
  clientPrefix: string;
  /** The keys kept, as the callers name them (without `clientPrefix`), e.g. `sess:`. */
  prefix: string;
  /** At most this many values are kept (the oldest kept goes first). */
  maxEntries: number;
}

export interface TrackedCacheStats {
  live: boolean;
  entries: number;
  hits: number;
  misses: number;
  invalidations: number;
}

/**
 * Values of the Redis keys under one prefix, kept in this process and still exactly as fresh as
 * Redis's own, because Redis says when one changes: client-side caching in broadcasting mode
 * (redis.io, "Client-side caching reference"). One connection turns tracking on for the prefix
 * (`CLIENT TRACKING ON BCAST PREFIX … REDIRECT`), a second one is subscribed to
 * `__redis__:invalidate`, and every write to a key under the prefix, by any client — a logout on
 * another replica, an expiry, a FLUSHALL — sends its name there; the value is dropped before the
 * next read. Reads are made by the caller's own client (`read`'s `fetch`), so this adds no Redis
 * command to a miss.
 *
 * Three things could keep a value that Redis no longer holds, and each is closed:
 * - an invalidation that overtakes the reply it invalidates (they come on different
 *   connections): a key whose invalidation arrives while a read of it is in flight is not kept
 *   from that read (`dirty`), and a flush while it is in flight drops the whole read (`generation`);
 * - a connection that closes (tracking ends with it, and invalidations meanwhile are lost):
 *   everything is dropped and nothing is kept until tracking is on again on fresh connections;
 * - invalidations that stop arriving while the connections still look open: every HEARTBEAT_MS
 *   a key of this process's own (`<prefix>~beat:<instance>:<n>`) is written, and values are
 *   served only while the newest beat whose invalidation came back is younger than MAX_STALE_MS.
 *   Redis sends invalidations in the order it applied the writes, so a beat coming back proves
 *   every change made before it was written has been seen; after a gap, everything is dropped.
 * Started by the first read (a process that never reads, like the worker, opens nothing).
 */
export class TrackedCache {
  private readonly logger = new Logger(TrackedCache.name);
  private readonly values = new Map<string, string>();
  /** Reads in flight per key, and the keys invalidated while one was. */
  private readonly pending = new Map<string, number>();
  private readonly dirty = new Set<string>();
  /** Bumped by every flush: a read started in an older generation keeps nothing. */
  private generation = 0;
  private readonly beatKeyPrefix: string;
  private readonly beatsSent = new Map<string, number>();
  private beats = 0;
  /** performance.now() when the newest beat that came back was written; -Infinity: none yet. */
  private provenAt = Number.NEGATIVE_INFINITY;
  private tracking = false;
  private subscriberId: number | undefined;
  private connections: { subscriber: Redis; tracker: Redis } | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly counters = { hits: 0, misses: 0, invalidations: 0 };

  constructor(private readonly options: TrackedCacheOptions) {
    this.beatKeyPrefix = `${options.prefix}~beat:${randomBytes(6).toString('hex')}:`;
  }

  /**
   * The values of `keys` (same order; null: no such key): those kept from memory, the others from
   * `fetch`, which are then kept unless they changed meanwhile. Called once per batch of look-ups
   * (common/http/micro-batch.ts) at the end of an event-loop turn, after that turn's invalidations.
   */
  async read(
    keys: string[],
    fetch: (missing: string[]) => Promise<(string | null)[]>,
  ): Promise<(string | null)[]> {
    if (!this.connections && !this.stopped) this.start();
    const live = this.isLive();
    const values: (string | null)[] = new Array<string | null>(keys.length).fill(null);
    const missing: string[] = [];
    const at: number[] = [];
    keys.forEach((key, i) => {
      const kept = live ? this.values.get(key) : undefined;
      if (kept === undefined) {
        missing.push(key);
        at.push(i);
      } else values[i] = kept;
    });
    this.counters.hits += keys.length - missing.length;
    if (!missing.length) return values;
    this.counters.misses += missing.length;
    const generation = this.generation;
    for (const key of missing) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    let fetched: (string | null)[];
    // The keys invalidated while in flight: not kept from this read. Their marks go with the
    // last read of them in flight, whether it succeeded or not.
    let dirty = new Set<string>();
    try {
      fetched = await fetch(missing);
    } finally {
      dirty = new Set(missing.filter((key) => this.dirty.has(key)));
      for (const key of missing) {
        const left = this.pending.get(key)! - 1;
        if (left > 0) this.pending.set(key, left);
        else {
          this.pending.delete(key);
          this.dirty.delete(key);
        }
      }
    }
    const keep = live && generation === this.generation && this.isLive();
    missing.forEach((key, j) => {
      const value = fetched[j] ?? null;
      values[at[j]!] = value;
      if (keep && value !== null && !dirty.has(key)) this.remember(key, value);
    });
    return values;
  }

  /** Drops `key` at once, for a write of this process's own (its invalidation follows anyway). */
  forget(key: string): void {
    this.values.delete(key);
    if (this.pending.has(key)) this.dirty.add(key);
  }

  stats(): TrackedCacheStats {
    return { live: this.isLive(), entries: this.values.size, ...this.counters };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeat);
    this.flush();
    const connections = this.connections;
    this.connections = undefined;
    this.tracking = false;
    if (connections) {
      await Promise.all(
        [connections.subscriber, connections.tracker].map((c) => c.quit().catch(() => c.disconnect())),
      );
    }
  }

  private isLive(): boolean {
    return this.tracking && performance.now() - this.provenAt <= MAX_STALE_MS;
  }

  private remember(key: string, value: string): void {
    if (this.values.size >= this.options.maxEntries) {
      const oldest = this.values.keys().next();
      if (!oldest.done) this.values.delete(oldest.value);
    }
    this.values.set(key, value);
  }

  private flush(): void {
    this.values.clear();
    this.generation += 1;
  }

  private start(): void {
    const options = {
      // Our own commands only: nothing queued while disconnected, no replay of the subscription
      // (tracking must be turned on again, after the subscription, on every new connection).
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
    };
    const subscriber = new Redis(this.options.url, options);
    const tracker = new Redis(this.options.url, options);
    this.connections = { subscriber, tracker };
    for (const connection of [subscriber, tracker]) {
      // Errors are followed by 'close' and a reconnect; health reports Redis itself.
      connection.on('error', () => {});
      connection.on('close', () => this.down(connection === subscriber));
      connection.on('ready', () => void this.up(connection === subscriber));
    }
    subscriber.on('messageBuffer', (channel: Buffer, keys: Buffer[] | null) => {
      if (channel.toString() === INVALIDATE) this.invalidated(keys);
    });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** A connection is (again) ready: subscribe it, or turn tracking on once both are. */
  private async up(isSubscriber: boolean): Promise<void> {
    const connections = this.connections;
    if (!connections) return;
    try {
      if (isSubscriber) {
        // Its id first: a subscribed connection (RESP2) answers nothing but (un)subscriptions.
        const id = Number(await connections.subscriber.client('ID'));
        await connections.subscriber.subscribe(INVALIDATE);
        this.subscriberId = id;
      }
      if (this.subscriberId === undefined || connections.tracker.status !== 'ready') return;
      const target = String(this.subscriberId);
      await connections.tracker.call('CLIENT', 'TRACKING', 'OFF');
      await connections.tracker.call(
        'CLIENT',
        'TRACKING',
        'ON',
        'REDIRECT',
        target,
        'BCAST',
        'PREFIX',
        this.options.clientPrefix + this.options.prefix,
      );
      // Both may have gone down and up meanwhile: only the latest pair counts.
      if (this.connections !== connections || String(this.subscriberId) !== target) return;
      this.flush();
      this.tracking = true;
    } catch (error) {
      // E.g. a Redis (or proxy) without CLIENT TRACKING: every read then goes to Redis.
      this.logger.warn(`session cache off until Redis reconnects: ${(error as Error).message}`);
    }
  }

  private down(isSubscriber: boolean): void {
    if (isSubscriber) this.subscriberId = undefined;
    this.tracking = false;
    this.beatsSent.clear();
    this.flush();
  }

  private beat(): void {
    const tracker = this.connections?.tracker;
    if (!this.tracking || !tracker) return;
    const key = `${this.beatKeyPrefix}${(this.beats += 1)}`;
    this.beatsSent.set(this.options.clientPrefix + key, performance.now());
    // Expires by itself; that expiry's invalidation is ignored (its beat is no longer pending).
    tracker.set(this.options.clientPrefix + key, '1', 'PX', 2000).catch(() => {});
    if (this.beatsSent.size > 20) this.beatsSent.delete(this.beatsSent.keys().next().value!);
  }

  private invalidated(keys: Buffer[] | null): void {
    this.counters.invalidations += 1;
    // null: the whole keyspace went (FLUSHALL, FLUSHDB, or Redis dropped its tracking table).
    if (!keys) return this.flush();
    for (const raw of keys) {
      const name = raw.toString();
      const sentAt = this.beatsSent.get(name);
      if (sentAt !== undefined) {
        this.beatsSent.delete(name);
        // After a gap, invalidations may have been lost: start again from empty.
        if (performance.now() - this.provenAt > MAX_STALE_MS) this.flush();
        this.provenAt = Math.max(this.provenAt, sentAt);
        continue;
      }
      if (!name.startsWith(this.options.clientPrefix)) continue;
      this.forget(name.slice(this.options.clientPrefix.length));
    }
  }
}

const INVALIDATE = '__redis__:invalidate';
