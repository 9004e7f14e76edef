import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountView, Role } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const accountsQueryKey = ['admin', 'users'] as const;

/** Staff and dealer accounts (`GET /api/admin/users`: system and security administrators). */
export const accountsQueryOptions = () =>
  queryOptions({
    queryKey: accountsQueryKey,
    queryFn: ({ signal }) => api.get<AccountView[]>('/api/admin/users', { signal }),
  });

export function useAccounts() {
  return useQuery(accountsQueryOptions());
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  organizationId?: string;
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAccount) => api.post<AccountView>('/api/admin/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKey }),
  });
}

/** One `PATCH /api/admin/users/:id` change: the server decides which administrator may send it. */
export type AccountChange =
  | { disabled: boolean }
  | { unlock: true }
  | { resetMfa: true }
  | { password: string }
  | { activate: true }
  | { role: Role }
  | { displayName: string };

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: AccountChange }) =>
      api.patch<AccountView>(`/api/admin/users/${encodeURIComponent(id)}`, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKey }),
  });
}
