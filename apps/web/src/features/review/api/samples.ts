/** Post-approval sampling (`POST /api/review/samples`, outcomes per sampled claim). */
import { useMutation } from '@tanstack/react-query';
import type { ReviewSample, ReviewSampleRequest, SampleOutcome } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export function createSample(request: ReviewSampleRequest): Promise<ReviewSample> {
  return api.post<ReviewSample>('/api/review/samples', request);
}

export function useCreateSample() {
  return useMutation({ mutationFn: createSample });
}

export interface OutcomeInput {
  sampleId: string;
  applicationId: string;
  outcome: SampleOutcome;
  note: string;
}

export function recordOutcome({ sampleId, applicationId, outcome, note }: OutcomeInput): Promise<unknown> {
  return api.post<unknown>(
    `/api/review/samples/${encodeURIComponent(sampleId)}/items/${encodeURIComponent(applicationId)}`,
    { outcome, note },
  );
}

export function useRecordOutcome() {
  return useMutation({ mutationFn: recordOutcome });
}
