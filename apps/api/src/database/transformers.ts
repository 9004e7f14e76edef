import type { ValueTransformer } from 'typeorm';

/**
 * Money is integer fen in `bigint` columns; pg returns them as strings. Values stay far below
 * Number.MAX_SAFE_INTEGER (9e15 fen = 90 trillion yuan), which this transformer asserts.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null): number | null => {
    if (value === null) return null;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed))
      throw new RangeError(`bigint ${value} is outside the safe integer range`);
    return parsed;
  },
};
