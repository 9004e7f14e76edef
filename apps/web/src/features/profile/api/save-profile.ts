import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileInput } from '@huanxin/shared';
import { api } from '@/lib/api-client';
import { profileQueryKey, type MaskedProfile } from './get-profile';

export const saveProfileMutationKey = ['me', 'profile', 'save'] as const;

export function saveProfile(input: ProfileInput): Promise<MaskedProfile> {
  return api.put<MaskedProfile>('/api/me/profile', input);
}

/**
 * Saves the profile; the masked answer replaces the cached one. `gcTime: 0` so the mutation (whose
 * variables hold the full numbers) leaves the cache as soon as the form lets go of it.
 */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saveProfileMutationKey,
    mutationFn: saveProfile,
    gcTime: 0,
    onSuccess: (profile) => queryClient.setQueryData(profileQueryKey, profile),
  });
}
