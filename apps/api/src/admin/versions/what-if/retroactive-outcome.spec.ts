import { retroactiveOutcome } from './what-if.service';

/** The one rule the what-if and the re-pricing share: a retroactive version raises, never lowers. */
describe('retroactiveOutcome', () => {
  it.each([
    // held, new eligible, new amount → outcome
    [15_000, true, 20_000, { outcome: 'raised', toFen: 20_000 }],
    [15_000, true, 15_001, { outcome: 'raised', toFen: 15_001 }],
    [15_000, true, 15_000, null],
    [15_000, true, 14_999, { outcome: 'kept', offeredFen: 14_999 }],
    [15_000, true, 0, { outcome: 'kept', offeredFen: 0 }],
    [15_000, false, 0, { outcome: 'kept', offeredFen: null }],
    // An `unknown` clause still carries an amount: not eligible, so nothing is raised on it.
    [15_000, false, 40_000, { outcome: 'kept', offeredFen: null }],
    [0, true, 5_000, { outcome: 'raised', toFen: 5_000 }],
  ] as const)('held %i, eligible %s, %i → %j', (held, eligible, amountFen, expected) => {
    expect(retroactiveOutcome(held, { eligible, amountFen })).toEqual(expected);
  });
});
