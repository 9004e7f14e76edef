/**
 * The resident's applications (`/api/applications`, api-contract.md "Applications"). Everything lives under
 * the `me` query key, so it is dropped at sign-out and when the session ends.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationDetail,
  ApplicationDocument,
  ApplicationView,
  SubmitApplicationResult,
} from '@huanxin/shared';
import { api, retryWhenBusy, type BusyWait } from '@/lib/api-client';

export const applicationsQueryKey = ['me', 'applications'] as const;
export const applicationQueryKey = (id: string) => ['me', 'applications', id] as const;
export const documentsQueryKey = (id: string) => ['me', 'applications', id, 'documents'] as const;

const path = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const applicationsQueryOptions = () =>
  queryOptions({
    queryKey: applicationsQueryKey,
    queryFn: ({ signal }) => api.get<ApplicationView[]>('/api/applications', { signal }),
  });

export function useApplications() {
  return useQuery(applicationsQueryOptions());
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationQueryKey(id),
    queryFn: ({ signal }) => api.get<ApplicationDetail>(path(id), { signal }),
  });
}

export function useApplicationDocuments(id: string | undefined) {
  return useQuery({
    queryKey: documentsQueryKey(id ?? ''),
    queryFn: ({ signal }) => api.get<ApplicationDocument[]>(`${path(id ?? '')}/documents`, { signal }),
    enabled: Boolean(id),
  });
}

export const documentDownloadUrl = (id: string, docId: string) =>
  `${path(id)}/documents/${encodeURIComponent(docId)}`;

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { programCode: string; facts: Record<string, unknown> }) =>
      api.post<ApplicationView>('/api/applications', input),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationQueryKey(application.id), (old: ApplicationDetail | undefined) => ({
        timeline: [],
        ...old,
        ...application,
      }));
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey, exact: true });
    },
  });
}

export function useUpdateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, facts }: { id: string; facts: Record<string, unknown> }) =>
      api.patch<ApplicationView>(path(id), { facts }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationQueryKey(application.id), (old: ApplicationDetail | undefined) => ({
        timeline: [],
        ...old,
        ...application,
      }));
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey, exact: true });
    },
  });
}

/**
 * Submits with the attempt's Idempotency-Key. When the portal is busy (503/429 with Retry-After) it
 * sends the same key again, a few times, telling `onBusy` before each wait: the server submits once.
 */
export function submitApplication({
  id,
  key,
  onBusy,
}: {
  id: string;
  key: string;
  onBusy?: (wait: BusyWait) => void;
}): Promise<SubmitApplicationResult> {
  return retryWhenBusy(
    () =>
      api.post<SubmitApplicationResult>(`${path(id)}/submit`, undefined, {
        headers: { 'Idempotency-Key': key },
      }),
    onBusy ? { onWait: onBusy } : {},
  );
}

export function useSubmitApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitApplication,
    onSuccess: (_result, { id }) => {
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey });
      void queryClient.invalidateQueries({ queryKey: applicationQueryKey(id) });
    },
  });
}

export function useWithdrawApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApplicationView>(`${path(id)}/withdraw`),
    onSuccess: (_result, id) => {
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey });
      void queryClient.invalidateQueries({ queryKey: applicationQueryKey(id) });
    },
  });
}
