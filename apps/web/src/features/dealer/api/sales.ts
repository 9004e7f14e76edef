import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationStatus } from '@huanxin/shared';
import { api } from '@/lib/api-client';

/** `POST /api/dealer/sales`, goods (api-contract.md "Dealer records"). */
export interface GoodsSaleRequest {
  programCode: string;
  voucherCode?: string;
  productId: string;
  serialNo: string;
  imei?: string;
  priceFen: number;
  paidFen: number;
  otherDiscountFen: number;
  invoiceNo: string;
  invoiceDate: string;
  buyer: { name: string; idNumber: string };
  delivery: { mode: 'pickup' | 'delivery'; address?: string; trackingNo?: string; deliveredOn?: string };
  oldItem?: { recyclerUscc: string; receiptNo: string; recycledOn: string };
}

/** `POST /api/dealer/sales`, car. */
export interface CarSaleRequest {
  programCode: string;
  vehicle: { vin: string; powertrain: 'nev' | 'fuel'; displacementL: number; inNevCatalogue: boolean };
  priceFen: number;
  invoiceNo: string;
  invoiceDate: string;
  buyer: { name: string; idNumber: string };
}

export interface SaleCreated {
  id: string;
  subsidyFen: number;
  applicationId?: string;
}

/** One of the organisation's sales as `GET /api/dealer/sales` lists it, with its claim's status. */
export interface SaleView {
  id: string;
  programCode: string;
  invoiceNo: string;
  invoiceDate: string;
  priceFen: number;
  subsidyFen: number | null;
  serialNo?: string | null;
  vin?: string | null;
  brand?: string | null;
  model?: string | null;
  buyerNameMasked?: string | null;
  applicationId?: string | null;
  applicationCode?: string | null;
  /** The matched claim's status; null while no resident claim names this sale. */
  claimStatus?: ApplicationStatus | null;
  createdAt: string;
}

export const salesQueryKey = ['me', 'dealer', 'sales'] as const;

export const getSales = ({ signal }: { signal?: AbortSignal } = {}) =>
  api.get<SaleView[]>('/api/dealer/sales', signal ? { signal } : {});

export const salesQueryOptions = () =>
  queryOptions({ queryKey: salesQueryKey, queryFn: ({ signal }) => getSales({ signal }) });

export function useSales() {
  return useQuery(salesQueryOptions());
}

export const createSale = (input: GoodsSaleRequest | CarSaleRequest) =>
  api.post<SaleCreated>('/api/dealer/sales', input);

/** `gcTime: 0`: the variables hold the buyer's ID number; they leave the cache at once. */
export function useCreateSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSale,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesQueryKey }),
  });
}
