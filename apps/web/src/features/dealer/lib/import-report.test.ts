import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { csvCell, importErrorRows, importReportCsv } from './import-report';

const importFailed = (rows: unknown) =>
  new ApiError(422, 'VALIDATION_FAILED', 'x', {}, { error: { code: 'IMPORT_FAILED', message: 'x', rows } });

describe('importErrorRows', () => {
  it('reads the rows of a 422 IMPORT_FAILED, by line then column', () => {
    const rows = importErrorRows(
      importFailed([
        { line: 7, field: 'serialNo', code: 'DUPLICATE_SERIAL' },
        { line: 3, field: 'priceFen', code: 'ABOVE_FILED_PRICE' },
        { line: 3, field: 'buyer.idNumber', code: 'INVALID_CHECKSUM' },
        { line: 2, code: 'WRONG_COLUMNS' },
      ]),
    );
    expect(rows).toEqual([
      { line: 2, field: '', code: 'WRONG_COLUMNS' },
      { line: 3, field: 'buyer.idNumber', code: 'INVALID_CHECKSUM' },
      { line: 3, field: 'priceFen', code: 'ABOVE_FILED_PRICE' },
      { line: 7, field: 'serialNo', code: 'DUPLICATE_SERIAL' },
    ]);
  });

  it('drops malformed entries and is null for any other error', () => {
    expect(importErrorRows(importFailed([{ line: '2', code: 'X' }, { line: 2.5, code: 'X' }, null]))).toEqual(
      [],
    );
    expect(importErrorRows(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'x'))).toBeNull();
    expect(importErrorRows(new Error('boom'))).toBeNull();
  });
});

describe('the CSV report never hands a spreadsheet a formula', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['身份证号校验位不正确', '身份证号校验位不正确'],
    [12, '12'],
  ] as const)('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a BOM, the headers and one CRLF line per row', () => {
    const csv = importReportCsv(
      [
        { line: 3, field: 'serialNo', code: 'DUPLICATE_SERIAL' },
        { line: 4, field: '', code: '=HYPERLINK("x")' },
      ],
      [
        { title: '行号', value: (r) => r.line },
        { title: '列', value: (r) => r.field },
        { title: '代码', value: (r) => r.code },
      ],
    );
    expect(csv).toBe('\uFEFF行号,列,代码\r\n3,serialNo,DUPLICATE_SERIAL\r\n4,,"\'=HYPERLINK(""x"")"\r\n');
  });
});
