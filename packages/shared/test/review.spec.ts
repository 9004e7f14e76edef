import {
  HIGH_RISK_SCORE,
  payClock,
  REVIEW_REASONS,
  reviewReason,
  reviewDueAt,
  riskScore,
  riskWeight,
  slaState,
  type SlaState,
} from '../src';

describe('review SLA clock', () => {
  const completeAt = new Date('2026-05-01T00:00:00Z');
  const hours = (h: number) => new Date(completeAt.getTime() + h * 3_600_000);

  it('is due reviewDays after the claim became complete', () => {
    expect(reviewDueAt(completeAt, 15).toISOString()).toBe('2026-05-16T00:00:00.000Z');
  });

  // 10 review days = 240 h: warning from 192 h (80 %), overdue once 240 h have passed.
  it.each<[number, SlaState]>([
    [0, 'ok'],
    [191, 'ok'],
    [192, 'warning'],
    [240, 'warning'],
    [241, 'overdue'],
  ])('after %i h of 10 days it is %s', (h, state) => {
    expect(slaState(completeAt, 10, hours(h))).toBe(state);
  });
});

describe('pay SLA clock', () => {
  const approvedAt = new Date('2026-05-01T02:00:00Z');
  const days = (d: number) => new Date(approvedAt.getTime() + d * 86_400_000);

  // 30 pay days: warning from day 24 (80 %), overdue once 30 days have passed.
  it.each<[number, SlaState]>([
    [0, 'ok'],
    [23.99, 'ok'],
    [24, 'warning'],
    [30, 'warning'],
    [30.01, 'overdue'],
  ])('on day %d of 30 it is %s, due 2026-05-31', (d, state) => {
    expect(payClock(approvedAt, 30, days(d))).toEqual({
      dueAt: '2026-05-31T02:00:00.000Z',
      payDays: 30,
      state,
    });
  });
});

describe('risk score', () => {
  it.each<[string[], number]>([
    [[], 0],
    [['DUPLICATE_DOCUMENT'], 40],
    [['DUPLICATE_DOCUMENT', 'SHARED_BANK_ACCOUNT'], 70],
    [['SOMETHING_UNPUBLISHED'], 0],
  ])('of %j is %i', (codes, score) => {
    expect(riskScore(codes)).toBe(score);
  });

  it('sends a failed re-check to four eyes on its own', () => {
    expect(riskWeight('RULES_RECHECK_FAILED')).toBeGreaterThanOrEqual(HIGH_RISK_SCORE);
  });
});

describe('review reasons', () => {
  it('are unique codes, each with Chinese and English text', () => {
    const codes = REVIEW_REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const reason of REVIEW_REASONS) {
      expect(reason.title.zh).toMatch(/\p{Script=Han}/u);
      expect(reason.title.en.length).toBeGreaterThan(0);
    }
  });

  it('publish both kinds and find a code', () => {
    expect(new Set(REVIEW_REASONS.map((r) => r.kind))).toEqual(new Set(['reject', 'return']));
    expect(reviewReason('FACT_MISMATCH')?.kind).toBe('return');
    expect(reviewReason('NO_SUCH_REASON')).toBeUndefined();
  });
});
