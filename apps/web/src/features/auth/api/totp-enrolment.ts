import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { startSessionCache, type SessionUser } from './get-me';

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** A PNG data URL of the otpauth QR code. */
  qrDataUrl: string;
}

export const totpSetupMutationKey = ['auth', 'totp', 'setup'] as const;
export const totpConfirmMutationKey = ['auth', 'totp', 'confirm'] as const;

/** `POST /api/auth/mfa/totp/setup`: a new secret and its QR code for the account behind the enrolment token. */
export function setupTotp({ enrolmentToken }: { enrolmentToken: string }): Promise<TotpEnrolment> {
  return api.post<TotpEnrolment>('/api/auth/mfa/totp/setup', { enrolmentToken });
}

/** `POST /api/auth/mfa/totp/confirm`: the first code proves the app holds the secret; signs in. */
export async function confirmTotp(input: { enrolmentToken: string; totp: string }): Promise<SessionUser> {
  const { user } = await api.post<{ user: SessionUser }>('/api/auth/mfa/totp/confirm', input);
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
