"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QueueTotals = exports.QUEUE_TOTAL_DEFAULTS = void 0;
exports.QUEUE_TOTAL_DEFAULTS = {
    freshMs: 1_000,
    maxStaleMs: 30_000,
    exactBelow: 100,
    maxEntries: 500,
    now: () => performance.now(),
};
class QueueTotals {
    constructor(options = {}) {
        this.entries = new Map();
        /** Bumped by `forget`: a count that started before it does not store its (older) figure. */
        this.generation = 0;
        this.options = { ...exports.QUEUE_TOTAL_DEFAULTS, ...options };
    }
    /** The total for `key`, counting with `count` only when the rules above need it. */
    async get(key, count) {
        const { freshMs, maxStaleMs, exactBelow } = this.options;
        const entry = this.entries.get(key);
        const age = entry ? this.options.now() - entry.at : Infinity;
        if (!entry || entry.value < exactBelow || age > maxStaleMs)
            return this.refresh(key, count);
        if (age > freshMs && !entry.refreshing)
            // Served as it is; a failed background count leaves the kept value to the next request.
            this.refresh(key, count).catch(() => undefined);
        return entry.value;
    }
    /** Drops every kept total (the queue changed here: a decision). */
    forget() {
        this.generation += 1;
        this.entries.clear();
    }
    async refresh(key, count) {
        const entry = this.entries.get(key);
        if (entry?.refreshing)
            return entry.refreshing;
        const started = this.options.now();
        const generation = this.generation;
        const refreshing = count();
        if (entry)
            entry.refreshing = refreshing;
        try {
            const value = await refreshing;
            if (generation === this.generation)
                this.store(key, { value, at: started, refreshing: null });
            return value;
        }
        finally {
            const current = this.entries.get(key);
            if (current?.refreshing === refreshing)
                current.refreshing = null;
        }
    }
    store(key, entry) {
        this.entries.delete(key);
        this.entries.set(key, entry);
        if (this.entries.size > this.options.maxEntries)
            this.entries.delete(this.entries.keys().next().value);
    }
}
exports.QueueTotals = QueueTotals;
//# sourceMappingURL=queue-total.js.map