import { env } from '@/config/env';
import { ApiError, apiErrorFrom, CLIENT_ERROR_CODES } from './api-client';

export interface MultipartOptions {
  /** 0..100 while the bytes go up. */
  onProgress?: (percent: number) => void;
  /** Every byte sent: the server is now reading and checking the file. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/**
 * `POST` a multipart form through XMLHttpRequest (fetch cannot report upload progress), with the
 * contract's errors as ApiError like the fetch client. Text parts are appended before files, in the
 * given order: the server reads the fields before it streams the file.
 */
export function postMultipart<T>(
  path: string,
  parts: ReadonlyArray<readonly [string, string | File | Blob]>,
  { onProgress, onUploaded, signal }: MultipartOptions = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${env.apiBaseUrl}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.upload.onload = () => {
      onProgress?.(100);
      onUploaded?.();
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, CLIENT_ERROR_CODES.badResponse, 'Response was not JSON'));
        }
      } else reject(apiErrorFrom(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
    };
    xhr.onerror = () => reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'Network request failed'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const data = new FormData();
    const ordered = [...parts].sort(
      ([, a], [, b]) => Number(typeof a !== 'string') - Number(typeof b !== 'string'),
    );
    for (const [name, value] of ordered) {
      if (typeof value === 'string') data.append(name, value);
      else data.append(name, value, value instanceof File ? value.name : name);
    }
    xhr.send(data);
  });
}
