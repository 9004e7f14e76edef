/**
 * The import's per-row error report: read from the 422 `IMPORT_FAILED` body, shown as a table and
 * downloadable as CSV. The file's own cell values never come back here (only line, column and code), but
 * the CSV is still written defensively: a cell starting with = + - @ (or a tab / CR) is prefixed with a
 * quote so a spreadsheet never evaluates it as a formula.
 */
import type { SalesImportRowError } from '@huanxin/shared';
import { isApiError } from '@/lib/api-client';

/** One problem of the file: its line (header = 1), column path (`buyer.idNumber`; '' = whole row), code. */
export type ImportRowError = SalesImportRowError;

const isRowError = (value: unknown): value is ImportRowError => {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.line === 'number' &&
    Number.isInteger(row.line) &&
    (typeof row.field === 'string' || row.field === undefined || row.field === null) &&
    typeof row.code === 'string'
  );
};

/** The rows of a 422 `IMPORT_FAILED` answer, by line then column; null when the error is something else. */
export function importErrorRows(error: unknown): ImportRowError[] | null {
  if (!isApiError(error)) return null;
  // Read from the body: the code is the contract's even before the client's code table knows it.
  const body = error.body as { error?: { code?: unknown; rows?: unknown } } | undefined;
  if (body?.error?.code !== 'IMPORT_FAILED') return null;
  const raw = Array.isArray(body?.error?.rows) ? (body.error.rows as unknown[]) : [];
  return raw
    .filter(isRowError)
    .map((row) => ({ line: row.line, field: row.field ?? '', code: row.code }))
    .sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}

/** A CSV cell: quoted when needed, and never read as a formula by Excel/WPS/LibreOffice. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ReportColumn {
  title: string;
  value: (row: ImportRowError) => string | number;
}

/** The report as CSV text with a UTF-8 BOM (so Excel opens the Chinese headers right) and CRLF lines. */
export function importReportCsv(rows: readonly ImportRowError[], columns: readonly ReportColumn[]): string {
  const lines = [
    columns.map((c) => csvCell(c.title)).join(','),
    ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offer text as a file download (the browser's save dialog). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
