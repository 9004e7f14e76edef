import { useCallback } from 'react';
import type { ReconcileLineError, ReconcileSummary } from '@huanxin/shared';
import { env } from '@/config/env';
import { ApiError, apiErrorFrom, CLIENT_ERROR_CODES } from '@/lib/api-client';
import { useRefreshBatch } from './batches';

export interface ReconcileInput {
  batchId: string;
  file: Blob;
  fileName: string;
  /** 0..100 while the file goes up. */
  onProgress?: (percent: number) => void;
}

/** The per-row problems of a refused result file (422 RECONCILE_FILE_INVALID), if that is what it was. */
export function rowErrors(error: unknown): ReconcileLineError[] {
  if (!(error instanceof ApiError)) return [];
  const rows = (error.body as { error?: { rows?: unknown } } | undefined)?.error?.rows;
  return Array.isArray(rows) ? (rows as ReconcileLineError[]) : [];
}

/**
 * `POST /api/payments/batches/:id/reconcile` (multipart `file`) through XMLHttpRequest, which reports
 * the upload's progress (fetch does not).
 */
export function reconcileBatch({
  batchId,
  file,
  fileName,
  onProgress,
}: ReconcileInput): Promise<ReconcileSummary> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${env.apiBaseUrl}/api/payments/batches/${encodeURIComponent(batchId)}/reconcile`);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress?.(Math.round((100 * event.loaded) / event.total));
    };
    request.onload = () => {
      if (request.status < 200 || request.status >= 300) {
        reject(apiErrorFrom(request.status, request.responseText, request.getResponseHeader('Retry-After')));
        return;
      }
      try {
        resolve(JSON.parse(request.responseText) as ReconcileSummary);
      } catch {
        reject(new ApiError(request.status, CLIENT_ERROR_CODES.badResponse, 'Response was not JSON'));
      }
    };
    request.onerror = () => reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'Network request failed'));
    const body = new FormData();
    body.append('file', file, fileName);
    request.send(body);
  });
}

/** Import, then refresh the batch (its lines' statuses changed). */
export function useReconcile() {
  const refresh = useRefreshBatch();
  return useCallback(
    async (input: ReconcileInput) => {
      const summary = await reconcileBatch(input);
      refresh(input.batchId);
      return summary;
    },
    [refresh],
  );
}
