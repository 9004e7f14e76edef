import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ErrorCode } from '@huanxin/shared';
import type { FastifyInstance } from 'fastify';
import { defer, finalize, from, mergeMap, type Observable } from 'rxjs';
import type { AppConfig } from '../../config/config';
import { InjectConfig } from '../../config/config.module';
import { DomainError } from '../errors/domain-error';
import { errorBody } from '../errors/error-body';

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

const BUSY_MESSAGE = 'Too many requests at once, please retry shortly';
const busy = () =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, BUSY_MESSAGE, {
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

  /** Every slot taken and the queue full: the next caller would be refused at once. */
  get full(): boolean {
    return this.running >= this.limits.maxInFlight && this.waiting.length >= this.limits.queueLength;
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

/** The submit route's gate, one per process: shared by the early refusal hook and the interceptor. */
@Injectable()
export class SubmitGate {
  readonly gate: AdmissionGate;

  constructor(@InjectConfig() config: AppConfig) {
    this.gate = new AdmissionGate(config.admission.submit);
  }
}

/** The metered route, as Fastify names it (Nest's global prefix included). */
export const SUBMIT_ROUTE = { method: 'POST', url: '/api/applications/:id/submit' } as const;

/**
 * Every route behind the submit gate: the claim's submit and the voucher's issue
 * (`POST /api/vouchers`). Both are the same kind of work — a short transaction under the person's
 * lock that reserves money with its last statement on the program's hot budget row — and a
 * voucher rush (先到先得) is the same storm as a submit rush, so they share one gate: together
 * they never hold more connections than SUBMIT_MAX_IN_FLIGHT.
 */
export const GATED_ROUTES: readonly { method: string; url: string }[] = [
  SUBMIT_ROUTE,
  { method: 'POST', url: '/api/vouchers' },
];
const gated = (method: string, url: string | undefined) =>
  GATED_ROUTES.some((route) => route.method === method && route.url === url);

/**
 * Refuses a submit (or a voucher's issue: GATED_ROUTES) at the door while the gate is full: a Fastify `onRequest` hook, so the refusal
 * costs no body parsing, no session lookup (Redis), no CSRF or rate-limit check and no database
 * work — under a storm of retries that is most requests, and their cost is what used to starve the
 * admitted ones of CPU. The answer is the same 503 SERVICE_UNAVAILABLE + Retry-After the gate
 * gives, with the error body, not logged as an error (it is the designed answer to overload).
 * When the gate is not full the request goes on to the guards, and the interceptor below takes the
 * slot: a caller without a session or over its limit never holds one.
 */
export function refuseSubmitsWhenFull(fastify: FastifyInstance, gate: AdmissionGate): void {
  const body = JSON.stringify(errorBody(ErrorCode.SERVICE_UNAVAILABLE, BUSY_MESSAGE));
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!gate.full || !gated(request.method, request.routeOptions.url)) return done();
    void reply
      .status(503)
      .headers({
        'retry-after': String(BUSY_RETRY_AFTER_SECONDS),
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
      })
      .send(body);
  });
}

/**
 * `@UseInterceptors(SubmitAdmission)` on `POST /api/applications/:id/submit` and `POST /api/vouchers`
 * (GATED_ROUTES, one shared gate): the submit holds a
 * database connection (and, for its last statement, the hot budget row) for its transaction, so
 * it is the route to meter (SUBMIT_MAX_IN_FLIGHT, SUBMIT_QUEUE_LENGTH, SUBMIT_QUEUE_TIMEOUT_MS).
 * It runs after the guards (an anonymous or over-limit caller never takes a slot) and holds the
 * slot until the answer is produced, whatever its outcome. While the gate is full,
 * `refuseSubmitsWhenFull` refuses before any of that.
 */
@Injectable()
export class SubmitAdmission implements NestInterceptor {
  readonly gate: AdmissionGate;

  constructor(submit: SubmitGate) {
    this.gate = submit.gate;
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return defer(() => from(this.gate.acquire())).pipe(
      mergeMap((release) => next.handle().pipe(finalize(release))),
    );
  }
}
