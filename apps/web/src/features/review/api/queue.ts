/** The review queue (`GET /api/review/queue`, api-contract.md "Review"). Under `me` so sign-out drops it. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReviewQueuePage, ReviewSort, ReviewStage } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export interface ReviewQueueFilters {
  program?: string | undefined;
  status?: string | undefined;
  stage?: ReviewStage | undefined;
  flag?: string | undefined;
  sort: ReviewSort;
  page: number;
  pageSize: number;
}

export const DEFAULT_QUEUE_FILTERS: ReviewQueueFilters = { sort: 'age', page: 1, pageSize: 20 };

export const reviewQueueRootKey = ['me', 'review', 'queue'] as const;
export const reviewQueueKey = (filters: ReviewQueueFilters) => [...reviewQueueRootKey, filters] as const;

/** The query string of a queue request: only the filters that are set. */
export function queueSearch(filters: ReviewQueueFilters): string {
  const params = new URLSearchParams();
  for (const key of ['program', 'status', 'stage', 'flag', 'sort'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

export function fetchReviewQueue(
  filters: ReviewQueueFilters,
  signal?: AbortSignal,
): Promise<ReviewQueuePage> {
  return api.get<ReviewQueuePage>(`/api/review/queue?${queueSearch(filters)}`, signal ? { signal } : {});
}

export const reviewQueueQueryOptions = (filters: ReviewQueueFilters) =>
  queryOptions({
    queryKey: reviewQueueKey(filters),
    queryFn: ({ signal }) => fetchReviewQueue(filters, signal),
    // Keep the last page on screen while the next one loads (no flicker when paging or filtering).
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export function useReviewQueue(filters: ReviewQueueFilters) {
  return useQuery(reviewQueueQueryOptions(filters));
}
