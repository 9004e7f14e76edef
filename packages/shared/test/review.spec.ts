import { HIGH_RISK_SCORE, reviewDueAt, riskScore, riskWeight, slaState, type SlaState } from '../src';

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
