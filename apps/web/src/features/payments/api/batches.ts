/**
 * Payment batches (`/api/payments/batches`): the list, one batch with its lines, building a batch of a
 * program and releasing it (by a second finance user), and the bank file's download address.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PaymentBatchDetail, PaymentBatchSummary, ReceivableView } from '@huanxin/shared';
import { env } from '@/config/env';
import { api } from '@/lib/api-client';

export const batchesKey = ['me', 'payments', 'batches'] as const;
export const batchKey = (id: string) => [...batchesKey, id] as const;
export const receivablesKey = ['me', 'payments', 'receivables'] as const;

const batchPath = (id: string) => `/api/payments/batches/${encodeURIComponent(id)}`;

export function useBatches() {
  return useQuery({
    queryKey: batchesKey,
    queryFn: ({ signal }) => api.get<PaymentBatchSummary[]>('/api/payments/batches', { signal }),
  });
}

export function useBatch(id: string | null) {
  return useQuery({
    queryKey: batchKey(id ?? ''),
    queryFn: ({ signal }) => api.get<PaymentBatchDetail>(batchPath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** After a change to one batch: its detail and the list. */
export function useRefreshBatch() {
  const queryClient = useQueryClient();
  return (batch: PaymentBatchDetail | string) => {
    const id = typeof batch === 'string' ? batch : batch.id;
    if (typeof batch !== 'string') queryClient.setQueryData(batchKey(id), batch);
    void queryClient.invalidateQueries({ queryKey: batchKey(id) });
    void queryClient.invalidateQueries({ queryKey: batchesKey, exact: true });
  };
}

export function buildBatch(programCode: string): Promise<PaymentBatchDetail> {
  return api.post<PaymentBatchDetail>('/api/payments/batches', { programCode });
}

export function useBuildBatch() {
  const refresh = useRefreshBatch();
  return useMutation({ mutationFn: buildBatch, onSuccess: refresh });
}

export function releaseBatch(id: string): Promise<PaymentBatchDetail> {
  return api.post<PaymentBatchDetail>(`${batchPath(id)}/release`);
}

export function useReleaseBatch() {
  const refresh = useRefreshBatch();
  return useMutation({ mutationFn: releaseBatch, onSuccess: refresh });
}

/** The bank file's address (a plain download: the session cookie goes along; the API audits it). */
export function bankFileHref(id: string, format: 'csv' | 'xlsx'): string {
  return `${env.apiBaseUrl}${batchPath(id)}/file?format=${format}`;
}

export function useReceivables() {
  return useQuery({
    queryKey: receivablesKey,
    queryFn: ({ signal }) => api.get<ReceivableView[]>('/api/payments/receivables', { signal }),
  });
}
