import { useMutation } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';

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

/**
 * The sign-out request. The session provider clears the cache only after it has left the page, so a
 * protected page never sees "nobody signed in" and sends the browser to a sign-in page instead.
 */
export function useLogout() {
  return useMutation({ mutationKey: logoutMutationKey, mutationFn: logout });
}
