import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateProductRequest, ProductView } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const productsQueryKey = ['me', 'dealer', 'products'] as const;

export const getProducts = ({ signal }: { signal?: AbortSignal } = {}) =>
  api.get<ProductView[]>('/api/dealer/products', signal ? { signal } : {});

export const productsQueryOptions = () =>
  queryOptions({ queryKey: productsQueryKey, queryFn: ({ signal }) => getProducts({ signal }) });

export function useProducts() {
  return useQuery(productsQueryOptions());
}

export const createProduct = (input: CreateProductRequest) =>
  api.post<ProductView>('/api/dealer/products', input);

export const changeProductPrice = ({ id, filedPriceFen }: { id: string; filedPriceFen: number }) =>
  api.patch<ProductView>(`/api/dealer/products/${encodeURIComponent(id)}`, { filedPriceFen });

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProduct,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey }),
  });
}

export function useChangeProductPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeProductPrice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey }),
  });
}
