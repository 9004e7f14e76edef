import { useMutation } from '@tanstack/react-query';
import type { OtpChallenge } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const sendOtpMutationKey = ['auth', 'otp', 'send'] as const;

/** `POST /api/auth/otp`: send a 6-digit sign-in code by SMS (202; 422 fields.phone; 429 with Retry-After). */
export function sendOtp({ phone }: { phone: string }): Promise<OtpChallenge> {
  return api.post<OtpChallenge>('/api/auth/otp', { phone });
}

export function useSendOtp() {
  return useMutation({ mutationKey: sendOtpMutationKey, mutationFn: sendOtp });
}
