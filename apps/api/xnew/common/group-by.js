"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.groupBy = groupBy;
/** Rows grouped by `key`, each group's values in row order (e.g. the rows of a batched `= ANY` query). */
function groupBy(rows, key, value) {
    const groups = new Map();
    for (const row of rows) {
        const group = groups.get(key(row));
        if (group)
            group.push(value(row));
        else
            groups.set(key(row), [value(row)]);
    }
    return groups;
}
//# sourceMappingURL=group-by.js.map