import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { env } from '@/config/env';
import { ApiError, apiErrorFrom, CLIENT_ERROR_CODES } from '@/lib/api-client';
import type { ApplicationDocument } from '@huanxin/shared';
import { documentsQueryKey } from './applications';

export interface UploadInput {
  applicationId: string;
  kind: string;
  file: Blob;
  fileName?: string;
  /** 0..100 while the bytes go up. */
  onProgress?: (percent: number) => void;
}

/** The XHR's answer as an ApiError (same shape as the fetch client's). */
function xhrError(xhr: XMLHttpRequest): ApiError {
  return apiErrorFrom(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After'));
}

/**
 * `POST /api/applications/:id/documents` through XMLHttpRequest (fetch cannot report upload progress).
 * The `kind` part goes before the file: the server reads it before streaming the file.
 */
export function uploadDocument({
  applicationId,
  kind,
  file,
  fileName,
  onProgress,
}: UploadInput): Promise<ApplicationDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${env.apiBaseUrl}/api/applications/${encodeURIComponent(applicationId)}/documents`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ApplicationDocument);
        } catch {
          reject(new ApiError(xhr.status, CLIENT_ERROR_CODES.badResponse, 'Response was not JSON'));
        }
      } else reject(xhrError(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'Network request failed'));
    xhr.onabort = () => reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'Upload aborted'));
    const data = new FormData();
    data.append('kind', kind);
    data.append('file', file, fileName ?? (file instanceof File ? file.name : 'document'));
    xhr.send(data);
  });
}

/** Upload, then refresh the application's document list. */
export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useCallback(
    async (input: UploadInput) => {
      const doc = await uploadDocument(input);
      queryClient.setQueryData(
        documentsQueryKey(input.applicationId),
        (old: ApplicationDocument[] | undefined) => [...(old ?? []), doc],
      );
      void queryClient.invalidateQueries({ queryKey: documentsQueryKey(input.applicationId) });
      return doc;
    },
    [queryClient],
  );
}
