"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bigintNumber = void 0;
/**
 * Money is integer fen in `bigint` columns; pg returns them as strings. Values stay far below
 * Number.MAX_SAFE_INTEGER (9e15 fen = 90 trillion yuan), which this transformer asserts.
 */
exports.bigintNumber = {
    to: (value) => value,
    from: (value) => {
        if (value === null)
            return null;
        const parsed = Number(value);
        if (!Number.isSafeInteger(parsed))
            throw new RangeError(`bigint ${value} is outside the safe integer range`);
        return parsed;
    },
};
//# sourceMappingURL=transformers.js.map