import { useMutation } from '@tanstack/react-query';
import type { EligibilityResult } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export interface CheckEligibilityInput {
  code: string;
  facts: Record<string, unknown>;
  /** The date the browser evaluated at, so both answers use the same day. */
  asOf: string;
}

/** `POST /api/programs/:code/eligibility`: the server's answer for the same facts and date. */
export type ServerEligibility = Pick<EligibilityResult, 'eligible' | 'amountFen' | 'clauses'> &
  Partial<EligibilityResult>;

export const checkEligibilityMutationKey = ['programs', 'eligibility'] as const;

export function checkEligibility({ code, facts, asOf }: CheckEligibilityInput): Promise<ServerEligibility> {
  return api.post<ServerEligibility>(`/api/programs/${encodeURIComponent(code)}/eligibility`, {
    facts,
    asOf,
  });
}

export function useCheckEligibility() {
  return useMutation({ mutationKey: checkEligibilityMutationKey, mutationFn: checkEligibility });
}
