import { useEffect, useState } from 'react';

export interface Remaining {
  expired: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** Less than a day left: the page shows it in warning colours (the SMS reminder went out). */
  urgent: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What is left of a voucher's validity at `now` (whole seconds, rounded down; never negative). */
export function remaining(expiresAt: string, now: number): Remaining {
  const left = Math.max(0, Date.parse(expiresAt) - now);
  return {
    expired: left === 0,
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
    minutes: Math.floor((left % HOUR) / MINUTE),
    seconds: Math.floor((left % MINUTE) / SECOND),
    urgent: left < DAY,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2天 03:04:05` / `2d 03:04:05`; without days below one day. */
export function formatRemaining(left: Remaining, dayUnit: string): string {
  const clock = `${pad(left.hours)}:${pad(left.minutes)}:${pad(left.seconds)}`;
  return left.days > 0 ? `${left.days}${dayUnit} ${clock}` : clock;
}

/** The current time, re-read every `intervalMs` while mounted (the countdowns' tick). */
export function useNow(intervalMs = SECOND): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
