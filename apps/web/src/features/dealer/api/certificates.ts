import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postMultipart, type MultipartOptions } from '@/lib/multipart-upload';

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

export interface CertificateView {
  id: string;
  certificateNo: string;
  vin: string;
  plate: string;
  ownerNameMasked?: string | null;
  handedOverOn: string;
  deregisteredOn?: string | null;
  /** The claim this certificate backs, once one names it (one certificate backs one claim). */
  applicationCode?: string | null;
  createdAt: string;
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
