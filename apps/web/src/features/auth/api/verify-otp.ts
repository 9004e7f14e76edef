import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicUser, SignedInResponse } from '@huanxin/shared';
import { api } from '@/lib/api-client';
import { startSessionCache } from './get-me';

export const verifyOtpMutationKey = ['auth', 'otp', 'verify'] as const;

/** `POST /api/auth/otp/verify`: sign a resident in (sets the session cookie). 401 OTP_INVALID / OTP_EXPIRED. */
export async function verifyOtp(input: { challengeId: string; code: string }): Promise<PublicUser> {
  const { user } = await api.post<SignedInResponse>('/api/auth/otp/verify', input);
  return user;
}

export function useVerifyOtp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: verifyOtpMutationKey,
    mutationFn: verifyOtp,
    onSuccess: (user) => startSessionCache(queryClient, user),
  });
}
