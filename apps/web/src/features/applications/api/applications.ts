/**
 * The resident's applications (`/api/applications`, api-contract.md "Applications"). Everything lives under
 * the `me` query key, so it is dropped at sign-out and when the session ends.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationStatus, EligibilityResult } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export interface Application {
  id: string;
  code: string;
  status: ApplicationStatus;
  programCode: string;
  programVersion: number;
  facts: Record<string, unknown>;
  evaluation: EligibilityResult | null;
  reservedFen: number | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  at: string;
  status: ApplicationStatus;
  note: string | null;
}

export interface ApplicationDetail extends Application {
  timeline: TimelineEntry[];
}

export interface ApplicationDocument {
  id: string;
  kind: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface SubmitResult {
  id: string;
  status: 'submitted';
  reservedFen: number;
}

export const applicationsQueryKey = ['me', 'applications'] as const;
export const applicationQueryKey = (id: string) => ['me', 'applications', id] as const;
export const documentsQueryKey = (id: string) => ['me', 'applications', id, 'documents'] as const;

const path = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const applicationsQueryOptions = () =>
  queryOptions({
    queryKey: applicationsQueryKey,
    queryFn: ({ signal }) => api.get<Application[]>('/api/applications', { signal }),
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
      api.post<Application>('/api/applications', input),
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
      api.patch<Application>(path(id), { facts }),
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

export function submitApplication({ id, key }: { id: string; key: string }): Promise<SubmitResult> {
  return api.post<SubmitResult>(`${path(id)}/submit`, undefined, { headers: { 'Idempotency-Key': key } });
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
    mutationFn: (id: string) => api.post<Application>(`${path(id)}/withdraw`),
    onSuccess: (_result, id) => {
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey });
      void queryClient.invalidateQueries({ queryKey: applicationQueryKey(id) });
    },
  });
}
