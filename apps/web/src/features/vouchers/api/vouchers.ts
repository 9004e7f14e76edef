/**
 * The resident's point-of-sale vouchers (`/api/vouchers`, api-contract.md "Vouchers"). Under the
 * `me` query key, so they are dropped at sign-out and when the session ends.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateVoucherRequest, VoucherOffer, VoucherView } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const vouchersQueryKey = ['me', 'vouchers'] as const;
export const voucherOffersQueryKey = ['me', 'vouchers', 'offers'] as const;

export function useVouchers() {
  return useQuery({
    queryKey: vouchersQueryKey,
    queryFn: ({ signal }) => api.get<VoucherView[]>('/api/vouchers', { signal }),
  });
}

export function useVoucherOffers() {
  return useQuery({
    queryKey: voucherOffersQueryKey,
    queryFn: ({ signal }) => api.get<VoucherOffer[]>('/api/vouchers/offers', { signal }),
  });
}

/**
 * Takes a voucher. `key` is the attempt's Idempotency-Key: the form keeps one per attempt, so a
 * double tap or a retry after a lost answer takes one voucher, not two.
 */
export function useTakeVoucher() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateVoucherRequest; key: string }) =>
      api.post<VoucherView>('/api/vouchers', input, { headers: { 'Idempotency-Key': key } }),
    onSuccess: (voucher) => {
      queryClient.setQueryData(vouchersQueryKey, (old: VoucherView[] | undefined) => [
        voucher,
        ...(old ?? []).filter((v) => v.id !== voucher.id),
      ]);
      void queryClient.invalidateQueries({ queryKey: vouchersQueryKey, exact: true });
    },
  });
}

export function useCancelVoucher() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<VoucherView>(`/api/vouchers/${encodeURIComponent(id)}/cancel`),
    onSuccess: (voucher) => {
      queryClient.setQueryData(vouchersQueryKey, (old: VoucherView[] | undefined) =>
        (old ?? []).map((v) => (v.id === voucher.id ? voucher : v)),
      );
      void queryClient.invalidateQueries({ queryKey: vouchersQueryKey, exact: true });
    },
  });
}
