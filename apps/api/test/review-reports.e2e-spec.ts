import type { IncomingMessage } from 'node:http';
import { maskBankCard, maskIdNumber, maskPhone } from '@huanxin/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ProgramsCache } from '../src/programs/programs.cache';
import { raiseBudget } from './utils/budget';
import { DAY, HOUR, useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { createResident, residentIdentity } from './utils/residents';
import { moveClaim, runChecks, submitClaim } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(120_000);

const PROGRAM = 'appliance-2026';
const FIRST = 9680;

/** supertest: keep a binary body as a Buffer. */
function binary(res: IncomingMessage, done: (e: Error | null, b: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}

/**
 * The review console's reports through HTTP: per-program stats (budget figures, claims by status
 * and stage, SLA states) and the streamed `.xlsx` export with identifiers masked, read back with
 * exceljs. Other suites' claims share the database, so counts are compared before and after this
 * suite's own claims, at one fixed instant. Residents 9680–9689.
 */
describe('review stats and export', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let reviewer: string;
  /** Moves the app's time and signs the reviewer in again (a staff session idles out in 15 minutes). */
  const at = async (instant: Date) => {
    clock.set(instant);
    reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
  };
  const now = new Date('2026-06-20T04:00:00Z');
  const claims: { id: string; code: string; index: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, new Date('2026-05-03T02:00:00Z'));
    await raiseBudget(t, PROGRAM, 10_000_000);
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  const stats = async () => {
    const res = await request(t.server).get('/api/review/stats').set('cookie', reviewer).expect(200);
    return res.body as {
      generatedAt: string;
      programs: {
        programCode: string;
        reviewDays: number;
        budget: Record<string, number>;
        byStatus: Record<string, number>;
        byStage: Record<string, number>;
        sla: Record<string, number>;
      }[];
    };
  };
  const ofProgram = (body: Awaited<ReturnType<typeof stats>>) =>
    body.programs.find((p) => p.programCode === PROGRAM)!;

  it('stats: per program, counts by status and stage and SLA states move exactly with the claims', async () => {
    await at(now);
    const before = ofProgram(await stats());
    expect(before.reviewDays).toBe(15);
    clock.set(new Date('2026-05-03T02:00:00Z'));
    for (let i = 0; i < 5; i += 1) {
      const index = FIRST + i;
      const claim = await submitClaim(t, await createResident(t, index), 'appliance', {
        'item.category': 'washing_machine',
        'item.invoiceNo': `2640${String(960_000 + i).padStart(16, '0')}`,
        'item.serialNo': `RPT-SN-${i}`,
      });
      await runChecks(t, claim.id);
      claims.push({ ...claim, index });
    }
    // In review since: 16 days (overdue), 13 days (warning: ≥ 80 % of 15), 12 days − 1 h (ok), 1 day
    // at the second approval (ok); the fifth approved.
    const since = [16 * DAY, 13 * DAY, 12 * DAY - HOUR, DAY];
    for (const [i, age] of since.entries())
      await db.query('UPDATE application SET complete_at = $2 WHERE id = $1', [
        claims[i]!.id,
        new Date(now.getTime() - age),
      ]);
    await db.query(`UPDATE application SET stage = 'second_approval' WHERE id = $1`, [claims[3]!.id]);
    await moveClaim(t, claims[4]!.id, 'approved');
    t.app.get(ProgramsCache).invalidate(); // figures read after the approval (the cache is ≤ 1 s old)

    await at(now);
    const body = await stats();
    expect(body.generatedAt).toBe(now.toISOString());
    const after = ofProgram(body);
    const delta = (a: Record<string, number>, b: Record<string, number>) =>
      Object.fromEntries(Object.keys(a).map((key) => [key, a[key]! - b[key]!]));
    expect(delta(after.byStatus, before.byStatus)).toEqual({
      draft: 0,
      submitted: 0,
      checking: 0,
      in_review: 4,
      returned: 0,
      approved: 1,
      paid: 0,
      rejected: 0,
      withdrawn: 0,
      expired: 0,
      cancelled: 0,
    });
    expect(delta(after.byStage, before.byStage)).toEqual({ review: 3, second_approval: 1 });
    expect(delta(after.sla, before.sla)).toEqual({ ok: 2, warning: 1, overdue: 1 });
    // The budget figures are the public ones (the same programs cache).
    const program = await request(t.server).get(`/api/programs/${PROGRAM}`).expect(200);
    expect(after.budget).toEqual(program.body.budget);
    expect(after.budget.committedFen).toBeGreaterThan(0);
    // Every published program is listed.
    const programs = await request(t.server).get('/api/programs').expect(200);
    expect(body.programs.map((p) => p.programCode).sort()).toEqual(
      (programs.body as { code: string }[]).map((p) => p.code).sort(),
    );
  });

  it('export: a streamed .xlsx of the filtered claims, every identifier masked', async () => {
    const res = await request(t.server)
      .get('/api/review/export')
      .query({ program: PROGRAM, status: 'in_review' })
      .set('cookie', reviewer)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="review-export-${PROGRAM}-in_review-2026-06-20.xlsx"`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.getWorksheet('claims')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual([
      '申请编号',
      '项目',
      '状态',
      '状态代码',
      '审核阶段',
      '申请人',
      '身份证号',
      '手机号',
      '银行卡号',
      '金额（分）',
      '风险分',
      '风险标记',
      '提交时间',
      '完整时间（审核起算）',
      '时限状态',
    ]);
    const body = rows.slice(1);
    expect(body.every((row) => row[1] === PROGRAM && row[3] === 'in_review')).toBe(true);
    const [{ count }] = (await db.query(
      `SELECT count(*)::int AS count FROM application a JOIN program p ON p.id = a.program_id WHERE p.code = $1 AND a.status = 'in_review'`,
      [PROGRAM],
    )) as [{ count: number }];
    expect(body).toHaveLength(count);

    const byCode = new Map(body.map((row) => [row[0], row]));
    const expectedSla = ['overdue', 'warning', 'ok', 'ok'];
    for (const [i, claim] of claims.slice(0, 4).entries()) {
      const identity = residentIdentity(claim.index);
      const row = byCode.get(claim.code)!;
      expect(row).toBeDefined();
      expect(row.slice(4, 11)).toEqual([
        i === 3 ? 'second_approval' : 'review',
        '测***',
        maskIdNumber(identity.idNumber),
        maskPhone(identity.phone),
        maskBankCard(identity.bankAccount),
        '75000',
        '0',
      ]);
      expect(row[14]).toBe(expectedSla[i]);
    }
    // The approved claim is not in an in_review export.
    expect(byCode.has(claims[4]!.code)).toBe(false);
    // No full ID number, phone or card of any resident of this suite anywhere in the sheet.
    const text = rows.flat().join('\n');
    for (const claim of claims) {
      const identity = residentIdentity(claim.index);
      for (const secret of [identity.idNumber, identity.phone, identity.bankAccount])
        expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/1\d{10}/);
  });

  it('export without filters: all programs, no drafts; the export is audited', async () => {
    const res = await request(t.server)
      .get('/api/review/export')
      .set('cookie', reviewer)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const statuses = new Set<string>();
    workbook.getWorksheet('claims')!.eachRow((row, n) => {
      if (n > 1) statuses.add(String(row.getCell(4).value));
    });
    expect(statuses.has('draft')).toBe(false);
    expect(statuses.has('in_review')).toBe(true);
    const audits = (await db.query(
      `SELECT detail FROM audit_log WHERE action = 'review.export' ORDER BY seq DESC LIMIT 2`,
    )) as { detail: Record<string, unknown> }[];
    expect(audits.map((a) => a.detail)).toEqual([
      { program: null, status: null },
      { program: PROGRAM, status: 'in_review' },
    ]);
  });

  it.each([
    [{ program: 'no-such-program' }, 404, 'PROGRAM_NOT_FOUND'],
    [{ status: 'draft' }, 422, 'VALIDATION_FAILED'],
    [{ status: 'nonsense' }, 422, 'VALIDATION_FAILED'],
    [{ program: 'BAD CODE' }, 422, 'VALIDATION_FAILED'],
    [{ program: PROGRAM, extra: '1' }, 422, 'VALIDATION_FAILED'],
  ])('export refuses %j with %i %s', async (query, status, code) => {
    const res = await request(t.server)
      .get('/api/review/export')
      .query(query)
      .set('cookie', reviewer)
      .expect(status);
    expect(res.body.error.code).toBe(code);
  });
});
