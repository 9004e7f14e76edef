/** One case as the reviewer sees it (`GET /api/review/applications/:id`) and its documents. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReviewCase, ReviewReason } from '@huanxin/shared';
import { api } from '@/lib/api-client';

const casePath = (id: string) => `/api/review/applications/${encodeURIComponent(id)}`;

export const reviewCaseKey = (id: string) => ['me', 'review', 'case', id] as const;

export const reviewCaseQueryOptions = (id: string) =>
  queryOptions({
    queryKey: reviewCaseKey(id),
    queryFn: ({ signal }) => api.get<ReviewCase>(casePath(id), { signal }),
  });

export function useReviewCase(id: string) {
  return useQuery(reviewCaseQueryOptions(id));
}

/** The file, served inline for PDF and images (`nosniff`). */
export const reviewDocumentUrl = (id: string, docId: string) =>
  `${casePath(id)}/documents/${encodeURIComponent(docId)}`;

export const reviewReasonsKey = ['me', 'review', 'reasons'] as const;

/** The published reason codes with their zh/en text (`GET /api/review/reasons`); they change with a release. */
export function useReviewReasons() {
  return useQuery({
    queryKey: reviewReasonsKey,
    queryFn: ({ signal }) => api.get<ReviewReason[]>('/api/review/reasons', { signal }),
    staleTime: Infinity,
  });
}
