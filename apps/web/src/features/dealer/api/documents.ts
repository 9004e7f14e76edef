import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationDocumentKind, OrganizationDocumentView } from '@huanxin/shared';
import { env } from '@/config/env';
import { api } from '@/lib/api-client';
import { postMultipart, type MultipartOptions } from '@/lib/multipart-upload';

export const ownDocumentsQueryKey = ['me', 'dealer', 'documents'] as const;

/** The registration documents the organisation filed (`GET /api/dealer/documents`). */
export function useOwnDocuments() {
  return useQuery(
    queryOptions({
      queryKey: ownDocumentsQueryKey,
      queryFn: ({ signal }) => api.get<OrganizationDocumentView[]>('/api/dealer/documents', { signal }),
    }),
  );
}

/** `POST /api/dealer/documents`: the kind, then the file. */
export function useUploadOwnDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      kind,
      file,
      ...options
    }: { kind: OrganizationDocumentKind; file: File } & MultipartOptions) =>
      postMultipart<OrganizationDocumentView>(
        '/api/dealer/documents',
        [
          ['kind', kind],
          ['file', file],
        ],
        options,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ownDocumentsQueryKey }),
  });
}

/** The commerce office's view of an organisation's documents. */
export function useOrganizationDocuments(organizationId: string) {
  return useQuery(
    queryOptions({
      queryKey: ['admin', 'organizations', 'documents', organizationId] as const,
      queryFn: ({ signal }) =>
        api.get<OrganizationDocumentView[]>(
          `/api/admin/organizations/${encodeURIComponent(organizationId)}/documents`,
          { signal },
        ),
    }),
  );
}

/** Opens inline (PDF, images) in a new tab with the session cookie; each opening is audited. */
export const organizationDocumentUrl = (organizationId: string, documentId: string) =>
  `${env.apiBaseUrl}/api/admin/organizations/${encodeURIComponent(organizationId)}/documents/${encodeURIComponent(documentId)}`;
