import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SalesImportResult } from '@huanxin/shared';
import { env } from '@/config/env';
import { postMultipart, type MultipartOptions } from '@/lib/multipart-upload';
import { salesQueryKey } from './sales';

export type TemplateFormat = 'csv' | 'xlsx';

/** The template's address (headers in Chinese and English); a plain link downloads it with the session cookie. */
export const importTemplateUrl = (format: TemplateFormat) =>
  `${env.apiBaseUrl}/api/dealer/sales/import/template?format=${format}`;

/** `POST /api/dealer/sales/import`: all rows or none; a bad file is 422 `IMPORT_FAILED` with `rows`. */
export const importSales = (file: File, options: MultipartOptions = {}) =>
  postMultipart<SalesImportResult>('/api/dealer/sales/import', [['file', file]], options);

export function useImportSales() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...options }: { file: File } & MultipartOptions) => importSales(file, options),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesQueryKey }),
  });
}
