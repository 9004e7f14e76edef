/**
 * Coalesces look-ups made during one turn of the event loop into one round trip (the DataLoader
 * pattern): `load(key)` queues the key, and once the I/O callbacks of this turn have run
 * (`setImmediate`) `fetch` gets every queued key at once — a Redis MGET, a SQL `= ANY($1)` — and
 * each caller gets its own value back. Under load the requests that arrive together cost one
 * command instead of one each (fewer socket writes and reads, one statement for the database to
 * plan); a lone request waits one loop turn. Nothing is cached: every value is read by a command
 * sent after the request for it was made, so it is exactly as fresh as a look-up of its own.
 *
 * Where the callers are not I/O callbacks but the continuations of an earlier batch (the
 * resident's list, asked for by the requests whose sessions one batch has just answered), waiting
 * for the end of the turn gathers no one more: it only puts the fetch behind the whole next poll
 * phase (other requests' parsing, other answers' writes). `window: 'promises'` sends the batch as
 * soon as the promise jobs running now have run (`process.nextTick` from within them runs after the
 * microtask queue is drained), so every caller woken by the same batch is in it, and no later one.
 */
export class MicroBatch<K, V> {
  private pending:
    { keys: K[]; settle: { resolve: (v: V) => void; reject: (e: unknown) => void }[] } | undefined;

  private readonly schedule: (send: () => void) => void;

  /**
   * @param fetch values for `keys`, in the same order (one per key)
   * @param maxBatch a batch this large is sent at once instead of waiting for the end of the turn
   * @param window `'turn'`: the keys asked for until this turn's I/O callbacks have run;
   *   `'promises'`: until the promise jobs running now have run (callers continuing from a batch)
   */
  constructor(
    private readonly fetch: (keys: K[]) => Promise<V[]>,
    private readonly maxBatch = 64,
    window: 'turn' | 'promises' = 'turn',
  ) {
    this.schedule = window === 'turn' ? (send) => setImmediate(send) : (send) => process.nextTick(send);
  }

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      let batch = this.pending;
      if (!batch) {
        batch = this.pending = { keys: [], settle: [] };
        this.schedule(() => this.send(batch!));
      }
      batch.keys.push(key);
      batch.settle.push({ resolve, reject });
      if (batch.keys.length >= this.maxBatch) this.send(batch);
    });
  }

  private send(batch: NonNullable<MicroBatch<K, V>['pending']>): void {
    if (this.pending !== batch) return; // already sent (it filled up before the end of the turn)
    this.pending = undefined;
    let fetched: Promise<V[]>;
    try {
      fetched = this.fetch(batch.keys);
    } catch (error) {
      fetched = Promise.reject(error);
    }
    fetched.then(
      (values) => batch.settle.forEach(({ resolve }, i) => resolve(values[i]!)),
      (error: unknown) => batch.settle.forEach(({ reject }) => reject(error)),
    );
  }
}
