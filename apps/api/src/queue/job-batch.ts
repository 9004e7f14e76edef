/**
 * Gathers the jobs a worker runs at once into batches (group commit): `load(key)` queues the key;
 * a batch starts with every key queued when a slot is free — at once (after this loop turn) when
 * the worker is idle, else when a running batch ends, so the keys that arrived meanwhile go
 * together. Under load a batch costs about as much as one job (its statements are set-based), so
 * the drain rate grows with the load instead of being bounded by a per-job cost; a lone job waits
 * one loop turn. Each caller gets its own key's value.
 *
 * A batch that fails is run again key by key, so one bad key fails only its own job (which BullMQ
 * retries with backoff), never the jobs that happened to share its batch.
 */
export class JobBatch<K, V> {
  private queued: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  private running = 0;
  private scheduled = false;

  /**
   * @param run values for `keys`, in the same order (one per key)
   * @param options `maxBatch` keys at most per batch; `parallel` batches at most at once
   */
  constructor(
    private readonly run: (keys: K[]) => Promise<V[]>,
    private readonly options: { maxBatch: number; parallel: number },
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.queued.push({ key, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.running < this.options.parallel && this.queued.length) {
      const batch = this.queued.splice(0, this.options.maxBatch);
      this.running++;
      void this.settle(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async settle(batch: JobBatch<K, V>['queued']): Promise<void> {
    try {
      const values = await this.run(batch.map((item) => item.key));
      batch.forEach((item, i) => item.resolve(values[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const item of batch) {
        try {
          item.resolve((await this.run([item.key]))[0]!);
        } catch (alone) {
          item.reject(alone);
        }
      }
    }
  }
}
