import { bankCardNumber } from '@huanxin/shared/testing';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PaymentsRepository } from '../src/payments/payments.repository';
import { raiseBudget } from './utils/budget';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { clearRateLimits, dataSourceOf, DEMO_USERS, latestCode, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, residentIdentity, type Resident } from './utils/residents';
import { moveClaim, runChecks, submitClaim, vinFor } from './utils/review-claims';
import { ApplicationsService } from '../src/applications/applications.service';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(180_000);

/**
 * Payment batches through HTTP against the real database (operations.md §8, api-contract.md
 * Payments): build, four-eyes release, the bank file, reconciliation from the bank's result file,
 * failed → the payee fixes the account → the next batch without a new review, and the ledger.
 * Other suites of the run may leave approved claims in these programs: the assertions look at this
 * suite's claims. Residents 2000–2099.
 */
describe('payments (POST /api/payments/batches …)', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let finance1: string;
  let finance2: string;
  let serial = 0;
  const residents = new Map<string, { resident: Resident; index: number }>();

  const carFacts = () => {
    serial += 1;
    return {
      'oldVehicle.vin': vinFor('LSJPAY01', serial),
      'scrap.certificateNo': `BF2026-PAY${String(serial).padStart(4, '0')}`,
      'newVehicle.vin': vinFor('LDCPAYN1', serial),
      'newVehicle.invoiceNo': `2637${String(880_000 + serial).padStart(16, '0')}`,
    };
  };
  const phoneFacts = (invoiceDate = '2026-04-20') => {
    serial += 1;
    return {
      'item.invoiceNo': `2639${String(880_000 + serial).padStart(16, '0')}`,
      'item.serialNo': `PAY-IMEI-${serial}`,
      'item.invoiceDate': invoiceDate,
    };
  };

  /** An approved claim of a new resident (index from 2000). */
  async function approvedClaim(
    index: number,
    name: 'carScrap' | 'digital',
    changes: Record<string, unknown>,
    to: 'approved' | null = 'approved',
  ): Promise<{ id: string; code: string }> {
    const resident = await createResident(t, index);
    const claim = await submitClaim(t, resident, name, changes);
    await runChecks(t, claim.id);
    if (to) await moveClaim(t, claim.id, to);
    residents.set(claim.id, { resident, index });
    return claim;
  }

  const build = (programCode: string, cookie = finance1) =>
    request(t.server).post('/api/payments/batches').set('cookie', cookie).send({ programCode });
  const batchOf = (id: string) =>
    request(t.server).get(`/api/payments/batches/${id}`).set('cookie', finance1);
  const release = (id: string, cookie: string) =>
    request(t.server).post(`/api/payments/batches/${id}/release`).set('cookie', cookie);
  const file = (id: string, format?: string) =>
    request(t.server)
      .get(`/api/payments/batches/${id}/file`)
      .query(format ? { format } : {})
      .set('cookie', finance1)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const reconcile = (id: string, csv: string, cookie = finance1) =>
    request(t.server)
      .post(`/api/payments/batches/${id}/reconcile`)
      .set('cookie', cookie)
      .attach('file', Buffer.from(csv, 'utf8'), 'result.csv');

  type Line = {
    lineId: string;
    applicationCode: string;
    amountFen: number;
    status: string;
    accountMasked: string;
  };
  const linesOf = (body: { lines: Line[] }, codes: string[]) =>
    body.lines.filter((l) => codes.includes(l.applicationCode));
  const statusOf = async (id: string) =>
    ((await db.query(`SELECT status FROM application WHERE id = $1`, [id])) as { status: string }[])[0]!
      .status;
  const budget = async (code: string) =>
    (
      (await db.query(
        `SELECT b.total_fen::bigint AS total, b.remaining_fen AS remaining, b.reserved_fen AS reserved, b.committed_fen AS committed, b.paid_fen AS paid
         FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = $1`,
        [code],
      )) as Record<string, string>[]
    )[0]!;
  const lineStates = async (batchId: string) =>
    (await db.query(`SELECT id, status, reason, bank_ref FROM payment_line WHERE batch_id = $1 ORDER BY id`, [
      batchId,
    ])) as unknown[];
  const auditCount = async (action: string, objectId: string) =>
    (
      (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND object_id = $2`, [
        action,
        objectId,
      ])) as {
        n: number;
      }[]
    )[0]!.n;

  const cars: { id: string; code: string }[] = [];
  let inReview: { id: string; code: string };
  let batch1: string;
  let lines1: Line[];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
    await raiseBudget(t, 'car-scrap-2026', 100_000_000);
    await raiseBudget(t, 'digital-2026', 10_000_000);
    finance1 = (await signInStaff(t, DEMO_USERS.finance)).cookie;
    finance2 = (await signInStaff(t, DEMO_USERS.finance2)).cookie;
    for (let i = 0; i < 4; i += 1) cars.push(await approvedClaim(2000 + i, 'carScrap', carFacts()));
    inReview = await approvedClaim(2004, 'carScrap', carFacts(), null);
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  it('an approved claim shows the resident its pay clock: payDays from the approval, warning, overdue', async () => {
    const claim = cars[0]!;
    const { resident } = residents.get(claim.id)!;
    const detail = () =>
      request(t.server).get(`/api/applications/${claim.id}`).set('cookie', resident.cookie).expect(200);
    const first = await detail();
    const approvedAt = (first.body.timeline as { at: string; status: string }[]).findLast(
      (e) => e.status === 'approved',
    )!.at;
    const due = new Date(new Date(approvedAt).getTime() + 30 * 86_400_000).toISOString();
    expect(first.body.payClock).toEqual({ dueAt: due, payDays: 30, state: 'ok' });
    // Later days through the service (a resident session would idle out across a month).
    const service = t.app.get(ApplicationsService);
    const clockAt = async (days: number) => {
      clock.set(new Date(new Date(approvedAt).getTime() + days * 86_400_000));
      return (await service.detail(residents.get(claim.id)!.resident.id, claim.id)).payClock;
    };
    const before = clock.now();
    try {
      expect(await clockAt(23)).toEqual({ dueAt: due, payDays: 30, state: 'ok' });
      expect(await clockAt(25)).toEqual({ dueAt: due, payDays: 30, state: 'warning' }); // ≥ 80 %
      expect(await clockAt(31)).toEqual({ dueAt: due, payDays: 30, state: 'overdue' });
    } finally {
      clock.set(before);
    }
    // A claim not approved has none.
    const other = residents.get(inReview.id)!.resident;
    const pending = await request(t.server)
      .get(`/api/applications/${inReview.id}`)
      .set('cookie', other.cookie)
      .expect(200);
    expect(pending.body.payClock).toBeNull();
  });

  it('builds a draft batch of the approved claims, payees masked, by finance only', async () => {
    const res = await build('car-scrap-2026').expect(201);
    batch1 = res.body.id as string;
    expect(res.body).toMatchObject({
      status: 'draft',
      programCode: 'car-scrap-2026',
      createdBy: { id: expect.any(String) },
    });
    lines1 = linesOf(
      res.body,
      cars.map((c) => c.code),
    );
    expect(lines1.map((l) => l.applicationCode).sort()).toEqual(cars.map((c) => c.code).sort());
    expect(res.body.lines.map((l: Line) => l.applicationCode)).not.toContain(inReview.code);
    expect(res.body.totalFen).toBe(res.body.lines.reduce((s: number, l: Line) => s + l.amountFen, 0));
    for (const line of lines1) {
      const { index } = residents.get(cars.find((c) => c.code === line.applicationCode)!.id)!;
      expect(line).toMatchObject({
        lineId: expect.stringMatching(/^PL\d{10}$/),
        payee: 'resident',
        payeeNameMasked: '测***',
        accountMasked: `**** **** **** ${residentIdentity(index).bankAccount.slice(-4)}`,
        amountFen: 1_800_000,
        status: 'pending',
      });
    }
    // No view carries a full account or ID number.
    const detail = await batchOf(batch1).expect(200);
    const list = await request(t.server).get('/api/payments/batches').set('cookie', finance1).expect(200);
    for (const body of [JSON.stringify(res.body), JSON.stringify(detail.body), JSON.stringify(list.body)])
      for (const { index } of residents.values()) {
        expect(body).not.toContain(residentIdentity(index).bankAccount);
        expect(body).not.toContain(residentIdentity(index).idNumber);
      }
    expect(detail.body.lines).toEqual(res.body.lines);
    expect((list.body as { id: string }[]).map((b) => b.id)).toContain(batch1);
    const reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
    await build('car-scrap-2026', reviewer).expect(403);
  });

  it('a claim is in one open batch only: the next build finds nothing to pay (409 NOTHING_TO_PAY)', async () => {
    const res = await build('car-scrap-2026').expect(409);
    expect(res.body.error.code).toBe('NOTHING_TO_PAY');
    await build('no-such-program').expect(404);
    await request(t.server)
      .post('/api/payments/batches')
      .set('cookie', finance1)
      .send({ programCode: 'car-scrap-2026', x: 1 })
      .expect(422);
  });

  it('no bank file and no reconciliation before release (409 BATCH_NOT_RELEASED)', async () => {
    const downloaded = await file(batch1).expect(409);
    expect(JSON.parse(downloaded.body.toString()).error.code).toBe('BATCH_NOT_RELEASED');
    const early = await reconcile(
      batch1,
      `lineId,result,reason,bankRef\n${lines1[0]!.lineId},paid,,B1\n`,
    ).expect(409);
    expect(early.body.error.code).toBe('BATCH_NOT_RELEASED');
    expect(await statusOf(cars[0]!.id)).toBe('approved');
  });

  it('is released by a second finance user, never by its builder (403 SELF_RELEASE), and once', async () => {
    const self = await release(batch1, finance1).expect(403);
    expect(self.body.error.code).toBe('SELF_RELEASE');
    const ok = await release(batch1, finance2).expect(200);
    expect(ok.body).toMatchObject({ id: batch1, status: 'released', releasedBy: { id: expect.any(String) } });
    expect((await release(batch1, finance2).expect(409)).body.error.code).toBe('BATCH_NOT_DRAFT');
    await release('00000000-0000-4000-8000-000000000000', finance2).expect(404);
    expect(await auditCount('payments.batch.released', batch1)).toBe(1);
  });

  it('exports the bank file (CSV and XLSX) with full accounts, yuan amounts and the claim code; each download audited', async () => {
    const before = await auditCount('payments.batch.file_downloaded', batch1);
    const csv = await file(batch1, 'csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="payment-batch-car-scrap-2026-/,
    );
    const text = (csv.body as Buffer).toString('utf8');
    expect(
      text.startsWith('\ufeff"明细编号","收款人户名","收款账号","收款银行","金额（元）","附言"\r\n'),
    ).toBe(true);
    const line = lines1[0]!;
    const { index } = residents.get(cars.find((c) => c.code === line.applicationCode)!.id)!;
    expect(text).toContain(
      `"${line.lineId}","测试居民","${residentIdentity(index).bankAccount}","中国农业银行章丘支行","18000.00","以旧换新补贴 ${line.applicationCode}"\r\n`,
    );
    const xlsx = await file(batch1, 'xlsx').expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r[1] === line.lineId)!;
    expect(row.slice(1)).toEqual([
      line.lineId,
      '测试居民',
      residentIdentity(index).bankAccount,
      '中国农业银行章丘支行',
      18000,
      `以旧换新补贴 ${line.applicationCode}`,
    ]);
    expect(await auditCount('payments.batch.file_downloaded', batch1)).toBe(before + 2);
    await file(batch1, 'pdf').expect(422);
  });

  it.each([
    ['wrong columns', 'line,status\nPL1,paid\n', 'RECONCILE_COLUMNS_INVALID'],
    ['an unknown column', 'lineId,result,reason,bankRef,extra\n', 'RECONCILE_COLUMNS_INVALID'],
    ['no rows', 'lineId,result,reason,bankRef\n', 'RECONCILE_FILE_INVALID'],
    [
      'a result that is neither paid nor failed',
      'lineId,result,reason,bankRef\n{0},ok,,B1\n',
      'RECONCILE_FILE_INVALID',
    ],
    ['failed without a reason', 'lineId,result,reason,bankRef\n{0},failed,,B1\n', 'RECONCILE_FILE_INVALID'],
    [
      'the same line twice',
      'lineId,result,reason,bankRef\n{0},paid,,B1\n{0},paid,,B1\n',
      'RECONCILE_FILE_INVALID',
    ],
    [
      'an amount that disagrees',
      'lineId,result,reason,bankRef,amount\n{1},paid,,B1,18000.00\n{0},paid,,B1,17999.99\n',
      'RECONCILE_FILE_INVALID',
    ],
    ['not CSV at all', 'lineId,result,reason,bankRef\n"unclosed,paid\n', 'RECONCILE_FILE_INVALID'],
  ])('refuses a result file with %s: 422, nothing changed', async (_name, template, code) => {
    const before = { lines: await lineStates(batch1), budget: await budget('car-scrap-2026') };
    const csv = template.replace(/\{(\d)\}/g, (_m, i: string) => lines1[Number(i)]!.lineId);
    const res = await reconcile(batch1, csv).expect(422);
    expect(res.body.error.code).toBe(code);
    if (code === 'RECONCILE_FILE_INVALID') expect(res.body.error.rows.length).toBeGreaterThan(0);
    else expect(Object.keys(res.body.error.fields).length).toBeGreaterThan(0);
    expect({ lines: await lineStates(batch1), budget: await budget('car-scrap-2026') }).toEqual(before);
  });

  it('names the bad row: an amount that disagrees is reported on its line with its line id', async () => {
    const res = await reconcile(
      batch1,
      `lineId,result,reason,bankRef,amount\n${lines1[0]!.lineId},paid,,B1,18000.00\n${lines1[1]!.lineId},paid,,B2,1.00\n`,
    ).expect(422);
    expect(res.body.error.rows).toEqual([
      { line: 3, lineId: lines1[1]!.lineId, field: 'amount', code: 'AMOUNT_MISMATCH' },
    ]);
    expect(await statusOf(cars[0]!.id)).toBe('approved');
  });

  let resultFile: string;
  let failedClaim: { id: string; code: string };

  it('refuses a result file naming a line the portal never issued: 422 on that row, nothing changed', async () => {
    const before = { lines: await lineStates(batch1), budget: await budget('car-scrap-2026') };
    const res = await reconcile(
      batch1,
      `lineId,result,reason,bankRef\n${lines1[0]!.lineId},paid,,BK-0001\nPL9999999999,paid,,BK-0004\n`,
    ).expect(422);
    expect(res.body.error.code).toBe('RECONCILE_FILE_INVALID');
    expect(res.body.error.rows).toEqual([
      { line: 3, lineId: 'PL9999999999', field: 'lineId', code: 'UNKNOWN_LINE' },
    ]);
    expect({ lines: await lineStates(batch1), budget: await budget('car-scrap-2026') }).toEqual(before);
  });

  it('reconciles: paid → claim paid and money committed → paid; failed → the payee told why', async () => {
    const before = await budget('car-scrap-2026');
    const [a, b, c] = lines1;
    failedClaim = cars.find((x) => x.code === c!.applicationCode)!;
    resultFile = [
      'lineId,result,reason,bankRef',
      `${a!.lineId},paid,,BK-0001`,
      `${b!.lineId},paid,,BK-0002`,
      `${c!.lineId},failed,户名与账号不符,BK-0003`,
    ].join('\n');
    const res = await reconcile(batch1, resultFile).expect(200);
    expect(res.body).toEqual({ paid: 2, failed: 1, unchanged: 0, unknownLines: [] });
    for (const line of [a!, b!])
      expect(await statusOf(cars.find((x) => x.code === line.applicationCode)!.id)).toBe('paid');
    expect(await statusOf(failedClaim.id)).toBe('approved');
    const after = await budget('car-scrap-2026');
    expect(Number(after.paid) - Number(before.paid)).toBe(3_600_000);
    expect(Number(before.committed) - Number(after.committed)).toBe(3_600_000);
    expect(after.remaining).toBe(before.remaining);
    const detail = await batchOf(batch1).expect(200);
    expect(linesOf(detail.body, [c!.applicationCode])[0]).toMatchObject({
      status: 'failed',
      reason: '户名与账号不符',
    });
    // The payee: an in-app notice with the reason, its SMS queued through the outbox.
    const { resident } = residents.get(failedClaim.id)!;
    const notices = await request(t.server)
      .get('/api/me/notifications')
      .set('cookie', resident.cookie)
      .expect(200);
    const notice = (notices.body as { kind: string; text: string }[]).find(
      (n) => n.kind === 'payment_failed',
    )!;
    expect(notice.text).toContain('户名与账号不符');
    expect(notice.text).toContain(failedClaim.code);
    const outbox = (await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'notifications.account-notice' AND payload->>'notificationId' IN (SELECT id::text FROM notification WHERE user_id = $1 AND kind = 'payment_failed')`,
      [resident.id],
    )) as { n: number }[];
    expect(outbox[0]!.n).toBe(1);
    // The resident's claim pages: paid on …, or failed with the reason.
    const paidOwner = residents.get(cars.find((x) => x.code === a!.applicationCode)!.id)!.resident;
    const paidView = await request(t.server)
      .get(`/api/applications/${cars.find((x) => x.code === a!.applicationCode)!.id}`)
      .set('cookie', paidOwner.cookie)
      .expect(200);
    expect(paidView.body.payment).toEqual({
      status: 'paid',
      amountFen: 1_800_000,
      paidOn: '2026-05-01',
      reason: null,
    });
    const failedView = await request(t.server)
      .get(`/api/applications/${failedClaim.id}`)
      .set('cookie', resident.cookie)
      .expect(200);
    expect(failedView.body.payment).toEqual({
      status: 'failed',
      amountFen: 1_800_000,
      paidOn: null,
      reason: '户名与账号不符',
    });
    expect(await auditCount('payments.line.paid', cars.find((x) => x.code === a!.applicationCode)!.id)).toBe(
      1,
    );
    expect(await auditCount('payments.batch.reconciled', batch1)).toBe(1);
  });

  it('the same file imported twice changes nothing (all unchanged)', async () => {
    const before = {
      lines: await lineStates(batch1),
      budget: await budget('car-scrap-2026'),
      ledger: await db.query(`SELECT count(*)::int AS n FROM budget_ledger`),
      notices: await db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'payment_failed'`),
    };
    const res = await reconcile(batch1, resultFile).expect(200);
    expect(res.body).toEqual({ paid: 0, failed: 0, unchanged: 3, unknownLines: [] });
    expect({
      lines: await lineStates(batch1),
      budget: await budget('car-scrap-2026'),
      ledger: await db.query(`SELECT count(*)::int AS n FROM budget_ledger`),
      notices: await db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'payment_failed'`),
    }).toEqual(before);
  });

  it('refuses to turn a paid line failed or a failed line paid (422, nothing changed)', async () => {
    const before = await lineStates(batch1);
    const res = await reconcile(
      batch1,
      `lineId,result,reason,bankRef\n${lines1[0]!.lineId},failed,退票,BK-9\n${lines1[2]!.lineId},paid,,BK-10\n`,
    ).expect(422);
    expect(res.body.error.rows.map((r: { code: string }) => r.code)).toEqual([
      'ALREADY_PAID',
      'ALREADY_FAILED',
    ]);
    expect(await lineStates(batch1)).toEqual(before);
  });

  it('the bank file afterwards holds only the lines still to pay', async () => {
    const text = ((await file(batch1).expect(200)).body as Buffer).toString('utf8');
    expect(text).toContain(lines1[3]!.lineId);
    for (const line of lines1.slice(0, 3)) expect(text).not.toContain(line.lineId);
  });

  it('failed → the payee updates the bank account → the next batch pays it, without a new review', async () => {
    // Not before the account changed: the claim waits (its other claims are in the open batch).
    expect((await build('car-scrap-2026').expect(409)).body.error.code).toBe('NOTHING_TO_PAY');
    const { resident, index } = residents.get(failedClaim.id)!;
    const identity = residentIdentity(index);
    const newAccount = bankCardNumber(index + 700_000);
    await clearRateLimits(t.config);
    const otp = await request(t.server)
      .post('/api/me/profile/otp')
      .set('cookie', resident.cookie)
      .expect(202);
    await request(t.server)
      .put('/api/me/profile')
      .set('cookie', resident.cookie)
      .send({
        name: '测试居民',
        idNumber: identity.idNumber,
        street: 'mingshui',
        address: '明水街道测试路1号',
        bankName: '中国工商银行章丘支行',
        bankAccount: newAccount,
        consent: true,
        otpChallengeId: otp.body.challengeId,
        otpCode: await latestCode(t, identity.phone),
      })
      .expect(200);
    const next = await build('car-scrap-2026').expect(201);
    const [line] = linesOf(next.body, [failedClaim.code]);
    expect(line).toMatchObject({
      status: 'pending',
      accountMasked: `**** **** **** ${newAccount.slice(-4)}`,
      bankName: '中国工商银行章丘支行',
    });
    expect(line!.lineId).not.toBe(lines1[2]!.lineId);
    await release(next.body.id, finance2).expect(200);
    const csv = ((await file(next.body.id).expect(200)).body as Buffer).toString('utf8');
    expect(csv).toContain(`"${line!.lineId}","测试居民","${newAccount}","中国工商银行章丘支行","18000.00"`);
    expect(
      (
        await reconcile(next.body.id, `lineId,result,reason,bankRef\n${line!.lineId},paid,,BK-0100\n`).expect(
          200,
        )
      ).body,
    ).toEqual({ paid: 1, failed: 0, unchanged: 0, unknownLines: [] });
    expect(await statusOf(failedClaim.id)).toBe('paid');
    // Never back in review: approved → paid only.
    const events = (await db.query(
      `SELECT from_status, to_status FROM application_event WHERE application_id = $1 AND from_status = 'approved'`,
      [failedClaim.id],
    )) as { from_status: string; to_status: string }[];
    expect(events).toEqual([{ from_status: 'approved', to_status: 'paid' }]);
  });

  it('a line of another batch in a result file is refused by its row (LINE_OF_OTHER_BATCH)', async () => {
    const list = (await request(t.server).get('/api/payments/batches').set('cookie', finance1).expect(200))
      .body as { id: string; totalFen: number }[];
    // Any other batch with a line (a dealer's return may have emptied another suite's draft batch).
    const other = list.find((b) => b.id !== batch1 && b.totalFen > 0)!;
    const otherLine = ((await batchOf(other.id).expect(200)).body.lines as Line[])[0]!;
    const res = await reconcile(
      batch1,
      `lineId,result,reason,bankRef\n${otherLine.lineId},paid,,BK-1\n`,
    ).expect(422);
    expect(res.body.error.rows).toEqual([
      { line: 2, lineId: otherLine.lineId, field: 'lineId', code: 'LINE_OF_OTHER_BATCH' },
    ]);
  });

  it('two batches built at once never share a claim (the partial unique index decides)', async () => {
    const phones: { id: string; code: string }[] = [];
    for (let i = 0; i < 6; i += 1) phones.push(await approvedClaim(2010 + i, 'digital', phoneFacts()));
    const results = await Promise.all([build('digital-2026'), build('digital-2026', finance2)]);
    for (const res of results) expect([201, 409]).toContain(res.status);
    const created = results.filter((res) => res.status === 201);
    expect(created.length).toBeGreaterThan(0);
    const mine = phones.map((p) => p.code);
    const taken = created.flatMap((res) => linesOf(res.body, mine).map((l) => l.applicationCode));
    expect([...taken].sort()).toEqual([...mine].sort());
    expect(new Set(taken).size).toBe(taken.length);
    // The database itself refuses a second live line for a claim (not a lookup in the service).
    const [line] = (await db.query(
      `SELECT * FROM payment_line WHERE application_id = $1 AND status = 'pending'`,
      [phones[0]!.id],
    )) as Record<string, unknown>[];
    await expect(
      db.query(
        `INSERT INTO payment_line (id, batch_id, application_id, payee_kind, payee_user_id, payee_name_enc, bank_name, account_enc, account_bidx, amount_fen)
         VALUES ('PL-DUPLICATE', $1, $2, 'resident', $3, $4, $5, $6, $7, $8)`,
        [
          line!.batch_id,
          line!.application_id,
          line!.payee_user_id,
          line!.payee_name_enc,
          line!.bank_name,
          line!.account_enc,
          line!.account_bidx,
          line!.amount_fen,
        ],
      ),
    ).rejects.toThrow(/payment_line_one_live_per_claim/);
    const twice = await db.query(
      `SELECT application_id FROM payment_line WHERE status IN ('pending', 'paid') GROUP BY application_id HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
  });

  it('goods claims wait for the return window (7 days after delivery) before a batch takes them', async () => {
    const phone = await approvedClaim(2020, 'digital', phoneFacts('2026-04-28'));
    clock.set(new Date('2026-05-05T02:00:00Z')); // 2026-05-05: the 7th day after delivery, still returnable
    finance1 = (await signInStaff(t, DEMO_USERS.finance)).cookie;
    const early = await build('digital-2026');
    expect([201, 409]).toContain(early.status);
    if (early.status === 201) expect(linesOf(early.body, [phone.code])).toEqual([]);
    clock.set(new Date('2026-05-06T02:00:00Z'));
    finance1 = (await signInStaff(t, DEMO_USERS.finance)).cookie;
    const later = await build('digital-2026').expect(201);
    expect(linesOf(later.body, [phone.code])).toHaveLength(1);
  });

  it("reads a dealer's open receivables for netting (none yet: dealers' claims come with the vouchers issue)", async () => {
    const [org] = (await db.query(`SELECT id FROM organization ORDER BY created_at LIMIT 1`)) as {
      id: string;
    }[];
    const open = await db.transaction((manager) =>
      t.app.get(PaymentsRepository).openDealerReceivables(manager, [org!.id]),
    );
    expect(open).toEqual([]);
  });

  it('lists the receivables a sampled clawback opened, payee masked (GET /api/payments/receivables)', async () => {
    const approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
    const sample = await request(t.server)
      .post('/api/review/samples')
      .set('cookie', approver)
      .send({ programCode: 'car-scrap-2026', size: 500, riskWeighted: false })
      .expect(201);
    const paidCar = cars.find((c) =>
      (sample.body.items as { applicationId: string }[]).some((i) => i.applicationId === c.id),
    )!;
    const outcome = await request(t.server)
      .post(`/api/review/samples/${sample.body.id}/items/${paidCar.id}`)
      .set('cookie', approver)
      .send({ outcome: 'clawback', note: '抽查发现报废证明与车辆不符' })
      .expect(200);
    const res = await request(t.server).get('/api/payments/receivables').set('cookie', finance1).expect(200);
    expect((res.body as { id: string }[]).find((r) => r.id === outcome.body.receivableId)).toEqual({
      id: outcome.body.receivableId,
      applicationCode: paidCar.code,
      programCode: 'car-scrap-2026',
      payee: 'resident',
      payeeNameMasked: '测***',
      amountFen: 1_800_000,
      nettedFen: 0,
      reason: '抽查发现报废证明与车辆不符',
      status: 'open',
      // A clawback is due 10 days after it was opened (RECEIVABLE_DUE_DAYS).
      source: 'sample',
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      createdAt: expect.any(String),
    });
  });

  it('keeps the ledger invariant after the mixed run: total = remaining + reserved + committed + paid', async () => {
    const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
    for (const name of [
      'budget remaining ≥ 0',
      'total = remaining + reserved + committed + paid',
      'buckets equal what the ledger moved',
    ])
      expect(invariants.find((i) => i.name === name)).toEqual({ name, problems: [] });
    // Every paid claim of the suite holds exactly its line's amount as paid on the ledger.
    const paid = (await db.query(
      `SELECT a.id FROM application a WHERE a.id = ANY($1::uuid[]) AND a.status = 'paid'
          AND NOT EXISTS (SELECT 1 FROM budget_ledger l WHERE l.subject_id = a.id AND l.entry = 'pay' AND l.amount_fen = a.reserved_fen)`,
      [[...residents.keys()]],
    )) as unknown[];
    expect(paid).toEqual([]);
  });
});
