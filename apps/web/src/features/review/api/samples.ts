/**
 * Post-approval sampling (`/api/review/samples`): draw a sample, list the samples drawn, one sample with
 * its claims and outcomes, and record an outcome per sampled claim.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReviewSample,
  ReviewSampleDetail,
  ReviewSampleRequest,
  ReviewSampleSummary,
  SampleOutcome,
  SampleOutcomeResult,
} from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const samplesKey = ['me', 'review', 'samples'] as const;
export const sampleKey = (id: string) => [...samplesKey, id] as const;

export function createSample(request: ReviewSampleRequest): Promise<ReviewSample> {
  return api.post<ReviewSample>('/api/review/samples', request);
}

export function useCreateSample() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSample,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: samplesKey, exact: true }),
  });
}

export function useSamples() {
  return useQuery({
    queryKey: samplesKey,
    queryFn: ({ signal }) => api.get<ReviewSampleSummary[]>('/api/review/samples', { signal }),
  });
}

export function useSample(id: string | null) {
  return useQuery({
    queryKey: sampleKey(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<ReviewSampleDetail>(`/api/review/samples/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export interface OutcomeInput {
  sampleId: string;
  applicationId: string;
  outcome: SampleOutcome;
  note: string;
}

export function recordOutcome({
  sampleId,
  applicationId,
  outcome,
  note,
}: OutcomeInput): Promise<SampleOutcomeResult> {
  return api.post<SampleOutcomeResult>(
    `/api/review/samples/${encodeURIComponent(sampleId)}/items/${encodeURIComponent(applicationId)}`,
    // The note is optional for a confirmation: an empty one is left out, not sent as "".
    note ? { outcome, note } : { outcome },
  );
}

export function useRecordOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordOutcome,
    onSuccess: (_result, { sampleId }) => {
      void queryClient.invalidateQueries({ queryKey: sampleKey(sampleId) });
      void queryClient.invalidateQueries({ queryKey: samplesKey, exact: true });
    },
  });
}
