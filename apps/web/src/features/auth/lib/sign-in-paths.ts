import type { Role } from '@huanxin/shared';

/** Which sign-in a page belongs to: residents use the SMS code, staff and dealers the console sign-in. */
export type SignInArea = 'resident' | 'console';

export const RESIDENT_SIGN_IN_PATH = '/login';
export const CONSOLE_SIGN_IN_PATH = '/console/login';

export function areaForRole(role: Role): SignInArea {
  return role === 'resident' ? 'resident' : 'console';
}

export function areaForPath(pathname: string): SignInArea {
  return pathname === '/console' || pathname.startsWith('/console/') ? 'console' : 'resident';
}

/**
 * A `next` target we are willing to send the browser to after sign-in: a path on this site (never
 * `//host` or `/\host`, which browsers treat as another origin), in the same area, and not a sign-in page.
 */
export function safeNext(raw: string | null | undefined, area: SignInArea): string | undefined {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return undefined;
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20)) return undefined;
  const path = raw.split(/[?#]/)[0] ?? '';
  if (path === RESIDENT_SIGN_IN_PATH || path === CONSOLE_SIGN_IN_PATH) return undefined;
  return areaForPath(path) === area ? raw : undefined;
}

/** `/login?next=…` or `/console/login?next=…`, with `reason=expired` when the server ended the session. */
export function signInPath(area: SignInArea, next?: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const target = safeNext(next, area);
  if (target) params.set('next', target);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return `${area === 'resident' ? RESIDENT_SIGN_IN_PATH : CONSOLE_SIGN_IN_PATH}${query ? `?${query}` : ''}`;
}
