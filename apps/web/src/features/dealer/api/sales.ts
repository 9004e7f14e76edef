import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealerSaleList, DealerSaleRequest, DealerSaleResult } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export type { CarSaleRequest, DealerSaleResult, DealerSaleView, GoodsSaleRequest } from '@huanxin/shared';

export const SALES_PAGE_SIZE = 20;

export const salesQueryKey = ['me', 'dealer', 'sales'] as const;

export const getSales = (page: number, { signal }: { signal?: AbortSignal } = {}) =>
  api.get<DealerSaleList>(
    `/api/dealer/sales?page=${page}&pageSize=${SALES_PAGE_SIZE}`,
    signal ? { signal } : {},
  );

export const salesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...salesQueryKey, page] as const,
    queryFn: ({ signal }) => getSales(page, { signal }),
    placeholderData: keepPreviousData,
  });

/** The organisation's sales, newest first, a page at a time. */
export function useSales(page: number) {
  return useQuery(salesQueryOptions(page));
}

export const createSale = (input: DealerSaleRequest) =>
  api.post<DealerSaleResult>('/api/dealer/sales', input);

/** `gcTime: 0`: the variables hold the buyer's ID number; they leave the cache at once. */
export function useCreateSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSale,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesQueryKey }),
  });
}
