import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ErrorCode } from '@huanxin/shared';
import { defer, finalize, from, mergeMap, type Observable } from 'rxjs';
import type { AppConfig } from '../../config/config';
import { InjectConfig } from '../../config/config.module';
import { DomainError } from '../errors/domain-error';

/** Seconds a refused caller is asked to wait (the web client adds jitter before it retries). */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export interface AdmissionLimits {
  /** Callers admitted at once. */
  maxInFlight: number;
  /** Callers waiting for a slot; one more is refused at once. */
  queueLength: number;
  /** Longest wait for a slot; then the waiter is refused. */
  queueTimeoutMs: number;
}

const busy = () =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Too many requests at once, please retry shortly', {
    headers: { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
  });

/**
 * Admission control for one kind of work: at most `maxInFlight` at once, a bounded FIFO queue with a
 * bounded wait, and beyond either a fast 503 SERVICE_UNAVAILABLE with Retry-After. Overload then
 * costs the refused callers a few microseconds and a retry, instead of every caller a wait on the
 * database pool without end (at twice the capacity every request used to wait 10 s and more).
 * Per process, like the database pool it protects. A refused request did nothing, so the client's
 * retry with the same Idempotency-Key does the work exactly once.
 */
export class AdmissionGate {
  private running = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with the slot's release function, or rejects with 503 SERVICE_UNAVAILABLE. */
  acquire(): Promise<() => void> {
    if (this.running < this.limits.maxInFlight) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.limits.queueLength) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const waiter = {
        // A released slot passes straight to the waiter: `running` does not move.
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(busy());
        }, this.limits.queueTimeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.admit();
      else this.running--;
    };
  }
}

/**
 * `@UseInterceptors(SubmitAdmission)` on `POST /api/applications/:id/submit`: the submit holds a
 * database connection and the hot budget row for its whole transaction, so it is the route to
 * meter (SUBMIT_MAX_IN_FLIGHT, SUBMIT_QUEUE_LENGTH, SUBMIT_QUEUE_TIMEOUT_MS). It runs after the
 * guards (an anonymous or over-limit caller never takes a slot) and holds the slot until the
 * answer is produced, whatever its outcome.
 */
@Injectable()
export class SubmitAdmission implements NestInterceptor {
  readonly gate: AdmissionGate;

  constructor(@InjectConfig() config: AppConfig) {
    this.gate = new AdmissionGate(config.admission.submit);
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return defer(() => from(this.gate.acquire())).pipe(
      mergeMap((release) => next.handle().pipe(finalize(release))),
    );
  }
}
