"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MatrixRegistry = void 0;
exports.judge = judge;
/** Compared as the identifiers are normalised (identifiers.md): trimmed, upper-case, no spaces or dashes. */
function normalise(value) {
    return typeof value === 'string'
        ? value
            .trim()
            .replace(/[\s-]+/g, '')
            .toUpperCase()
        : value;
}
const ORDER = { conflict: 0, match: 1, insufficient: 2 };
/**
 * The field matrix of a case, from every registered source. A field is `insufficient` while fewer
 * than two sources hold a value for it (nothing to compare), `match` when all values agree,
 * `conflict` otherwise. Conflicts come first (the reviewer reads them first); otherwise the order
 * is the sources' own.
 */
class MatrixRegistry {
    constructor(providers = []) {
        this.providers = [];
        for (const provider of providers)
            this.register(provider);
    }
    /** Adds a source (one per source name: a second registration replaces the first). */
    register(provider) {
        const at = this.providers.findIndex((p) => p.source === provider.source);
        if (at >= 0)
            this.providers.splice(at, 1, provider);
        else
            this.providers.push(provider);
    }
    unregister(source) {
        const at = this.providers.findIndex((p) => p.source === source);
        if (at >= 0)
            this.providers.splice(at, 1);
    }
    get sources() {
        return this.providers.map((p) => p.source);
    }
    async build(kase) {
        const reported = await Promise.all(this.providers.map(async (p) => ({ source: p.source, values: await p.values(kase) })));
        const byField = new Map();
        for (const { source, values } of reported) {
            for (const value of values) {
                const row = byField.get(value.field) ?? [];
                row.push({ source, value });
                byField.set(value.field, row);
            }
        }
        const rows = [...byField.entries()].map(([field, entries]) => ({
            field,
            values: entries.map(({ source, value }) => ({ source, value: value.value })),
            result: judge(entries.map(({ value }) => (value.compareAs === undefined ? value.value : value.compareAs))),
        }));
        return rows
            .map((row, index) => ({ row, index }))
            .sort((a, b) => ORDER[a.row.result] - ORDER[b.row.result] || a.index - b.index)
            .map(({ row }) => row);
    }
}
exports.MatrixRegistry = MatrixRegistry;
function judge(values) {
    const present = values.filter((v) => v !== null && v !== undefined && v !== '');
    if (present.length < 2)
        return 'insufficient';
    const first = normalise(present[0]);
    return present.every((v) => normalise(v) === first) ? 'match' : 'conflict';
}
//# sourceMappingURL=matrix.registry.js.map