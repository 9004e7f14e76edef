import { genericCodeForStatus, isErrorCode, type ApiErrorBody, type ErrorCode } from '@huanxin/shared';
import { env } from '@/config/env';

/** Field errors as the API sends them: field path → error code (e.g. `{ "facts.vin": "INVALID_CHECK_DIGIT" }`). */
export type FieldErrors = Record<string, string>;

/** Codes the client invents when the server gave no usable error body. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
  /** A 5xx without an error body (a proxy's page, a crashed upstream). */
  server: 'SERVER_ERROR',
  /** Any other status without an error body. */
  http: 'HTTP_ERROR',
} as const;

/** What an ApiError's code can be: one of the API's codes, or one the client made up. */
export type ApiErrorCode = ErrorCode | (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** SCREAMING_SNAKE error code, translated in the UI as `errors:<CODE>`. */
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: FieldErrors = {},
    /** The parsed response body, when there was one (e.g. `clauses` on a 422 NOT_ELIGIBLE). */
    readonly body: unknown = undefined,
    /** Seconds from `Retry-After` on 429/503. */
    readonly retryAfter: number | undefined = undefined,
  ) {
    super(message);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && isErrorCode((error as { code?: unknown }).code);
}

function normaliseFields(raw: unknown): FieldErrors {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
  }
  return out;
}

/**
 * Code used when a failed response had no error body (e.g. a proxy's HTML 502): the shared table's
 * generic code for the status, or the client's own for a server failure or an odd status.
 */
export function codeForStatus(status: number): ApiErrorCode {
  if (status >= 500) return CLIENT_ERROR_CODES.server;
  return genericCodeForStatus(status) ?? CLIENT_ERROR_CODES.http;
}

/**
 * The ApiError for a failed answer's status and raw body text (fetch and XHR uploads alike): the
 * server's code, message and fields when the body is the contract's error body, else the generic
 * code for the status.
 */
export function apiErrorFrom(status: number, text: string, retryAfterHeader: string | null = null): ApiError {
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
  }
  const retryAfter =
    retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    return new ApiError(status, code, message || code, normaliseFields(fields), body, retryAfter);
  }
  return new ApiError(status, codeForStatus(status), `HTTP ${status}`, {}, body, retryAfter);
}

/** Turn a failed response into an ApiError. Never throws anything else. */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return apiErrorFrom(response.status, text, response.headers.get('Retry-After'));
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** fetch wrapper: JSON in and out, same-origin cookies, errors as ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
  };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}${path}`, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'Network request failed');
  }

  if (!response.ok) throw await parseErrorResponse(response);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, 'Response was not JSON');
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

/** A refusal that means "the server is busy, the request did nothing: send it again later". */
export function isBusy(error: unknown): error is ApiError {
  return isApiError(error) && (error.status === 503 || error.status === 429);
}

export interface BusyWait {
  /** The attempt about to be sent (2 = the first retry). */
  attempt: number;
  /** Seconds until it is sent. */
  seconds: number;
}

/** A number in [0, 1) for spreading retries (not a secret, but the lint wants one random source). */
function jitter(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

export interface RetryWhenBusyOptions {
  /** Sends in all, the first one included (default 4). */
  attempts?: number;
  /** Told before each wait, e.g. to tell the resident the portal is busy and their place is kept. */
  onWait?: (wait: BusyWait) => void;
  /** Longest wait honoured, in seconds (a Retry-After above it is cut down to it; default 30). */
  maxWaitSeconds?: number;
  /** Injected in tests. */
  random?: () => number;
}

/**
 * Sends `send()` again after a 503/429 answer, waiting its `Retry-After` (2 s when absent) plus up
 * to one second of jitter, so refused residents do not all come back in the same instant; at most
 * `attempts` sends, then the last refusal is thrown. Any other outcome is returned or thrown at
 * once. Only for requests that are safe to repeat: a submit carries the same Idempotency-Key in
 * every send, so the server does the work exactly once.
 */
export async function retryWhenBusy<T>(
  send: () => Promise<T>,
  { attempts = 4, onWait, maxWaitSeconds = 30, random = jitter }: RetryWhenBusyOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error;
      const seconds = Math.min(error.retryAfter ?? 2, maxWaitSeconds) + random();
      onWait?.({ attempt: attempt + 1, seconds });
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}
