/**
 * A spreadsheet as the importer reads it, whatever the file was: the header's texts and the data
 * rows, each with its line as a person sees it (the header is line 1). CSV cells are all text; an
 * XLSX cell keeps what Excel stored (a number, a date, a formula), so the column decides how it
 * is read.
 */
export type SheetCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  /** A formula (refused by the importer: its cached value is whatever the writer put there). */
  | { kind: 'formula' }
  /** An Excel error value (`#N/A`), a boolean or anything else no sale field holds. */
  | { kind: 'other' };

export interface SheetRow {
  line: number;
  cells: SheetCell[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

export const EMPTY: SheetCell = { kind: 'empty' };

export const isBlankRow = (cells: readonly SheetCell[]): boolean =>
  cells.every((cell) => cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === ''));
