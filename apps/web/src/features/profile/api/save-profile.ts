import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { profileQueryKey, type MaskedProfile } from './get-profile';

/** `PUT /api/me/profile` body. Full ID and card numbers: they live only in the form state and this request. */
export interface SaveProfileInput {
  /** With otpCode: the fresh SMS proof for a changed bank account or ID number of a saved profile. */
  otpChallengeId?: string;
  otpCode?: string;
  name: string;
  idNumber: string;
  street: string;
  address: string;
  bankName: string;
  bankAccount: string;
  consent: true;
}

export const saveProfileMutationKey = ['me', 'profile', 'save'] as const;

export function saveProfile(input: SaveProfileInput): Promise<MaskedProfile> {
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
