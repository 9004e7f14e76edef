import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaleReturnRequest, SaleReturnResult } from '@huanxin/shared';
import { api } from '@/lib/api-client';
import { ledgerQueryKey } from '../ledger/api/get-ledger';
import { salesQueryKey } from './sales';

/** `POST /api/dealer/sales/:id/return` (api-contract.md "Dealer records"; operations.md §6). */
export type {
  ReturnOutcome,
  SaleReturnRequest as ReturnSaleRequest,
  SaleReturnResult as ReturnSaleResult,
} from '@huanxin/shared';

export const returnSale = ({ id, ...body }: SaleReturnRequest & { id: string }) =>
  api.post<SaleReturnResult>(`/api/dealer/sales/${encodeURIComponent(id)}/return`, body);

/** A return moves the sale, its claim and the ledger: all three are read again. */
export function useReturnSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: returnSale,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: salesQueryKey }),
        queryClient.invalidateQueries({ queryKey: ledgerQueryKey }),
      ]),
  });
}
