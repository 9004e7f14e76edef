/**
 * Voucher lotteries (api-contract.md "Vouchers"): the public round, the resident's own entries
 * (`GET /api/me/lottery-entries`, under the `me` key so sign-out drops them) and registering.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LotteryEntryView, MyLotteryEntry, PublicLotteryRound } from '@huanxin/shared';
import { api, isApiError } from '@/lib/api-client';

export const lotteryRoundQueryKey = (code: string, round?: number) =>
  ['lottery', code, round ?? 'latest'] as const;
export const myLotteryEntriesQueryKey = ['me', 'lottery-entries'] as const;
/** The vouchers list's key (features/vouchers): a draw's win shows up there. */
const VOUCHERS_QUERY_KEY = ['me', 'vouchers'] as const;

/** Until the draw the round changes (entries come in); a minute's refresh shows the result soon after it. */
const REFRESH_MS = 60_000;

export function usePublicLottery(code: string, round?: number) {
  return useQuery({
    queryKey: lotteryRoundQueryKey(code, round),
    queryFn: ({ signal }) =>
      api.get<PublicLotteryRound>(
        `/api/programs/${encodeURIComponent(code)}/lottery${round === undefined ? '' : `?round=${round}`}`,
        { signal },
      ),
    enabled: code !== '',
    // 404: no round has opened (or no such lottery) — an answer, not a failure to retry.
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
    refetchInterval: (query) => (query.state.data?.winners ? false : REFRESH_MS),
  });
}

export function useMyLotteryEntries({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: myLotteryEntriesQueryKey,
    queryFn: ({ signal }) => api.get<MyLotteryEntry[]>('/api/me/lottery-entries', { signal }),
    enabled,
    refetchInterval: (query) =>
      query.state.data?.some((entry) => entry.status === 'entered') ? REFRESH_MS : false,
  });
}

export function useEnterLottery(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (category: string) =>
      api.post<LotteryEntryView>(`/api/programs/${encodeURIComponent(code)}/lottery/entries`, { category }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: myLotteryEntriesQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['lottery', code] });
      void queryClient.invalidateQueries({ queryKey: VOUCHERS_QUERY_KEY, exact: true });
    },
  });
}
