import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicUser, SignedInResponse, TotpEnrolment } from '@huanxin/shared';
import { api } from '@/lib/api-client';
import { startSessionCache } from './get-me';

export const totpSetupMutationKey = ['auth', 'totp', 'setup'] as const;
export const totpConfirmMutationKey = ['auth', 'totp', 'confirm'] as const;

/** `POST /api/auth/mfa/totp/setup`: a new secret and its QR code for the account behind the enrolment token. */
export function setupTotp({ enrolmentToken }: { enrolmentToken: string }): Promise<TotpEnrolment> {
  return api.post<TotpEnrolment>('/api/auth/mfa/totp/setup', { enrolmentToken });
}

/** `POST /api/auth/mfa/totp/confirm`: the first code proves the app holds the secret; signs in. */
export async function confirmTotp(input: { enrolmentToken: string; totp: string }): Promise<PublicUser> {
  const { user } = await api.post<SignedInResponse>('/api/auth/mfa/totp/confirm', input);
  return user;
}

export function useSetupTotp() {
  return useMutation({ mutationKey: totpSetupMutationKey, mutationFn: setupTotp, gcTime: 0 });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: totpConfirmMutationKey,
    mutationFn: confirmTotp,
    onSuccess: (user) => startSessionCache(queryClient, user),
  });
}
