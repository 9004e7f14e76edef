import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationDetailView, OrganizationStatus, OrganizationView } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const organizationsQueryKey = (status?: OrganizationStatus) =>
  ['admin', 'organizations', status ?? 'all'] as const;

export const getOrganizations = (status?: OrganizationStatus, signal?: AbortSignal) =>
  api.get<OrganizationView[]>(
    `/api/admin/organizations${status ? `?status=${encodeURIComponent(status)}` : ''}`,
    signal ? { signal } : {},
  );

export const organizationsQueryOptions = (status?: OrganizationStatus) =>
  queryOptions({
    queryKey: organizationsQueryKey(status),
    queryFn: ({ signal }) => getOrganizations(status, signal),
  });

export function useOrganizations(status?: OrganizationStatus) {
  return useQuery(organizationsQueryOptions(status));
}

export interface StatusChange {
  id: string;
  status: 'active' | 'suspended' | 'disqualified';
  reason: string;
}

export const changeOrganizationStatus = ({ id, ...body }: StatusChange) =>
  api.post<OrganizationView>(`/api/admin/organizations/${encodeURIComponent(id)}/status`, body);

export function useChangeOrganizationStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeOrganizationStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] }),
  });
}

/** One organisation with its status history (`GET /api/admin/organizations/:id`). */
export const organizationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['admin', 'organizations', 'detail', id] as const,
    queryFn: ({ signal }) =>
      api.get<OrganizationDetailView>(`/api/admin/organizations/${encodeURIComponent(id)}`, { signal }),
  });

export function useOrganization(id: string) {
  return useQuery(organizationQueryOptions(id));
}
