import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { eligibleClaim } from '@huanxin/shared/testing';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { ProgramsCache } from '../src/programs/programs.cache';
import { STATS_CACHE_MS } from '../src/stats/stats.service';
import { ALL_PII } from './fixtures/pii';
import { raiseBudget } from './utils/budget';
import { DAY, HOUR, SECOND, useFakeClock, type FakeClock } from './utils/fake-clock';
import { DEMO_USERS, signInStaff } from './utils/identity';
import { createResident, PDF_BYTES, residentIdentity, type Resident } from './utils/residents';
import { moveClaim, runChecks } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(180_000);

/** Nobody else's suite claims in this program, so its counts are this suite's. Residents 5200–5219. */
const PROGRAM = 'elderly-retrofit-2026';
const FIRST = 5200;
const CLAIMS = 9;

/** The PII suite's shapes (pii-leak.e2e-spec): an ID, a mobile or a bank-card number as a whole token. */
const ID_SHAPE = /(?<![\w.-])\d{17}[\dXx](?![\w-])/g;
const PHONE_SHAPE = /(?<![\w.-])(?:\+?86)?1[3-9]\d{9}(?![\w-])/g;
const CARD_SHAPE = /(?<![\w.-])62\d{14,17}(?![\w-])/g;

function binary(res: IncomingMessage, done: (e: Error | null, b: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}

interface StatsBody {
  asOf: string;
  programs: {
    code: string;
    budget: Record<string, number>;
    claims: Record<string, number | string>;
    paidFen: number;
    grossSalesFen: number;
    medianDays: { submitToDecision: number | null; approvalToPayment: number | null };
    slaHitRate: number | null;
    units: { byCategory: { category: string; units: number | string }[]; nevShare: number | null };
    tranches: unknown[];
    pause: unknown;
  }[];
  weekly: { week: string; submitted: number | string; approved: number | string; paidFen: number }[];
  topReturnReasons: { code: string; count: number | string }[];
}

/** Every count in the body: claims by status, weekly counts, units, reasons. */
function counts(body: StatsBody): (number | string)[] {
  return [
    ...body.programs.flatMap((p) => [...Object.values(p.claims), ...p.units.byCategory.map((u) => u.units)]),
    ...body.weekly.flatMap((w) => [w.submitted, w.approved]),
    ...body.topReturnReasons.map((r) => r.count),
  ];
}

/**
 * `GET /api/stats` and its export through HTTP against the real database: the figures of this
 * suite's own claims (a program nobody else uses), small counts as "<5", medians only from 5
 * claims up, a brief cache measured on the app's Clock, and no personal data anywhere in the
 * answer — scanned as the PII suite scans the dump and the logs.
 */
describe('public statistics', () => {
  let t: TestApp;
  let clock: FakeClock;
  const residents: Resident[] = [];
  const ids: string[] = [];
  const codes: string[] = [];
  const submittedAt = new Date('2026-07-01T02:00:00Z'); // Wednesday; the week of Monday 2026-06-29

  const stats = async () => {
    const res = await request(t.server).get('/api/stats').expect(200);
    return { body: res.body as StatsBody, headers: res.headers };
  };
  const mine = (body: StatsBody) => body.programs.find((p) => p.code === PROGRAM)!;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    clock = useFakeClock(t.app, submittedAt);
    await raiseBudget(t, PROGRAM, 10_000_000);
    for (let i = 0; i < CLAIMS; i += 1) {
      const resident = await createResident(t, FIRST + i);
      residents.push(resident);
      const { programCode, facts } = eligibleClaim('elderlyRetrofit', {
        'item.invoiceNo': `2657${String(300_000 + i).padStart(16, '0')}`,
        'item.invoiceDate': '2026-06-20',
      });
      const created = await request(t.server)
        .post('/api/applications')
        .set('cookie', resident.cookie)
        .send({ programCode, facts })
        .expect(201);
      for (const kind of ['id_card', 'invoice'])
        await request(t.server)
          .post(`/api/applications/${created.body.id}/documents`)
          .set('cookie', resident.cookie)
          .field('kind', kind)
          .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(randomUUID())]), 'f.pdf')
          .expect(201);
      await request(t.server)
        .post(`/api/applications/${created.body.id}/submit`)
        .set('cookie', resident.cookie)
        .set('User-Agent', `public-stats ${resident.id}`)
        .set('Idempotency-Key', randomUUID())
        .expect(200);
      await runChecks(t, created.body.id);
      ids.push(created.body.id);
      codes.push(created.body.code);
    }
    // Two days later: six approved (one of them paid a day after), one rejected, one returned for
    // correction through the review workbench, one still in review.
    clock.set(new Date(submittedAt.getTime() + 2 * DAY));
    for (const id of ids.slice(0, 6)) await moveClaim(t, id, 'approved');
    await moveClaim(t, ids[6]!, 'rejected');
    const reviewer = await signInStaff(t, DEMO_USERS.reviewer);
    await request(t.server)
      .post(`/api/review/applications/${ids[7]}/claim`)
      .set('cookie', reviewer.cookie)
      .expect(200);
    await request(t.server)
      .post(`/api/review/applications/${ids[7]}/decision`)
      .set('cookie', reviewer.cookie)
      .set('Idempotency-Key', randomUUID())
      .send({ decision: 'return', reasonCode: 'DOCUMENT_ILLEGIBLE', fields: ['document:invoice'] })
      .expect(200);
    clock.set(new Date(submittedAt.getTime() + 3 * DAY));
    await moveClaim(t, ids[5]!, 'paid');
    t.app.get(ProgramsCache).invalidate();
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  it('answers without sign-in, per the contract, with this suite’s figures', async () => {
    clock.set(new Date(submittedAt.getTime() + 3 * DAY + HOUR));
    const { body, headers } = await stats();
    expect(body.asOf).toBe(clock.now().toISOString());
    expect(headers['cache-control']).toBe(`public, max-age=${STATS_CACHE_MS / 1000}`);
    const program = mine(body);
    // Six approved or paid: 5 approved is shown, the single paid, rejected, returned and in-review are "<5".
    expect(program.claims).toEqual({
      submitted: '<5',
      checking: '<5',
      in_review: '<5',
      returned: '<5',
      approved: 5,
      paid: '<5',
      rejected: '<5',
      withdrawn: '<5',
      expired: '<5',
      cancelled: '<5',
    });
    // The budget bar is the ledger's (the public program figures).
    const listed = await request(t.server).get(`/api/programs/${PROGRAM}`).expect(200);
    expect(program.budget).toEqual(listed.body.budget);
    expect(program.paidFen).toBe(listed.body.budget.paidFen);
    expect(program.paidFen).toBeGreaterThanOrEqual(60_000);
    // 6 subsidised grab bars at 200,000 fen each.
    expect(program.grossSalesFen).toBe(6 * 200_000);
    expect(program.units.byCategory).toEqual([{ category: 'grab_bar', units: 6 }]);
    expect(program.units.nevShare).toBeNull();
    // 7 decided two days after submitting, all within the 15 review days; one payment only: no median.
    expect(program.medianDays.submitToDecision).toBe(2);
    expect(program.medianDays.approvalToPayment).toBeNull();
    expect(program.slaHitRate).toBe(1);
    expect(program.pause).toBeNull();
    const week = body.weekly.find((w) => w.week === '2026-06-29')!;
    expect(body.weekly).toHaveLength(12);
    expect(body.weekly.at(-1)!.week).toBe('2026-06-29');
    expect(week.submitted).toEqual(expect.anything());
    expect(typeof week.paidFen).toBe('number');
    expect(body.topReturnReasons.map((r) => r.code)).toContain('DOCUMENT_ILLEGIBLE');
  });

  it('publishes no count from 0 to 4 anywhere: each is "<5" or at least 5', async () => {
    const { body } = await stats();
    const all = counts(body);
    expect(all.length).toBeGreaterThan(50);
    expect(
      all.filter((c) => !(c === '<5' || (typeof c === 'number' && Number.isInteger(c) && c >= 5))),
    ).toEqual([]);
    // The only reason returned here once (unless other suites returned more).
    const reason = body.topReturnReasons.find((r) => r.code === 'DOCUMENT_ILLEGIBLE')!;
    expect(reason.count === '<5' || (typeof reason.count === 'number' && reason.count >= 5)).toBe(true);
  });

  it('holds a reading for a while (on the app clock), then reads again', async () => {
    const first = await stats();
    const before = mine(first.body).claims.approved;
    await moveClaim(t, ids[8]!, 'approved');
    t.app.get(ProgramsCache).invalidate();
    clock.advance(STATS_CACHE_MS - SECOND);
    const held = await stats();
    expect(held.body.asOf).toBe(first.body.asOf);
    expect(mine(held.body).claims.approved).toBe(before);
    expect(held.headers['cache-control']).toBe('public, max-age=1');
    clock.advance(SECOND);
    const fresh = await stats();
    expect(fresh.body.asOf).toBe(clock.now().toISOString());
    expect(mine(fresh.body).claims.approved).toBe(6);
  });

  describe('contains no personal data (scanned as the PII suite scans dumps)', () => {
    const identities = () =>
      Array.from({ length: CLAIMS }, (_, i) => residentIdentity(FIRST + i)).flatMap((who) => [
        who.phone,
        who.idNumber,
        who.bankAccount,
      ]);
    const scan = (text: string) => {
      const lower = text.toLowerCase();
      expect([ID_SHAPE, PHONE_SHAPE, CARD_SHAPE].flatMap((shape) => text.match(shape) ?? [])).toEqual([]);
      expect([...identities(), ...ALL_PII].filter((value) => lower.includes(value.toLowerCase()))).toEqual(
        [],
      );
      // Names (the residents' real name and display names), claim and account identifiers.
      expect(text).not.toContain('测试居民');
      expect(text).not.toMatch(/居民\d+/);
      for (const value of [...codes, ...ids, ...residents.map((r) => r.id)])
        expect(text).not.toContain(value);
    };

    it('GET /api/stats', async () => {
      const res = await request(t.server).get('/api/stats').expect(200);
      scan(res.text);
    });

    it('the CSV export', async () => {
      const res = await request(t.server).get('/api/stats/export').query({ format: 'csv' }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="huanxin-stats-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const text = res.text.replace(/^\uFEFF/, '');
      scan(text);
      const [header, ...rows] = text.trim().split('\r\n');
      expect(header).toContain('项目/code');
      const row = rows.find((line) => line.startsWith(`${PROGRAM},`))!;
      expect(row).toContain(',<5,');
      expect(rows).toHaveLength((await stats()).body.programs.length);
    });

    it('the XLSX export', async () => {
      const res = await request(t.server)
        .get('/api/stats/export')
        .query({ format: 'xlsx' })
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as never);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'programs',
        'weekly',
        'tranches',
        'units',
        'return_reasons',
      ]);
      const cells: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))),
      );
      scan(cells.join('\n'));
      expect(cells).toContain('<5');
    });
  });

  it('refuses an unknown export format with a code', async () => {
    const res = await request(t.server).get('/api/stats/export').query({ format: 'pdf' }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { format: 'NOT_IN_OPTIONS' } });
  });
});
