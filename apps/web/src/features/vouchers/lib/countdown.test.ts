import { describe, expect, it } from 'vitest';
import { formatRemaining, remaining } from './countdown';

const EXPIRES = '2026-05-05T02:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('remaining: what is left of a voucher', () => {
  it.each([
    [
      'three days before',
      '2026-05-02T02:00:00.000Z',
      { expired: false, days: 3, hours: 0, minutes: 0, seconds: 0, urgent: false },
      '3天 00:00:00',
    ],
    [
      'a second over a day',
      '2026-05-04T01:59:59.000Z',
      { expired: false, days: 1, hours: 0, minutes: 0, seconds: 1, urgent: false },
      '1天 00:00:01',
    ],
    [
      'just under a day: urgent',
      '2026-05-04T02:00:00.001Z',
      { expired: false, days: 0, hours: 23, minutes: 59, seconds: 59, urgent: true },
      '23:59:59',
    ],
    [
      'one minute and five seconds',
      '2026-05-05T01:58:55.000Z',
      { expired: false, days: 0, hours: 0, minutes: 1, seconds: 5, urgent: true },
      '00:01:05',
    ],
    [
      'at the instant',
      '2026-05-05T02:00:00.000Z',
      { expired: true, days: 0, hours: 0, minutes: 0, seconds: 0, urgent: true },
      '00:00:00',
    ],
    [
      'after it: never negative',
      '2026-05-06T00:00:00.000Z',
      { expired: true, days: 0, hours: 0, minutes: 0, seconds: 0, urgent: true },
      '00:00:00',
    ],
  ])('%s', (_, now, expected, text) => {
    const left = remaining(EXPIRES, at(now));
    expect(left).toEqual(expected);
    expect(formatRemaining(left, '天')).toBe(text);
  });
});
