"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JobBatch = void 0;
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
class JobBatch {
    /**
     * @param run values for `keys`, in the same order (one per key)
     * @param options `maxBatch` keys at most per batch; `parallel` batches at most at once
     */
    constructor(run, options) {
        this.run = run;
        this.options = options;
        this.queued = [];
        this.running = 0;
        this.scheduled = false;
    }
    load(key) {
        return new Promise((resolve, reject) => {
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
    pump() {
        while (this.running < this.options.parallel && this.queued.length) {
            const batch = this.queued.splice(0, this.options.maxBatch);
            this.running++;
            void this.settle(batch).finally(() => {
                this.running--;
                this.pump();
            });
        }
    }
    async settle(batch) {
        try {
            const values = await this.run(batch.map((item) => item.key));
            batch.forEach((item, i) => item.resolve(values[i]));
        }
        catch (error) {
            if (batch.length === 1)
                return batch[0].reject(error);
            for (const item of batch) {
                try {
                    item.resolve((await this.run([item.key]))[0]);
                }
                catch (alone) {
                    item.reject(alone);
                }
            }
        }
    }
}
exports.JobBatch = JobBatch;
//# sourceMappingURL=job-batch.js.map