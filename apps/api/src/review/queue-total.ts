/**
 * The queue's `total` (api-contract.md, Review: `{ items, total }`) without an exact count on every
 * request. A count over the ~33,000 claims in review of a busy program costs several times the page
 * itself (README, Benchmarks), and all it feeds is the pager's "N claims" label, so:
 *
 * - **Small totals are exact.** While a filter's last count was below `exactBelow` (100, a few
 *   pages), it is counted again on every request: a reviewer working through a short queue sees the
 *   number move at once. (Not the cost: a count of 600 claims with a rare flag in one program still
 *   walks the program's 25,000 — hence a low bound.)
 * - **Large totals are kept for `freshMs` (1 s)**, then served once more while a single background
 *   count refreshes them (stale-while-revalidate), so no request waits for a large count except the
 *   first for its filter and one after `maxStaleMs` (30 s) of no use. A label of 33,412 that is a
 *   second old is as true as any figure a reviewer can act on.
 *
 * Per process, not in Redis: a Redis GET is a network round trip (~0.2–0.5 ms) on a page whose own
 * baseline is ~0.6 ms, while the saving Redis would bring — one count per second per filter for all
 * replicas instead of one per replica — is a few milliseconds of database time a second. Replicas
 * may show totals a second apart; each is bounded by the same `freshMs`. A decision in this process
 * drops the kept totals (`forget`), so the deciding reviewer's next page counts anew.
 */
export interface QueueTotalOptions {
  freshMs: number;
  maxStaleMs: number;
  exactBelow: number;
  /** Filters kept at most; the oldest is dropped beyond it (filters are few: program × stage × flag). */
  maxEntries: number;
  /** Monotonic milliseconds (a wall clock that tests move must not make a total look fresh). */
  now: () => number;
}

export const QUEUE_TOTAL_DEFAULTS: QueueTotalOptions = {
  freshMs: 1_000,
  maxStaleMs: 30_000,
  exactBelow: 100,
  maxEntries: 500,
  now: () => performance.now(),
};

interface Entry {
  value: number;
  at: number;
  refreshing: Promise<number> | null;
}

export class QueueTotals {
  private readonly entries = new Map<string, Entry>();
  private readonly options: QueueTotalOptions;
  /** Bumped by `forget`: a count that started before it does not store its (older) figure. */
  private generation = 0;

  constructor(options: Partial<QueueTotalOptions> = {}) {
    this.options = { ...QUEUE_TOTAL_DEFAULTS, ...options };
  }

  /** The total for `key`, counting with `count` only when the rules above need it. */
  async get(key: string, count: () => Promise<number>): Promise<number> {
    const { freshMs, maxStaleMs, exactBelow } = this.options;
    const entry = this.entries.get(key);
    const age = entry ? this.options.now() - entry.at : Infinity;
    if (!entry || entry.value < exactBelow || age > maxStaleMs) return this.refresh(key, count);
    if (age > freshMs && !entry.refreshing)
      // Served as it is; a failed background count leaves the kept value to the next request.
      this.refresh(key, count).catch(() => undefined);
    return entry.value;
  }

  /** Drops every kept total (the queue changed here: a decision). */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private async refresh(key: string, count: () => Promise<number>): Promise<number> {
    const entry = this.entries.get(key);
    if (entry?.refreshing) return entry.refreshing;
    const started = this.options.now();
    const generation = this.generation;
    const refreshing = count();
    if (entry) entry.refreshing = refreshing;
    try {
      const value = await refreshing;
      if (generation === this.generation) this.store(key, { value, at: started, refreshing: null });
      return value;
    } finally {
      const current = this.entries.get(key);
      if (current?.refreshing === refreshing) current.refreshing = null;
    }
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
