import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicUser, SignedInResponse } from '@huanxin/shared';
import { api, isApiError } from '@/lib/api-client';
import { startSessionCache } from './get-me';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

export const loginMutationKey = ['auth', 'login'] as const;

/**
 * `POST /api/auth/login` (staff and dealers). 401 INVALID_CREDENTIALS / ACCOUNT_LOCKED / MFA_REQUIRED /
 * MFA_INVALID; 403 MFA_ENROLMENT_REQUIRED carrying `error.enrolmentToken`.
 */
export async function login(input: LoginInput): Promise<PublicUser> {
  const { user } = await api.post<SignedInResponse>('/api/auth/login', input);
  return user;
}

/** The enrolment token of a 403 MFA_ENROLMENT_REQUIRED answer, if the error is one. */
export function enrolmentTokenOf(error: unknown): string | undefined {
  if (!isApiError(error) || error.code !== 'MFA_ENROLMENT_REQUIRED') return undefined;
  const body = error.body as { error?: { enrolmentToken?: unknown } } | undefined;
  const token = body?.error?.enrolmentToken;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: loginMutationKey,
    mutationFn: login,
    onSuccess: (user) => startSessionCache(queryClient, user),
  });
}
