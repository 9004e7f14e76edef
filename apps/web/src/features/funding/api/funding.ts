/**
 * A program's money and pauses (`/api/admin/programs/:code/…`): a tranche raises the budget from
 * its effective date (finance or admin); a pause stops new claims from an instant, with a notice
 * the public pages show at once (admin).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrancheSource } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export interface TrancheInput {
  amountFen: number;
  source: TrancheSource;
  effectiveOn: string;
  documentNo: string;
}

export interface PauseInput {
  pausesAt: string;
  notice: { zh: string; en: string };
  graceDays: number;
}

const programPath = (code: string) => `/api/admin/programs/${encodeURIComponent(code)}`;

/** The programs list and the public figures show the new money or the notice. */
function useRefreshPrograms() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['programs'] });
    void queryClient.invalidateQueries({ queryKey: ['stats'] });
  };
}

export function useAddTranche() {
  const refresh = useRefreshPrograms();
  return useMutation({
    mutationFn: ({ programCode, ...body }: TrancheInput & { programCode: string }) =>
      api.post<unknown>(`${programPath(programCode)}/tranches`, body),
    onSuccess: refresh,
  });
}

export function usePauseProgram() {
  const refresh = useRefreshPrograms();
  return useMutation({
    mutationFn: ({ programCode, ...body }: PauseInput & { programCode: string }) =>
      api.post<unknown>(`${programPath(programCode)}/pause`, body),
    onSuccess: refresh,
  });
}
