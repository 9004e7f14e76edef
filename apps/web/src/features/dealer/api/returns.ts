import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ledgerQueryKey } from '../ledger/api/get-ledger';
import { salesQueryKey } from './sales';

/** `POST /api/dealer/sales/:id/return` (api-contract.md "Dealer records"; operations.md §6). */
export interface ReturnSaleRequest {
  returnedOn: string;
  reason: string;
}

export type ReturnOutcome = 'cancelled' | 'removed_from_batch' | 'receivable';

export interface ReturnSaleResult {
  outcome: ReturnOutcome;
  /** After payment: what the organisation owes back. */
  receivableFen?: number;
  /** After payment: when it is due (`YYYY-MM-DD`). */
  dueOn?: string;
}

export const returnSale = ({ id, ...body }: ReturnSaleRequest & { id: string }) =>
  api.post<ReturnSaleResult>(`/api/dealer/sales/${encodeURIComponent(id)}/return`, body);

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
