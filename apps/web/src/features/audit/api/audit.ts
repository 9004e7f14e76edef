/**
 * The auditor's reads of the log (`/api/audit…`, permission `audit.read`): the rows newest first,
 * paged backwards by `beforeSeq`; the chain check; the anchors check; the export. Every one of them
 * is itself audited by the server.
 */
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type {
  AuditAnchorsResponse,
  AuditExportFormat,
  AuditFilter,
  AuditLogEntry,
  AuditVerifyReport,
} from '@huanxin/shared';
import { api, parseErrorResponse, ApiError, CLIENT_ERROR_CODES } from '@/lib/api-client';
import { env } from '@/config/env';

/** Rows per page of the table ("load older" asks for the next ones). */
export const AUDIT_PAGE_SIZE = 50;

/** `?from=…&objectType=…` for the filters that are set, plus extra parameters, in a fixed order. */
export function auditQuery(filter: AuditFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'actor', 'action', 'objectType', 'objectId'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The log under `filter`: first page, then each older page before the last row seen. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', 'log', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditLogEntry[]>(
        `/api/audit${auditQuery(filter, { limit: AUDIT_PAGE_SIZE, ...(pageParam ? { beforeSeq: pageParam } : {}) })}`,
        { signal },
      ),
    getNextPageParam: (last) => (last.length < AUDIT_PAGE_SIZE ? undefined : last[last.length - 1]!.seq),
    // A log being read for evidence should not change under the reader's eyes.
    refetchOnWindowFocus: false,
  });
}

/** Recomputes the hash chain on demand (it walks the whole log: never on page load). */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyReport>('/api/audit/verify') });
}

/** Checks the database against the anchors outside it, on demand. */
export function useCheckAnchors() {
  return useMutation({
    mutationFn: () => api.get<AuditAnchorsResponse>('/api/audit/anchors?last=10'),
  });
}

export function auditExportUrl(filter: AuditFilter, format: AuditExportFormat): string {
  return `/api/audit/export${auditQuery(filter, { format })}`;
}

/**
 * Downloads the export of `filter`. Fetched rather than linked so a refusal (422
 * AUDIT_EXPORT_TOO_LARGE, a lost session) is shown on the page instead of saved as a file.
 */
export function useDownloadExport() {
  return useMutation({
    mutationFn: async ({ filter, format }: { filter: AuditFilter; format: AuditExportFormat }) => {
      let response: Response;
      try {
        response = await fetch(`${env.apiBaseUrl}${auditExportUrl(filter, format)}`, {
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError(0, CLIENT_ERROR_CODES.network, 'Network request failed');
      }
      if (!response.ok) throw await parseErrorResponse(response);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await response.blob());
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = name ?? `audit-log.${format}`;
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // After the click has handed the blob to the download.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return name ?? `audit-log.${format}`;
    },
  });
}
