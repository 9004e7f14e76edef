import { vi } from 'vitest';
import { jsonResponse } from './render';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export type Handler = (call: Call) => Response | Promise<Response>;

/**
 * A fake API for unit tests: `"METHOD /path"` → handler (a Response, or a function of the call). Unknown
 * routes answer 404 ROUTE_NOT_FOUND; `GET /api/auth/me` answers 401 unless given. Returns the calls made.
 */
export function mockApi(routes: Record<string, Response | Handler>): Call[] {
  const calls: Call[] = [];
  const fetchMock = vi.fn<typeof fetch>().mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const path = url.split('?')[0] ?? url;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const call = { method, path, body };
    calls.push(call);
    const handler = routes[`${method} ${path}`];
    if (handler) return typeof handler === 'function' ? handler(call) : handler.clone();
    if (method === 'GET' && path === '/api/auth/me')
      return jsonResponse({ error: { code: 'UNAUTHENTICATED', message: 'no' } }, 401);
    return jsonResponse({ error: { code: 'ROUTE_NOT_FOUND', message: 'no' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

export const signedInAs = (user: { id?: string; role: string; displayName: string; phoneMasked?: string }) =>
  jsonResponse({ user: { id: user.id ?? '7d1c5f0e-2b8a-4c36-9f5e-1a2b3c4d5e6f', ...user } });

export const apiError = (
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => jsonResponse({ error: { code, message: code, ...extra } }, status, headers);
