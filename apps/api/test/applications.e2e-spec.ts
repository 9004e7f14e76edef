import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { eligibleClaim } from '@huanxin/shared/testing';
import type { DataSource } from 'typeorm';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { signInStaff } from './utils/identity';
import { createResident, PDF_BYTES, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

let invoiceCounter = 0;
/**
 * The shared eligible appliance-2026 purchase (15 % of 5,000 yuan = 750 yuan) with invoice and serial
 * numbers of its own (a repeated one is a duplicate claim) and the old appliance handed in;
 * `item` changes the item's facts.
 */
function fridge(item: Record<string, unknown> = {}) {
  invoiceCounter += 1;
  return eligibleClaim('appliance', {
    'item.invoiceNo': `2637${String(invoiceCounter).padStart(16, '0')}`,
    'item.serialNo': `SN-E2E-${invoiceCounter}`,
    'oldItem.handedIn': true,
    ...Object.fromEntries(Object.entries(item).map(([key, value]) => [`item.${key}`, value])),
  }).facts;
}
const APPLIANCE_DOCS = ['invoice', 'energy_label_photo', 'serial_number_photo'];

describe('applications (resident, through HTTP)', () => {
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;
  let alice: Resident;
  let bob: Resident;

  beforeAll(async () => {
    // The run shares one Redis prefix and one client address: staff sign-ins of the suites before
    // this one count toward the per-address login limit, which is not what this suite tests.
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000', AUTH_IP_LIMIT_PER_HOUR: '100000' });
    clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
    alice = await createResident(t, 1);
    bob = await createResident(t, 2);
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  const as = (resident: Resident) => ({
    post: (url: string) => request(t.server).post(url).set('Cookie', resident.cookie),
    patch: (url: string) => request(t.server).patch(url).set('Cookie', resident.cookie),
    get: (url: string) => request(t.server).get(url).set('Cookie', resident.cookie),
  });

  async function draft(resident: Resident, facts = fridge()): Promise<string> {
    const res = await as(resident)
      .post('/api/applications')
      .send({ programCode: 'appliance-2026', facts })
      .expect(201);
    return res.body.id as string;
  }
  function upload(
    resident: Resident,
    id: string,
    kind: string,
    bytes: Buffer = PDF_BYTES,
    filename = 'doc.pdf',
  ) {
    return as(resident)
      .post(`/api/applications/${id}/documents`)
      .field('kind', kind)
      .attach('file', bytes, filename);
  }
  async function ready(resident: Resident, facts = fridge()): Promise<string> {
    const id = await draft(resident, facts);
    for (const kind of APPLIANCE_DOCS)
      await upload(resident, id, kind, Buffer.concat([PDF_BYTES, Buffer.from(`${id}-${kind}`)])).expect(201);
    return id;
  }
  // The money figures from the budget row itself: GET /api/programs serves them from memory, up to
  // ~1 s old (programs.e2e-spec proves that bound), while these checks need the value just written.
  const budget = async () => {
    const [row] = (await db.query(
      `SELECT b.total_fen, b.reserved_fen, b.committed_fen, b.paid_fen, b.remaining_fen
         FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = 'appliance-2026'`,
    )) as Record<string, string>[];
    return {
      totalFen: Number(row!.total_fen),
      reservedFen: Number(row!.reserved_fen),
      committedFen: Number(row!.committed_fen),
      paidFen: Number(row!.paid_fen),
      remainingFen: Number(row!.remaining_fen),
    };
  };

  describe('drafts', () => {
    it('creates a draft with a readable code, its facts and evaluation', async () => {
      const res = await as(alice)
        .post('/api/applications')
        .send({ programCode: 'appliance-2026', facts: fridge() })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'draft', programCode: 'appliance-2026', reservedFen: 0 });
      expect(res.body.code).toMatch(/^ZQ-2026-\d{6}$/);
      expect(res.body.evaluation.eligible).toBe(true);
      expect(res.body.evaluation.amountFen).toBe(75_000);
    });

    it.each([
      [{ programCode: 'appliance-2026', facts: { item: { priceFen: 'cheap' } } }, 'facts.item.priceFen'],
      [{ programCode: 'appliance-2026', facts: {}, status: 'approved' }, 'status'],
      [{ programCode: 'appliance-2026', facts: {}, amountFen: 1 }, 'amountFen'],
      [{ facts: {} }, 'programCode'],
    ])('refuses %p with 422 on %s', async (body, field) => {
      const res = await as(alice).post('/api/applications').send(body).expect(422);
      expect(Object.keys(res.body.error.fields)).toContain(field);
    });

    it('unknown program → 404; anonymous → 401; staff → 403', async () => {
      await as(alice).post('/api/applications').send({ programCode: 'nope-2026', facts: {} }).expect(404);
      await request(t.server)
        .post('/api/applications')
        .send({ programCode: 'appliance-2026', facts: {} })
        .expect(401);
      const reviewer = await signInStaff(t, 'reviewer1');
      await request(t.server).get('/api/applications').set('Cookie', reviewer.cookie).expect(403);
    });

    it('saves and resumes a draft (also from another device: any session of the same resident)', async () => {
      const id = await draft(alice);
      await as(alice)
        .patch(`/api/applications/${id}`)
        .send({ facts: fridge({ priceFen: 400_000 }) })
        .expect(200);
      const res = await as(alice).get(`/api/applications/${id}`).expect(200);
      expect(res.body.facts.item.priceFen).toBe(400_000);
      expect(res.body.evaluation.amountFen).toBe(60_000);
      expect(res.body.timeline).toEqual([{ at: expect.any(String), status: 'draft', note: null }]);
    });

    it("another resident's application answers 404 on every route", async () => {
      const id = await draft(alice);
      await as(bob).get(`/api/applications/${id}`).expect(404);
      await as(bob).patch(`/api/applications/${id}`).send({ facts: fridge() }).expect(404);
      await as(bob).post(`/api/applications/${id}/submit`).set('Idempotency-Key', randomUUID()).expect(404);
      await as(bob).post(`/api/applications/${id}/withdraw`).expect(404);
      await upload(bob, id, 'invoice').expect(404);
      const list = await as(bob).get('/api/applications').expect(200);
      expect(list.body.map((a: { id: string }) => a.id)).not.toContain(id);
    });
  });

  describe('documents', () => {
    it('stores a PDF with its type, size and SHA-256, and serves it as an attachment with nosniff', async () => {
      const id = await draft(alice);
      const res = await upload(alice, id, 'invoice').expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        kind: 'invoice',
        contentType: 'application/pdf',
        size: PDF_BYTES.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const file = await as(alice)
        .get(`/api/applications/${id}/documents/${res.body.id}`)
        .buffer(true)
        .expect(200);
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="invoice-/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(file.body as Buffer, PDF_BYTES)).toBe(0);
      await as(bob).get(`/api/applications/${id}/documents/${res.body.id}`).expect(404);
    });

    it.each([
      ['HTML disguised as .pdf', Buffer.from('<!doctype html><script>alert(1)</script>'), 'invoice.pdf'],
      ['a GIF', Buffer.from('GIF89a....'), 'label.png'],
    ])('refuses %s by its content → 415', async (_name, bytes, filename) => {
      const id = await draft(alice);
      const res = await upload(alice, id, 'invoice', bytes, filename).expect(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses an 11 MB file → 413 and keeps nothing', async () => {
      const id = await draft(alice);
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
      const res = await upload(alice, id, 'invoice', big).expect(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      const [row] = (await db.query(
        'SELECT count(*)::int AS n FROM application_document WHERE application_id = $1',
        [id],
      )) as { n: number }[];
      expect(row!.n).toBe(0);
    });

    it('refuses an unknown document kind → 422 on kind', async () => {
      const id = await draft(alice);
      const res = await upload(alice, id, 'selfie').expect(422);
      expect(res.body.error.fields).toEqual({ kind: 'NOT_IN_OPTIONS' });
    });

    it('ignores a path in the client file name', async () => {
      const id = await draft(alice);
      const res = await upload(alice, id, 'invoice', PDF_BYTES, '../../etc/passwd.pdf').expect(201);
      const [row] = (await db.query(
        'SELECT original_name, storage_key FROM application_document WHERE id = $1',
        [res.body.id],
      )) as { original_name: string; storage_key: string }[];
      expect(row!.original_name).toBe('passwd.pdf');
      expect(row!.storage_key).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('submit', () => {
    it('without an Idempotency-Key → 400', async () => {
      const id = await ready(alice);
      const res = await as(alice).post(`/api/applications/${id}/submit`).expect(400);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_MISSING');
    });

    it('without the required documents → 422 MISSING_DOCUMENTS naming them', async () => {
      const id = await draft(alice);
      await upload(alice, id, 'invoice').expect(201);
      const res = await as(alice)
        .post(`/api/applications/${id}/submit`)
        .set('Idempotency-Key', randomUUID())
        .expect(422);
      expect(res.body.error.code).toBe('MISSING_DOCUMENTS');
      expect(res.body.error.fields).toEqual({
        'documents.energy_label_photo': 'REQUIRED',
        'documents.serial_number_photo': 'REQUIRED',
      });
    });

    it('an ineligible claim → 422 NOT_ELIGIBLE with the failing clauses, and no reservation', async () => {
      const before = await budget();
      const id = await ready(alice, fridge({ efficiencyGrade: 3 }));
      const res = await as(alice)
        .post(`/api/applications/${id}/submit`)
        .set('Idempotency-Key', randomUUID())
        .expect(422);
      expect(res.body.error.code).toBe('NOT_ELIGIBLE');
      expect(res.body.error.clauses).toEqual([
        expect.objectContaining({ id: 'efficiency-grade', result: 'fail' }),
      ]);
      expect((await budget()).reservedFen).toBe(before.reservedFen);
    });

    it('submits: reserves the amount, records the ledger, moves to submitted, and a retry gets the same answer', async () => {
      const before = await budget();
      const id = await ready(alice);
      const key = randomUUID();
      const first = await as(alice)
        .post(`/api/applications/${id}/submit`)
        .set('Idempotency-Key', key)
        .expect(200);
      expect(first.body).toEqual({ id, status: 'submitted', reservedFen: 75_000 });
      const again = await as(alice)
        .post(`/api/applications/${id}/submit`)
        .set('Idempotency-Key', key)
        .expect(200);
      expect(again.body).toEqual(first.body);
      const after = await budget();
      expect(after.reservedFen - before.reservedFen).toBe(75_000);
      expect(before.remainingFen - after.remainingFen).toBe(75_000);
      const ledger = (await db.query(`SELECT entry, amount_fen FROM budget_ledger WHERE subject_id = $1`, [
        id,
      ])) as { entry: string; amount_fen: string }[];
      expect(ledger).toEqual([{ entry: 'reserve', amount_fen: '75000' }]);
      // Same key, other body → 422; another key → 409 (it is no longer a draft).
      const reused = await as(alice)
        .post(`/api/applications/${id}/submit`)
        .set('Idempotency-Key', key)
        .send({ note: 'different' })
        .expect(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const second = await as(alice)
        .post(`/api/applications/${id}/submit`)
        .set('Idempotency-Key', randomUUID())
        .expect(409);
      expect(second.body.error.code).toBe('WRONG_STATE');
      await as(alice).patch(`/api/applications/${id}`).send({ facts: fridge() }).expect(409);
      const detail = await as(alice).get(`/api/applications/${id}`).expect(200);
      expect(detail.body.timeline.map((e: { status: string }) => e.status)).toEqual(['draft', 'submitted']);
    });

    it('the same invoice number in a second claim → 409 DUPLICATE_CLAIM on that fact', async () => {
      const [carol, dave] = [await createResident(t, 3), await createResident(t, 4)];
      const facts = fridge();
      const first = await ready(carol, facts);
      await as(carol)
        .post(`/api/applications/${first}/submit`)
        .set('Idempotency-Key', randomUUID())
        .expect(200);
      const copy = await ready(dave, { ...facts, item: { ...facts.item, serialNo: 'SN-OTHER-1' } });
      const res = await as(dave)
        .post(`/api/applications/${copy}/submit`)
        .set('Idempotency-Key', randomUUID())
        .expect(409);
      expect(res.body.error.code).toBe('DUPLICATE_CLAIM');
      expect(res.body.error.fields).toEqual({ 'facts.item.invoiceNo': 'DUPLICATE_CLAIM' });
    });

    it('outside the window → 409 PROGRAM_CLOSED', async () => {
      clock.set(new Date('2026-12-31T15:50:00Z')); // 23:50 on 31 December in Shanghai
      const late = await createResident(t, 5);
      const id = await ready(late);
      clock.set(new Date('2026-12-31T16:10:00Z')); // 00:10 on 1 January in Shanghai: the window has closed
      try {
        const res = await as(late)
          .post(`/api/applications/${id}/submit`)
          .set('Idempotency-Key', randomUUID())
          .expect(409);
        expect(res.body.error.code).toBe('PROGRAM_CLOSED');
      } finally {
        clock.set(new Date('2026-05-01T02:00:00Z'));
      }
    });

    it('withdrawing a submitted claim releases its reservation', async () => {
      const id = await ready(bob, fridge({ category: 'washing_machine' }));
      await as(bob).post(`/api/applications/${id}/submit`).set('Idempotency-Key', randomUUID()).expect(200);
      const before = await budget();
      const res = await as(bob).post(`/api/applications/${id}/withdraw`).expect(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', reservedFen: 0 });
      const after = await budget();
      expect(before.reservedFen - after.reservedFen).toBe(75_000);
      await as(bob).post(`/api/applications/${id}/withdraw`).expect(409);
    });
  });

  describe('budget control (admin)', () => {
    it('refuses to lower the total below what is reserved (409) and applies a raise, audited', async () => {
      const admin = await signInStaff(t, 'admin1');
      const applicant = await createResident(t, 6);
      const id = await ready(applicant, fridge({ category: 'television' }));
      await as(applicant)
        .post(`/api/applications/${id}/submit`)
        .set('Idempotency-Key', randomUUID())
        .expect(200);
      const current = await budget();
      expect(current.reservedFen).toBeGreaterThanOrEqual(75_000);
      const below = await request(t.server)
        .patch('/api/admin/programs/appliance-2026')
        .set('Cookie', admin.cookie)
        .send({ budgetTotalFen: current.reservedFen - 1 })
        .expect(409);
      expect(below.body.error.code).toBe('BUDGET_BELOW_RESERVED');
      const raised = await request(t.server)
        .patch('/api/admin/programs/appliance-2026')
        .set('Cookie', admin.cookie)
        .send({ budgetTotalFen: current.totalFen + 1_000_000 })
        .expect(200);
      expect(raised.body.budget.totalFen).toBe(current.totalFen + 1_000_000);
      expect((await budget()).remainingFen).toBe(current.remainingFen + 1_000_000);
      const audit = (await db.query(
        `SELECT detail FROM audit_log WHERE action = 'program.budget_changed' ORDER BY seq DESC LIMIT 1`,
      )) as { detail: { to: number } }[];
      expect(audit[0]!.detail.to).toBe(current.totalFen + 1_000_000);
      await request(t.server)
        .patch('/api/admin/programs/appliance-2026')
        .set('Cookie', alice.cookie)
        .send({ budgetTotalFen: 1 })
        .expect(403);
    });
  });
});
