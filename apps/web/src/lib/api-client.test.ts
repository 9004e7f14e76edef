import { describe, expect, it, vi } from 'vitest';
import { ApiError, api, codeForStatus, parseErrorResponse } from './api-client';

function respond(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers });
}

describe('parseErrorResponse', () => {
  it('reads the contract error shape into a typed ApiError', async () => {
    const error = await parseErrorResponse(
      respond(
        JSON.stringify({
          error: {
            code: 'VALIDATION_FAILED',
            message: 'bad',
            fields: { 'facts.vin': 'INVALID_CHECK_DIGIT' },
          },
        }),
        422,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('bad');
    expect(error.fields).toEqual({ 'facts.vin': 'INVALID_CHECK_DIGIT' });
  });

  it('keeps the body (e.g. clauses of NOT_ELIGIBLE) and Retry-After', async () => {
    const body = { error: { code: 'RATE_LIMITED', message: 'slow down' } };
    const error = await parseErrorResponse(respond(JSON.stringify(body), 429, { 'Retry-After': '30' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.fields).toEqual({});
    expect(error.retryAfter).toBe(30);
    expect(error.body).toEqual(body);
  });

  it.each([
    ['an HTML page from a proxy', '<html>Bad gateway</html>', 502, 'SERVER_ERROR'],
    ['an empty body', '', 404, 'NOT_FOUND'],
    ['JSON without an error object', '{"message":"nope"}', 403, 'FORBIDDEN'],
    ['an error without a code', '{"error":{"message":"x"}}', 400, 'BAD_REQUEST'],
  ])('falls back to a code from the status for %s', async (_label, body, status, code) => {
    const error = await parseErrorResponse(respond(body, status));
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [409, 'CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [422, 'VALIDATION_FAILED'],
    [500, 'SERVER_ERROR'],
    [503, 'SERVER_ERROR'],
    [418, 'HTTP_ERROR'],
  ])('maps status %i to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});

describe('api client', () => {
  it('sends JSON with same-origin credentials and returns the parsed body', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(respond('{"ok":true}', 200));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/x');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    vi.unstubAllGlobals();
  });

  it('throws ApiError with fields for a 422', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn<typeof fetch>()
        .mockResolvedValue(
          respond('{"error":{"code":"VALIDATION_FAILED","message":"m","fields":{"phone":"INVALID"}}}', 422),
        ),
    );
    const error = await api.get('/api/y').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fields).toEqual({ phone: 'INVALID' });
    vi.unstubAllGlobals();
  });

  it('turns a network failure into NETWORK_ERROR with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await api.get('/api/z').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).code).toBe('NETWORK_ERROR');
    vi.unstubAllGlobals();
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
    vi.unstubAllGlobals();
  });
});
