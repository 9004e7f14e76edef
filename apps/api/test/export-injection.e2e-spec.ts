import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { createResident, type Resident } from './utils/residents';
import { claimInReview, reviewPhone } from './utils/review';
import { createTestApp, type TestApp } from './utils/test-app';

/**
 * Formula injection through a stored value (issue 13): a resident whose name begins with `=`
 * reaches the review export, streamed from the database, as text with a leading apostrophe. (The
 * bank file and the statistics are proved on their writers in common/export/spreadsheet-safe.spec,
 * the import's own template in dealer-sales-import.e2e-spec.) Resident index 699, of the import's
 * range 400–699; invoice numbers 2637 0069…
 */
const ATTACK = "=cmd|' /C calc'!A0";
const RUN = Date.now() % 1_000_000;

/** supertest: keep a binary body as a Buffer. */
const binary = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('exports never write a stored formula back unescaped', () => {
  let t: TestApp;
  let db: DataSource;
  let resident: Resident;
  let claimId: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = dataSourceOf(t);
    resident = await createResident(t, 699);
    await db.query(`UPDATE resident_profile SET name_enc = $2 WHERE user_id = $1`, [
      resident.id,
      t.app.get(PiiCipher).encrypt(ATTACK, 'profile.name'),
    ]);
    claimId = await claimInReview(
      t,
      resident,
      reviewPhone(300_000, {
        'item.invoiceNo': `26370069${String(RUN).padStart(6, '0')}000001`,
        'item.serialNo': `INJ-SN-${RUN}`,
      }),
    );
  });

  afterAll(async () => {
    // The claim's reservation goes back to the program's budget.
    await request(t.server)
      .post(`/api/applications/${claimId}/withdraw`)
      .set('cookie', resident.cookie)
      .expect(200);
    await t.close();
  });

  it('the review export: the masked name keeps its leading = as text, behind an apostrophe', async () => {
    const [claim] = (await db.query(`SELECT code FROM application WHERE id = $1`, [claimId])) as {
      code: string;
    }[];
    const code = claim!.code;
    const reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
    const res = await request(t.server)
      .get('/api/review/export')
      .query({ program: 'digital-2026', status: 'in_review' })
      .set('cookie', reviewer)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.getWorksheet('claims')!;
    let name: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === code) name = row.getCell(6);
    });
    expect(name?.type).toBe(ExcelJS.ValueType.String);
    expect(name?.value).toBe(`'=${'*'.repeat(Array.from(ATTACK).length - 1)}`);
  });
});
