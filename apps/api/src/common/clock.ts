import { Injectable } from '@nestjs/common';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Calendar date (YYYY-MM-DD) in Asia/Shanghai, the zone every program window is written in. */
export function shanghaiDate(at: Date): string {
  return SHANGHAI_DATE.format(at);
}

/** The time source. Tests replace it to move time (code expiry, session timeouts, windows). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return shanghaiDate(this.now());
  }
}
