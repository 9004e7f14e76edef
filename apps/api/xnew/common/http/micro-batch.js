"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MicroBatch = void 0;
/**
 * Coalesces look-ups made during one turn of the event loop into one round trip (the DataLoader
 * pattern): `load(key)` queues the key, and once the I/O callbacks of this turn have run
 * (`setImmediate`) `fetch` gets every queued key at once — a Redis MGET, a SQL `= ANY($1)` — and
 * each caller gets its own value back. Under load the requests that arrive together cost one
 * command instead of one each (fewer socket writes and reads, one statement for the database to
 * plan); a lone request waits one loop turn. Nothing is cached: every value is read by a command
 * sent after the request for it was made, so it is exactly as fresh as a look-up of its own.
 */
class MicroBatch {
    /**
     * @param fetch values for `keys`, in the same order (one per key)
     * @param maxBatch a batch this large is sent at once instead of waiting for the end of the turn
     */
    constructor(fetch, maxBatch = 64) {
        this.fetch = fetch;
        this.maxBatch = maxBatch;
    }
    load(key) {
        return new Promise((resolve, reject) => {
            let batch = this.pending;
            if (!batch) {
                batch = this.pending = { keys: [], settle: [] };
                setImmediate(() => this.send(batch));
            }
            batch.keys.push(key);
            batch.settle.push({ resolve, reject });
            if (batch.keys.length >= this.maxBatch)
                this.send(batch);
        });
    }
    send(batch) {
        if (this.pending !== batch)
            return; // already sent (it filled up before the end of the turn)
        this.pending = undefined;
        let fetched;
        try {
            fetched = this.fetch(batch.keys);
        }
        catch (error) {
            fetched = Promise.reject(error);
        }
        fetched.then((values) => batch.settle.forEach(({ resolve }, i) => resolve(values[i])), (error) => batch.settle.forEach(({ reject }) => reject(error)));
    }
}
exports.MicroBatch = MicroBatch;
//# sourceMappingURL=micro-batch.js.map