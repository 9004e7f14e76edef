"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.factAt = factAt;
/** The value at a dotted fact path (`oldVehicle.vin`), facts being grouped objects. */
function factAt(facts, path) {
    let value = facts;
    for (const part of path.split('.')) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[part];
    }
    return value;
}
//# sourceMappingURL=risk-rule.js.map