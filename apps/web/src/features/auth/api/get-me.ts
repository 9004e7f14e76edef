import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { PublicUser, SignedInResponse } from '@huanxin/shared';
import { api, isApiError } from '@/lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The current user, or null when nobody is signed in (the API answers 401). */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<PublicUser | null> {
  try {
    const { user } = await api.get<SignedInResponse>('/api/auth/me', signal ? { signal } : {});
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/**
 * Fetched once per page load: the session changes only through our own sign-in/sign-out (which write
 * this cache) or when the server ends it (a 401 elsewhere, handled by the session provider).
 */
export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe({ signal }), staleTime: Infinity });

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Forget the signed-in user and everything cached for them (private data lives under the `me` key). */
export function clearSessionCache(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'me' });
  queryClient.setQueryData(meQueryKey, null);
}

/** A new session: nothing cached for a previous user survives, and the new user is known at once. */
export function startSessionCache(queryClient: QueryClient, user: PublicUser): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'me' });
  queryClient.setQueryData(meQueryKey, user);
}
