import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateRecyclingReceiptRequest as ReceiptRequest,
  RecyclingReceiptView as ReceiptView,
} from '@huanxin/shared';
import { api } from '@/lib/api-client';

export type { RecyclingReceiptView as ReceiptView } from '@huanxin/shared';

export const receiptsQueryKey = ['me', 'dealer', 'recycling-receipts'] as const;

export const receiptsQueryOptions = () =>
  queryOptions({
    queryKey: receiptsQueryKey,
    queryFn: ({ signal }) => api.get<ReceiptView[]>('/api/dealer/recycling-receipts', { signal }),
  });

export function useReceipts() {
  return useQuery(receiptsQueryOptions());
}

export const createReceipt = (input: ReceiptRequest) =>
  api.post<ReceiptView>('/api/dealer/recycling-receipts', input);

export function useCreateReceipt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReceipt,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: receiptsQueryKey }),
  });
}
