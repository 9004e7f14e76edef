import { MAX_DOCUMENT_BYTES } from '@huanxin/shared';
import { isApiError } from '@/lib/api-client';

/** The translation key (under `applications:upload.error`) for a failed upload. */
export function uploadErrorKey(error: unknown): string {
  if (!isApiError(error)) return 'GENERIC';
  if (error.status === 413 || error.code === 'PAYLOAD_TOO_LARGE') return 'TOO_LARGE';
  if (error.status === 415 || error.code === 'UNSUPPORTED_MEDIA_TYPE') return 'UNSUPPORTED_TYPE';
  if (error.status === 0) return 'NETWORK';
  if (error.fields.kind) return 'KIND';
  if (error.code === 'WRONG_STATE') return 'WRONG_STATE';
  return 'GENERIC';
}

/** Checked before uploading: the server would answer 413 anyway. */
export function tooLarge(file: Blob): boolean {
  return file.size > MAX_DOCUMENT_BYTES;
}
