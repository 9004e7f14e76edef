/**
 * The reviewer's lease on a case (`POST|DELETE /api/review/applications/:id/claim`): 30 minutes, renewed by
 * taking it again while held; decisions need it.
 */
import type { ReviewLease } from '@huanxin/shared';
import { api } from '@/lib/api-client';

const claimPath = (id: string) => `/api/review/applications/${encodeURIComponent(id)}/claim`;

export function claimCase(id: string): Promise<ReviewLease> {
  return api.post<ReviewLease>(claimPath(id));
}

export function releaseCase(id: string): Promise<void> {
  return api.delete<void>(claimPath(id));
}

/**
 * Release when the page is being unloaded (tab closed, reload): a keepalive request outlives the page,
 * where a normal fetch would be cancelled.
 */
export function releaseCaseOnUnload(id: string): void {
  void fetch(claimPath(id), { method: 'DELETE', credentials: 'same-origin', keepalive: true }).catch(
    () => undefined,
  );
}
