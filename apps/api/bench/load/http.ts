/**
 * One HTTP scenario with autocannon: a fixed number of connections for a few seconds, every
 * response's status and latency recorded here (autocannon's own histogram mixes refusals with
 * accepted requests; the goals are about the accepted ones), plus whether refusals carried
 * Retry-After and, for submits, the ids the 200s named (checked against the database afterwards).
 *
 * Each answer is matched to the request it answers through autocannon's per-connection context
 * (one request in flight per connection, no pipelining) and handed to `answered`, so a submit
 * scenario knows which draft was accepted, refused (to retry) or spent. When `next` has nothing to
 * send, the connection sends a filler (the in-memory public list, not counted) until `finished`
 * says every request is answered, then the run stops early.
 */
import autocannon from 'autocannon';
import type { Ticket } from './drafts';
import { percentile } from './pgbench';

/** Sent by an idle connection while the last requests of a run are answered; never counted. */
const FILLER: RequestSpec = {
  method: 'GET',
  path: '/api/programs',
  headers: { 'x-forwarded-for': '10.255.255.254' },
};

export interface HttpResult {
  seconds: number;
  /** Accepted (2xx) per second. */
  rate: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** p99 of the 429/503 answers (how fast the excess is refused). */
  refusedP99: number;
  /** Of the 429/503 answers, how many carried Retry-After. */
  refusedWithRetryAfter: number;
  refused: number;
  errors: number;
  acceptedIds: string[];
  /** Error codes of the 4xx/5xx answers that named one. */
  codes: Record<string, number>;
  /** Seconds into the run when `next` first had nothing to send (NaN: it never ran dry). */
  ranDryAt: number;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The draft a submit carries. */
  ticket?: Ticket;
}

export async function run(
  url: string,
  options: {
    connections: number;
    seconds: number;
    /** Called once per request; null when there is nothing left to send right now. */
    next: () => RequestSpec | null;
    /** Every answer to a request `next` gave, with its status and body. */
    answered?: (spec: RequestSpec, status: number, body: string) => void;
    /** Once `next` ran dry: true when nothing is in flight any more (the run stops). Default: true. */
    finished?: () => boolean;
  },
): Promise<HttpResult> {
  const latencies: number[] = [];
  const refusedLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const acceptedIds: string[] = [];
  let refused = 0;
  let refusedWithRetryAfter = 0;
  const startedAt = Date.now();
  let ranDryAt = NaN;
  let stopped = false;
  // The kind of the answer just recorded: autocannon emits 'response' right after onResponse.
  let lastKind: 'filler' | 'accepted' | 'refused' | 'other' = 'other';
  let stop = () => {};
  const stopIfFinished = () => {
    if (!stopped && !Number.isNaN(ranDryAt) && (options.finished?.() ?? true)) {
      stopped = true;
      stop();
    }
  };
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      duration: options.seconds,
      timeout: 10,
      requests: [
        {
          setupRequest: (request, context) => {
            let spec = stopped ? null : options.next();
            if (!spec) {
              if (Number.isNaN(ranDryAt)) ranDryAt = (Date.now() - startedAt) / 1000;
              spec = FILLER;
              stopIfFinished();
            }
            (context as { spec?: RequestSpec }).spec = spec;
            return {
              ...request,
              method: spec.method,
              path: spec.path,
              headers: spec.headers,
              body: spec.body,
            };
          },
          onResponse: (status, body, context, headers) => {
            const spec = (context as { spec?: RequestSpec }).spec;
            if (!spec || spec === FILLER) {
              lastKind = 'filler';
              stopIfFinished();
              return;
            }
            statuses[status] = (statuses[status] ?? 0) + 1;
            lastKind = status >= 200 && status < 300 ? 'accepted' : 'other';
            if (status === 429 || status === 503) {
              lastKind = 'refused';
              refused += 1;
              const h = headers as Record<string, string | undefined>;
              if (h['retry-after'] ?? h['Retry-After']) refusedWithRetryAfter += 1;
            }
            if (status >= 400) {
              try {
                const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
                if (code) codes[code] = (codes[code] ?? 0) + 1;
              } catch {
                // Not JSON: counted by status only.
              }
            } else if (status === 200 && spec.method === 'POST') {
              // Only a submit names an id to check against the database; a read's body is not
              // parsed: the load generator shares the machine's two cores with the server, and
              // parsing every list it is sent would be charged to the list's rate.
              try {
                const id = (JSON.parse(body) as { id?: unknown }).id;
                if (typeof id === 'string') acceptedIds.push(id);
              } catch {
                // Not JSON: no id to keep.
              }
            }
            options.answered?.(spec, status, body);
            stopIfFinished();
          },
        },
      ],
    },
    (error, result) => (error ? fail(error as Error) : finish(result)),
  );
  stop = () => instance.stop();
  instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
    if (lastKind === 'accepted') latencies.push(responseTime);
    else if (lastKind === 'refused') refusedLatencies.push(responseTime);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  refusedLatencies.sort((a, b) => a - b);
  const seconds = result.duration;
  return {
    seconds,
    rate: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    statuses,
    refusedP99: percentile(refusedLatencies, 0.99),
    refused,
    refusedWithRetryAfter,
    errors: result.errors + result.timeouts,
    acceptedIds,
    codes,
    ranDryAt,
  };
}
