import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MaskedProfile } from '@huanxin/shared';
import { api, isApiError } from '@/lib/api-client';

export type { MaskedProfile } from '@huanxin/shared';

/** Under `me`: dropped from the cache at sign-out and when the session ends. */
export const profileQueryKey = ['me', 'profile'] as const;

/** The profile, or null when the resident has not saved one yet (404 PROFILE_NOT_FOUND). */
export async function getProfile({ signal }: { signal?: AbortSignal } = {}): Promise<MaskedProfile | null> {
  try {
    return await api.get<MaskedProfile>('/api/me/profile', signal ? { signal } : {});
  } catch (error) {
    if (isApiError(error) && error.code === 'PROFILE_NOT_FOUND') return null;
    throw error;
  }
}

export const profileQueryOptions = () =>
  queryOptions({ queryKey: profileQueryKey, queryFn: ({ signal }) => getProfile({ signal }) });

export function useProfile() {
  return useQuery(profileQueryOptions());
}
