import { ErrorCode, SALES_IMPORT_MAX_ROWS } from '@huanxin/shared';
import ExcelJS from 'exceljs';
import { DomainError } from '../../common/errors/domain-error';
import { tooManyRows } from './csv-reader';
import { EMPTY, isBlankRow, type Sheet, type SheetCell } from './sheet';
import { archiveRejected, inflateArchive, repackStored, XLSX_LIMITS, type ZipEntry } from './zip-guard';

const notAWorkbook = () =>
  new DomainError(
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    'The file is a ZIP archive but not an Excel workbook: upload a CSV or an .xlsx workbook',
  );

/**
 * Reads the first worksheet of an XLSX upload. In order, each step before anything costly:
 * 1. the archive guard (zip-guard.ts) refuses bombs from the central directory and while
 *    inflating, so nothing past the caps is ever inflated;
 * 2. a ZIP without a workbook part is 415;
 * 3. the first sheet's XML is scanned for rows holding a value: past the limit it is 422
 *    TOO_MANY_ROWS before exceljs builds a single row object;
 * 4. exceljs reads the stored (already inflated) copy.
 */
export async function readXlsx(
  content: Buffer,
  maxRows = SALES_IMPORT_MAX_ROWS,
  limits = XLSX_LIMITS,
): Promise<Sheet> {
  const entries = inflateArchive(content, limits);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if (!byName.has('[Content_Types].xml') || !byName.has('xl/workbook.xml')) throw notAWorkbook();
  const sheetXml = firstSheet(byName);
  if (sheetXml && valueRows(sheetXml.data.toString('utf8'), maxRows + 1) > maxRows + 1)
    throw tooManyRows(maxRows);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(repackStored(entries) as unknown as ArrayBuffer);
  } catch {
    throw archiveRejected('corrupt', 'The workbook cannot be read: save it again as .xlsx');
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return { header: [], rows: [] };

  let header: string[] | null = null;
  const rows: Sheet['rows'] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: SheetCell[] = [];
    const width = header ? header.length : row.cellCount;
    for (let column = 1; column <= Math.max(width, row.cellCount); column += 1)
      cells.push(cellOf(row.getCell(column)));
    if (isBlankRow(cells)) return;
    if (!header) header = cells.map(headerText);
    else rows.push({ line, cells });
  });
  if (rows.length > maxRows) throw tooManyRows(maxRows);
  return { header: header ?? [], rows };
}

/** The first worksheet's part, by the workbook's sheet order and its relationships. */
function firstSheet(byName: ReadonlyMap<string, ZipEntry>): ZipEntry | undefined {
  const workbook = byName.get('xl/workbook.xml')!.data.toString('utf8');
  const rels = byName.get('xl/_rels/workbook.xml.rels')?.data.toString('utf8') ?? '';
  const sheet = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook);
  if (!sheet) return undefined;
  const relation = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1]!.replace(/[^\w-]/g, '')}"[^>]*>`).exec(
    rels,
  );
  const target = relation && /\bTarget="([^"]+)"/.exec(relation[0])?.[1];
  if (!target) return undefined;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  return byName.get(path);
}

/**
 * How many `<row>` elements of the sheet XML hold a value (`<v>`, an inline string or a formula),
 * counted with string searches and no parsing, stopping once past `stopAfter`. Rows that are only
 * formatted (Excel writes those for styled empty ranges) do not count.
 */
export function valueRows(xml: string, stopAfter: number): number {
  let count = 0;
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<row', at);
    if (start === -1) return count;
    const next = xml[start + 4];
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd === -1) return count;
    if (next !== ' ' && next !== '>' && next !== '/') {
      at = start + 4; // <rowBreaks> and the like
      continue;
    }
    if (xml[tagEnd - 1] === '/') {
      at = tagEnd + 1; // <row r="7"/>: empty
      continue;
    }
    const close = xml.indexOf('</row>', tagEnd);
    const body = xml.slice(tagEnd + 1, close === -1 ? xml.length : close);
    if (/<(?:\w+:)?(?:v|is|f)[\s>]/.test(body)) {
      count += 1;
      if (count > stopAfter) return count;
    }
    if (close === -1) return count;
    at = close + 6;
  }
}

function headerText(cell: SheetCell): string {
  if (cell.kind === 'text') return cell.text;
  if (cell.kind === 'number') return String(cell.value);
  return '';
}

/** One exceljs cell as the importer's cell: formulas and errors kept as such, rich text joined. */
export function cellOf(cell: ExcelJS.Cell): SheetCell {
  const value = cell.value;
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return text(value);
  if (value instanceof Date) return { kind: 'date', value };
  if (typeof value === 'boolean') return { kind: 'other' };
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula' };
  if ('richText' in value) return text(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) {
    const shown = value.text as unknown;
    if (typeof shown === 'string') return text(shown);
    if (shown && typeof shown === 'object' && 'richText' in shown)
      return text((shown as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join(''));
    return EMPTY;
  }
  return { kind: 'other' };
}

function text(value: string): SheetCell {
  const trimmed = value.trim();
  return trimmed === '' ? EMPTY : { kind: 'text', text: trimmed };
}
