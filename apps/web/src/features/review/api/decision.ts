/** A decision on a held case (`POST /api/review/applications/:id/decision`, with an Idempotency-Key). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewDecisionRequest, ReviewDecisionResult } from '@huanxin/shared';
import { api } from '@/lib/api-client';
import { reviewCaseKey } from './case';
import { reviewQueueRootKey } from './queue';

export interface DecisionInput {
  id: string;
  /** One key per decision attempt: a resend of the same attempt carries the same key. */
  key: string;
  body: ReviewDecisionRequest;
}

export function postDecision({ id, key, body }: DecisionInput): Promise<ReviewDecisionResult> {
  return api.post<ReviewDecisionResult>(`/api/review/applications/${encodeURIComponent(id)}/decision`, body, {
    headers: { 'Idempotency-Key': key },
  });
}

export function useDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postDecision,
    onSuccess: (_result, { id }) => {
      void queryClient.invalidateQueries({ queryKey: reviewQueueRootKey });
      void queryClient.invalidateQueries({ queryKey: reviewCaseKey(id) });
    },
  });
}
