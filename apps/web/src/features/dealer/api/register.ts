import { useMutation } from '@tanstack/react-query';
import type { DealerRegistrationRequest, DealerRegistrationResult } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export function registerDealer(input: DealerRegistrationRequest): Promise<DealerRegistrationResult> {
  return api.post<DealerRegistrationResult>('/api/dealer/registrations', input);
}

/** `gcTime: 0`: the variables hold the password and the payout account; they leave the cache at once. */
export function useRegisterDealer() {
  return useMutation({ mutationKey: ['dealer', 'register'], mutationFn: registerDealer, gcTime: 0 });
}
