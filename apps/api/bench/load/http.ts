/**
 * One HTTP scenario with autocannon: a fixed number of connections for a few seconds, every
 * response's status and latency recorded here (autocannon's own histogram mixes refusals with
 * accepted requests; the goals are about the accepted ones), plus whether refusals carried
 * Retry-After and, for submits, the ids the 200s named (checked against the database afterwards).
 */
import autocannon from 'autocannon';
import { percentile } from './pgbench';

export interface HttpResult {
  seconds: number;
  /** Accepted (2xx) per second. */
  rate: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** Of the 429/503 answers, how many carried Retry-After. */
  refusedWithRetryAfter: number;
  refused: number;
  errors: number;
  acceptedIds: string[];
  /** Error codes of the 4xx/5xx answers that named one. */
  codes: Record<string, number>;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export async function run(
  url: string,
  options: {
    connections: number;
    seconds: number;
    /** Called once per request; null when there is nothing left to send (the run stops). */
    next: () => RequestSpec | null;
  },
): Promise<HttpResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const acceptedIds: string[] = [];
  let refused = 0;
  let refusedWithRetryAfter = 0;
  let last: RequestSpec | null = null;
  let exhausted = false;
  let stop = () => {};
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
          setupRequest: (request) => {
            const spec = options.next() ?? last;
            if (!spec) return request;
            if (spec === last && !exhausted) {
              exhausted = true;
              stop();
            }
            last = spec;
            return {
              ...request,
              method: spec.method,
              path: spec.path,
              headers: spec.headers,
              body: spec.body,
            };
          },
          onResponse: (status, body, _context, headers) => {
            if (status === 429 || status === 503) {
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
            } else if (status === 200) {
              try {
                const id = (JSON.parse(body) as { id?: unknown }).id;
                if (typeof id === 'string') acceptedIds.push(id);
              } catch {
                // Lists answer arrays: no id to keep.
              }
            }
          },
        },
      ],
    },
    (error, result) => (error ? fail(error as Error) : finish(result)),
  );
  stop = () => instance.stop();
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const seconds = result.duration;
  return {
    seconds,
    rate: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    statuses,
    refused,
    refusedWithRetryAfter,
    errors: result.errors + result.timeouts,
    acceptedIds,
    codes,
  };
}
