import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '../../src/common/clock';

export interface FakeClock {
  /** The app's current time. */
  now(): Date;
  /** Moves time forward (or back with a negative value). */
  advance(ms: number): void;
  /** Puts time at an absolute instant. */
  set(at: Date): void;
  /** Gives the app its real clock back. */
  restore(): void;
}

/**
 * Replaces the app's `Clock` (one instance, provided globally) with a frozen time that moves only
 * when told: code expiry, lock-outs, session timeouts and TOTP steps then follow the test.
 */
export function useFakeClock(app: INestApplicationContext, start: Date = new Date()): FakeClock {
  const clock = app.get(Clock);
  let current = start.getTime();
  const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(current));
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (at) => {
      current = at.getTime();
    },
    restore: () => spy.mockRestore(),
  };
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
