import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DealerMeView } from '@huanxin/shared';
import { api } from '@/lib/api-client';

/** Under `me`: dropped from the cache at sign-out. */
export const dealerMeQueryKey = ['me', 'dealer'] as const;

export const getDealerMe = ({ signal }: { signal?: AbortSignal } = {}) =>
  api.get<DealerMeView>('/api/dealer/me', signal ? { signal } : {});

export const dealerMeQueryOptions = () =>
  queryOptions({ queryKey: dealerMeQueryKey, queryFn: ({ signal }) => getDealerMe({ signal }) });

export function useDealerMe() {
  return useQuery(dealerMeQueryOptions());
}
