import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CertificateView } from '@huanxin/shared';
import { api } from '@/lib/api-client';
import { postMultipart, type MultipartOptions } from '@/lib/multipart-upload';

export type { CertificateView } from '@huanxin/shared';

/** The fields of a 《报废机动车回收证明》 (dismantlers). */
export interface CertificateFields {
  certificateNo: string;
  vin: string;
  plate: string;
  ownerName: string;
  ownerIdNumber: string;
  handedOverOn: string;
  deregisteredOn?: string;
}

export const certificatesQueryKey = ['me', 'dealer', 'certificates'] as const;

export const certificatesQueryOptions = () =>
  queryOptions({
    queryKey: certificatesQueryKey,
    queryFn: ({ signal }) => api.get<CertificateView[]>('/api/dealer/certificates', { signal }),
  });

export function useCertificates() {
  return useQuery(certificatesQueryOptions());
}

/** `POST /api/dealer/certificates`: the fields, then the scan (multipart). */
export const createCertificate = (fields: CertificateFields, scan: File, options: MultipartOptions = {}) =>
  postMultipart<CertificateView>(
    '/api/dealer/certificates',
    [...Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''), ['file', scan]] as Array<
      [string, string | File]
    >,
    options,
  );

export function useCreateCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      fields,
      scan,
      ...options
    }: { fields: CertificateFields; scan: File } & MultipartOptions) =>
      createCertificate(fields, scan, options),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificatesQueryKey }),
  });
}
