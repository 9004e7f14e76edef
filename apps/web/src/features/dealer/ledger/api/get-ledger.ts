import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DealerLedger } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const ledgerQueryKey = ['me', 'dealer', 'ledger'] as const;

export const getLedger = ({ signal }: { signal?: AbortSignal } = {}) =>
  api.get<DealerLedger>('/api/dealer/ledger', signal ? { signal } : {});

/** The organisation's ledger; read again every minute while open (batches and payments move it). */
export const ledgerQueryOptions = () =>
  queryOptions({
    queryKey: ledgerQueryKey,
    queryFn: ({ signal }) => getLedger({ signal }),
    refetchInterval: 60_000,
  });

export function useLedger() {
  return useQuery(ledgerQueryOptions());
}
