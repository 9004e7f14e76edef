import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `POST /api/dealer/recycling-receipts` body (recyclers). */
export interface ReceiptRequest {
  receiptNo: string;
  category: string;
  sellerIdNumber: string;
  recycledOn: string;
}

export interface ReceiptView {
  id: string;
  receiptNo: string;
  category: string;
  recycledOn: string;
  applicationCode?: string | null;
  createdAt: string;
}

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
