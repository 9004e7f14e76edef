import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@huanxin/shared';

export interface AuthUser {
  id: string;
  role: Role;
  displayName: string;
  organizationId: string | null;
  sessionId: string;
}

/** Per-request facts that services (audit, limits) need without threading the request through. */
export interface RequestContext {
  requestId: string;
  ip: string;
  /** The client's User-Agent, as sent (used only hashed, for the device-pattern fraud signal). */
  userAgent?: string;
  user?: AuthUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
};
