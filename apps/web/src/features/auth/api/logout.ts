import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export const logoutMutationKey = ['auth', 'logout'] as const;

/** `POST /api/auth/logout` (204). A session that already ended (401) counts as signed out. */
export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return;
    throw error;
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: logoutMutationKey,
    mutationFn: logout,
    onSuccess: () => {
      // Drop everything that belonged to the user; public data (programs) may stay.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'me' });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
