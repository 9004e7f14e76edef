/**
 * An open-loop submit scenario: fresh drafts arrive at a fixed rate whatever the answers (as
 * residents do at a launch: each one presses Submit when they are ready, not when the last
 * resident's answer came), and a draft refused with 503/429 is sent again with the SAME
 * Idempotency-Key after its `Retry-After` plus up to a second of jitter, at most `maxAttempts`
 * times — what the web client's `retryWhenBusy` does (apps/web/src/lib/api-client.ts). A closed
 * loop (autocannon) cannot do this: each connection waits for its answer, and a refused draft is
 * sent again at once, a retry storm far beyond the offered rate.
 *
 * Every request goes out on its own schedule over a keep-alive agent without a socket limit, so
 * a slow answer does not hold back the next arrival. Latencies are from sending to the whole answer.
 */
import { randomInt } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { DraftQueue, Ticket } from './drafts';
import type { HttpResult } from './http';
import { percentile } from './pgbench';

export interface PacedOptions {
  /** Fresh drafts sent per second. */
  rate: number;
  /** How long fresh drafts arrive; retries then go on until every draft has its final answer. */
  seconds: number;
  queue: DraftQueue;
  /** The request that submits a ticket's draft with its key. */
  build: (ticket: Ticket) => { path: string; headers: Record<string, string>; body: string };
  answered?: (ticket: Ticket, status: number, body: string) => void;
  /** Sends of one draft before the resident gives up (the web client: 4). */
  maxAttempts?: number;
  /** Stop waiting for the last answers after this long (the rest are set aside as unanswered). */
  drainTimeoutMs?: number;
  random?: () => number;
}

export interface PacedResult extends HttpResult {
  /** Requests sent, first sends and retries. */
  sent: number;
  /** Fresh drafts sent. */
  arrivals: number;
  retries: number;
  /** Drafts refused `maxAttempts` times (the resident is told the portal is busy). */
  gaveUp: number;
  /** Accepted submits per second while fresh drafts arrived (the offered window only). */
  acceptedInWindow: number;
}

export async function runPaced(url: string, options: PacedOptions): Promise<PacedResult> {
  const { rate, seconds, queue } = options;
  const maxAttempts = options.maxAttempts ?? 4;
  const random = options.random ?? (() => randomInt(1_000_000) / 1_000_000);
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies: number[] = [];
  const refusedLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const acceptedIds: string[] = [];
  let refused = 0;
  let refusedWithRetryAfter = 0;
  let errors = 0;
  let sent = 0;
  let arrivals = 0;
  let retries = 0;
  let gaveUp = 0;
  let acceptedInWindow = 0;
  let inFlight = 0;
  let pendingRetries = 0;
  let ranDryAt = NaN;
  const startedAt = performance.now();
  const windowEnds = startedAt + seconds * 1000;
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  let arriving = true;
  const timers = new Set<NodeJS.Timeout>();
  const checkDone = () => {
    if (!arriving && inFlight === 0 && pendingRetries === 0) settle();
  };

  const send = (ticket: Ticket) => {
    const spec = options.build(ticket);
    sent += 1;
    inFlight += 1;
    const t0 = performance.now();
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: spec.path,
        headers: { ...spec.headers, 'content-length': Buffer.byteLength(spec.body) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - t0;
          inFlight -= 1;
          const status = res.statusCode ?? 0;
          const body = Buffer.concat(chunks).toString('utf8');
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === 200) {
            latencies.push(ms);
            if (performance.now() <= windowEnds) acceptedInWindow += 1;
            try {
              const id = (JSON.parse(body) as { id?: unknown }).id;
              if (typeof id === 'string') acceptedIds.push(id);
            } catch {
              // counted by status only
            }
          } else if (status >= 400) {
            try {
              const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
              if (code) codes[code] = (codes[code] ?? 0) + 1;
            } catch {
              // not JSON
            }
          }
          options.answered?.(ticket, status, body);
          queue.answer(ticket, status);
          if (status === 503 || status === 429) {
            refused += 1;
            refusedLatencies.push(ms);
            const retryAfter = Number(res.headers['retry-after']);
            if (Number.isFinite(retryAfter) && retryAfter >= 0) refusedWithRetryAfter += 1;
            if (ticket.attempts >= maxAttempts) {
              queue.giveUp(ticket);
              gaveUp += 1;
            } else {
              pendingRetries += 1;
              const wait = ((Number.isFinite(retryAfter) ? retryAfter : 2) + random()) * 1000;
              const timer = setTimeout(() => {
                timers.delete(timer);
                pendingRetries -= 1;
                retries += 1;
                queue.resend(ticket);
                send(ticket);
              }, wait);
              timers.add(timer);
            }
          }
          checkDone();
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      // No answer: maybe accepted. Left in flight for `abandonInFlight` to set aside.
      errors += 1;
      inFlight -= 1;
      checkDone();
    });
    req.end(spec.body);
  };

  // Arrivals on a fixed schedule: every tick sends the drafts due by now (no drift, no bunching
  // beyond the timer's resolution).
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.floor(((Math.min(now, windowEnds) - startedAt) / 1000) * rate);
      while (arrivals < due) {
        const ticket = queue.takeFresh();
        if (!ticket) {
          if (Number.isNaN(ranDryAt)) ranDryAt = (now - startedAt) / 1000;
          break;
        }
        arrivals += 1;
        send(ticket);
      }
      if (now >= windowEnds || !Number.isNaN(ranDryAt)) return resolve();
      setTimeout(tick, 5);
    };
    tick();
  });
  arriving = false;
  checkDone();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.drainTimeoutMs ?? 60_000));
  await Promise.race([settled, timeout]);
  // Past the drain timeout: retries not yet sent stay with the queue (counted as left unretried).
  for (const timer of timers) clearTimeout(timer);
  const elapsed = (performance.now() - startedAt) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  refusedLatencies.sort((a, b) => a - b);
  return {
    seconds: elapsed,
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    statuses,
    refusedP99: percentile(refusedLatencies, 0.99),
    refused,
    refusedWithRetryAfter,
    errors,
    acceptedIds,
    codes,
    ranDryAt,
    sent,
    arrivals,
    retries,
    gaveUp,
    acceptedInWindow: acceptedInWindow / seconds,
  };
}
