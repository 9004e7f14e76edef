import {
  APPLICATION_STATUSES,
  LEDGER_OPEN_STATES,
  LEDGER_STATES,
  ledgerExpectedOn,
  ledgerState,
  ledgerTotals,
  type ApplicationStatus,
  type LedgerClaimFacts,
  type LedgerClocks,
  type LedgerState,
} from '../src';

describe('ledgerState: each claim in exactly one state', () => {
  const facts = (
    status: ApplicationStatus,
    liveLine: LedgerClaimFacts['liveLine'] = null,
    openReceivableFen = 0,
  ): LedgerClaimFacts => ({ status, liveLine, openReceivableFen });

  it.each<[ApplicationStatus, LedgerClaimFacts['liveLine'], number, LedgerState | null]>([
    ['draft', null, 0, null],
    ['submitted', null, 0, 'advanced'],
    ['checking', null, 0, 'advanced'],
    ['in_review', null, 0, 'in_review'],
    ['returned', null, 0, 'in_review'],
    ['approved', null, 0, 'approved'],
    ['approved', 'pending', 0, 'in_batch'],
    // A paid line moves its claim to `paid` in the same transaction; the line alone decides nothing.
    ['approved', 'paid', 0, 'approved'],
    ['paid', 'paid', 0, 'paid'],
    ['rejected', null, 0, 'released'],
    ['withdrawn', null, 0, 'released'],
    ['expired', null, 0, 'released'],
    // An open receivable wins: after payment (return, clawback) and before it (clawback of a commitment).
    ['paid', 'paid', 1, 'receivable'],
    ['approved', 'pending', 500, 'receivable'],
    ['approved', null, 500, 'receivable'],
    // Goods returned (operations.md §6): cancelled; after payment, a receivable while it is owed.
    ['cancelled', null, 0, 'cancelled'],
    ['cancelled', 'paid', 0, 'cancelled'],
    ['cancelled', 'paid', 59_985, 'receivable'],
  ])('%s with line %s and %i fen owed is %s', (status, line, owed, state) => {
    expect(ledgerState(facts(status, line, owed))).toBe(state);
  });

  it.each<[ApplicationStatus, LedgerClaimFacts['liveLine'], boolean, LedgerState]>([
    // The bank refused the last line: the money waits for the account fix, not "approved".
    ['approved', null, true, 'payment_failed'],
    ['approved', null, false, 'approved'],
    // A new batch took it again: in batch, whatever the failed line before.
    ['approved', 'pending', true, 'in_batch'],
    ['paid', 'paid', true, 'paid'],
  ])('%s with line %s, last line failed %s, is %s', (status, liveLine, lastLineFailed, state) => {
    expect(ledgerState({ status, liveLine, lastLineFailed, openReceivableFen: 0 })).toBe(state);
  });

  it('gives every status but draft a state (nothing falls out of the ledger)', () => {
    for (const status of APPLICATION_STATUSES.filter((s) => s !== 'draft'))
      expect(LEDGER_STATES).toContain(ledgerState(facts(status)));
  });
});

describe('ledgerExpectedOn: the SLA clocks', () => {
  const clocks: LedgerClocks = {
    submittedAt: new Date('2026-05-01T01:00:00Z'),
    completeAt: new Date('2026-05-02T20:00:00Z'), // 2026-05-03 04:00 in Shanghai
    approvedAt: new Date('2026-05-10T17:00:00Z'), // 2026-05-11 01:00 in Shanghai
    receivableOpenedAt: new Date('2026-06-01T02:00:00Z'),
    reviewDays: 15,
    payDays: 30,
  };

  it.each<[LedgerState, Partial<LedgerClocks>, string | undefined]>([
    // Review due from completeness (Shanghai date of the instant), from submission while checking.
    ['advanced', { completeAt: null }, '2026-05-16'],
    ['advanced', {}, '2026-05-18'],
    ['in_review', {}, '2026-05-18'],
    ['in_review', { reviewDays: 10 }, '2026-05-13'],
    // Pay due: the approval plus payDays (payClock).
    ['approved', {}, '2026-06-10'],
    ['in_batch', {}, '2026-06-10'],
    ['in_batch', { payDays: 20 }, '2026-05-31'],
    ['approved', { approvedAt: null }, undefined],
    // A receivable is due 10 days after it was opened.
    ['receivable', {}, '2026-06-11'],
    // A return's receivable carries its due date (RETURN_RECEIVABLE_DAYS).
    ['receivable', { receivableDueOn: '2026-06-08' }, '2026-06-08'],
    ['paid', {}, undefined],
    ['released', {}, undefined],
    ['cancelled', {}, undefined],
    ['payment_failed', {}, undefined],
  ])('%s %j → %s', (state, change, expected) => {
    expect(ledgerExpectedOn(state, { ...clocks, ...change })).toBe(expected);
  });
});

describe('ledgerTotals', () => {
  it('sums the items by state in integer fen and counts released and cancelled items in no total', () => {
    const items = [
      { state: 'advanced', amountFen: 50_000 },
      { state: 'advanced', amountFen: 1 },
      { state: 'in_review', amountFen: 20_000 },
      { state: 'approved', amountFen: 30_000 },
      { state: 'in_batch', amountFen: 40_000 },
      { state: 'paid', amountFen: 60_000 },
      { state: 'receivable', amountFen: 7_000 },
      { state: 'released', amountFen: 99_999 },
      { state: 'cancelled', amountFen: 88_888 },
      // Still committed: counted with approved.
      { state: 'payment_failed', amountFen: 5_000 },
    ] as const;
    expect(ledgerTotals(items)).toEqual({
      advancedFen: 50_001,
      inReviewFen: 20_000,
      approvedFen: 35_000,
      inBatchFen: 40_000,
      paidFen: 60_000,
      receivableFen: 7_000,
    });
    const open = items
      .filter((i) => i.state !== 'released' && i.state !== 'cancelled')
      .reduce((s, i) => s + i.amountFen, 0);
    expect(Object.values(ledgerTotals(items)).reduce((s, v) => s + v, 0)).toBe(open);
  });

  it('is all zero for no items, and has one total per open state', () => {
    const totals = ledgerTotals([]);
    expect(Object.values(totals)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Object.keys(totals)).toHaveLength(LEDGER_OPEN_STATES.length);
  });
});
