import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource, QueryRunner } from 'typeorm';
import { GenericPlanReads } from '../src/database/generic-plan-reads';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { sleep } from './utils/raw-http';
import { createResident, PDF_BYTES, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

const DEALER_USCC = '91370114MA3C5T8X1Q';
const APPLIANCE_DOCS = ['invoice', 'energy_label_photo', 'serial_number_photo'];
/** Resident indexes 9301–9399 are this suite's (see residents.ts). */
const FIRST_RESIDENT = 9301;
let invoiceCounter = 0;

function fridge() {
  invoiceCounter += 1;
  return {
    item: {
      category: 'refrigerator',
      efficiencyGrade: 1,
      priceFen: 500_000,
      invoiceNo: `2638${String(invoiceCounter).padStart(16, '0')}`,
      invoiceDate: '2026-04-20',
      serialNo: `SN-ADMISSION-${invoiceCounter}`,
      dealerUscc: DEALER_USCC,
    },
    oldItem: { handedIn: true },
  };
}

async function readyClaim(t: TestApp, resident: Resident): Promise<string> {
  const res = await request(t.server)
    .post('/api/applications')
    .set('Cookie', resident.cookie)
    .send({ programCode: 'appliance-2026', facts: fridge() })
    .expect(201);
  const id = res.body.id as string;
  for (const kind of APPLIANCE_DOCS)
    await request(t.server)
      .post(`/api/applications/${id}/documents`)
      .set('Cookie', resident.cookie)
      .field('kind', kind)
      .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(`${id}-${kind}`)]), 'doc.pdf')
      .expect(201);
  return id;
}

async function waitFor(check: () => Promise<boolean>, limitMs = 5000): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > limitMs) throw new Error('condition not reached');
    await sleep(20);
  }
}

describe('admission control (real database)', () => {
  describe('submits: SUBMIT_MAX_IN_FLIGHT=1, no queue', () => {
    let t: TestApp;
    let clock: FakeClock;
    let db: DataSource;

    beforeAll(async () => {
      t = await createTestApp({
        WRITE_LIMIT_PER_MINUTE: '100000',
        SUBMIT_MAX_IN_FLIGHT: '1',
        SUBMIT_QUEUE_LENGTH: '0',
      });
      clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
      db = t.app.get<DataSource>(getDataSourceToken());
    });
    afterAll(async () => {
      clock.restore();
      await t.close();
    });

    it('while one submit is held on the budget row, others get a fast 503 with Retry-After; their retries with the same key succeed exactly once', async () => {
      const residents = await Promise.all(
        Array.from({ length: 6 }, (_, i) => createResident(t, FIRST_RESIDENT + i)),
      );
      const claims: { resident: Resident; id: string; key: string }[] = [];
      for (const resident of residents)
        claims.push({ resident, id: await readyClaim(t, resident), key: randomUUID() });
      const submit = (claim: (typeof claims)[number]) =>
        request(t.server)
          .post(`/api/applications/${claim.id}/submit`)
          .set('Cookie', claim.resident.cookie)
          .set('Idempotency-Key', claim.key);
      const [held, ...others] = claims;

      // A test transaction holds the appliance budget row: the first submit waits on it, in flight.
      const lock: QueryRunner = db.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      await lock.query(
        `SELECT 1 FROM budget WHERE program_id = (SELECT id FROM program WHERE code = 'appliance-2026') FOR UPDATE`,
      );
      let heldAnswer: Promise<request.Response> | undefined;
      try {
        heldAnswer = submit(held!).then((res) => res);
        await waitFor(async () => {
          const [row] = (await db.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')`,
          )) as { n: number }[];
          return row!.n > 0;
        });

        const started = performance.now();
        const refused = await Promise.all(others.map(submit));
        const elapsed = performance.now() - started;
        for (const res of refused) {
          expect(res.status).toBe(503);
          expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
        // Fast: refused at the door, not after waiting for the lock or a connection.
        expect(elapsed).toBeLessThan(1000);
      } finally {
        await lock.commitTransaction();
        await lock.release();
      }
      expect((await heldAnswer!).status).toBe(200);

      // The same keys again: each claim is submitted once, and a second retry gets the same answer.
      for (const claim of others) {
        const first = await submit(claim).expect(200);
        expect(first.body).toEqual({ id: claim.id, status: 'submitted', reservedFen: 75_000 });
        expect((await submit(claim).expect(200)).body).toEqual(first.body);
      }

      const ledger = (await db.query(
        `SELECT subject_id, count(*)::int AS n FROM budget_ledger WHERE entry = 'reserve' AND subject_id = ANY($1) GROUP BY subject_id`,
        [claims.map((claim) => claim.id)],
      )) as { subject_id: string; n: number }[];
      expect(ledger).toHaveLength(claims.length);
      expect(ledger.every((row) => row.n === 1)).toBe(true);
      const statuses = (await db.query(`SELECT status, reserved_fen FROM application WHERE id = ANY($1)`, [
        claims.map((claim) => claim.id),
      ])) as { status: string; reserved_fen: string }[];
      expect(statuses.every((row) => row.status === 'submitted' && Number(row.reserved_fen) === 75_000)).toBe(
        true,
      );
      const [budget] = (await db.query(
        `SELECT total_fen, remaining_fen, reserved_fen, committed_fen, paid_fen FROM budget
          WHERE program_id = (SELECT id FROM program WHERE code = 'appliance-2026')`,
      )) as Record<string, string>[];
      const n = (key: string) => Number(budget![key]);
      expect(n('remaining_fen')).toBeGreaterThanOrEqual(0);
      expect(n('total_fen')).toBe(
        n('remaining_fen') + n('reserved_fen') + n('committed_fen') + n('paid_fen'),
      );
    });
  });

  describe('submits: refused at the door while the gate is full (SUBMIT_MAX_IN_FLIGHT=1, no queue)', () => {
    let t: TestApp;
    let clock: FakeClock;
    let db: DataSource;

    beforeAll(async () => {
      t = await createTestApp({
        WRITE_LIMIT_PER_MINUTE: '100000',
        SUBMIT_MAX_IN_FLIGHT: '1',
        SUBMIT_QUEUE_LENGTH: '0',
      });
      clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
      db = t.app.get<DataSource>(getDataSourceToken());
    });
    afterAll(async () => {
      clock.restore();
      await t.close();
    });

    it('a submit is refused before its body is parsed and before its session is looked up; other routes and, once free, the same requests are answered as usual', async () => {
      const resident = await createResident(t, FIRST_RESIDENT + 30);
      const id = await readyClaim(t, resident);
      const other = await readyClaim(t, resident);
      const lock: QueryRunner = db.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      await lock.query(
        `SELECT 1 FROM budget WHERE program_id = (SELECT id FROM program WHERE code = 'appliance-2026') FOR UPDATE`,
      );
      const badBody = () =>
        request(t.server)
          .post(`/api/applications/${other}/submit`)
          .set('Cookie', resident.cookie)
          .set('Idempotency-Key', randomUUID())
          .set('Content-Type', 'application/json')
          .send('{"not json');
      const anonymous = () =>
        request(t.server).post(`/api/applications/${other}/submit`).set('Idempotency-Key', randomUUID());
      let held: Promise<request.Response> | undefined;
      try {
        held = request(t.server)
          .post(`/api/applications/${id}/submit`)
          .set('Cookie', resident.cookie)
          .set('Idempotency-Key', randomUUID())
          .then((res) => res);
        await waitFor(async () => {
          const [row] = (await db.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')`,
          )) as { n: number }[];
          return row!.n > 0;
        });
        // Unparseable JSON would be a 400 and no session a 401: both are refused first, 503.
        for (const res of [await badBody(), await anonymous()]) {
          expect(res.status).toBe(503);
          expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          expect(res.headers['cache-control']).toBe('no-store');
        }
        // Only the submit route is metered.
        await request(t.server).get('/api/applications').set('Cookie', resident.cookie).expect(200);
      } finally {
        await lock.commitTransaction();
        await lock.release();
      }
      expect((await held!).status).toBe(200);
      // The gate is free again: the same requests get their ordinary answers.
      expect((await badBody()).status).toBe(400);
      expect((await anonymous()).status).toBe(401);
    });
  });

  describe('submits: a queue of 1 with a 300 ms wait', () => {
    let t: TestApp;
    let clock: FakeClock;
    let db: DataSource;

    beforeAll(async () => {
      t = await createTestApp({
        WRITE_LIMIT_PER_MINUTE: '100000',
        SUBMIT_MAX_IN_FLIGHT: '1',
        SUBMIT_QUEUE_LENGTH: '1',
        SUBMIT_QUEUE_TIMEOUT_MS: '300',
      });
      clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
      db = t.app.get<DataSource>(getDataSourceToken());
    });
    afterAll(async () => {
      clock.restore();
      await t.close();
    });

    it('a queued submit is refused after its wait; one over the queue at once', async () => {
      const residents = await Promise.all(
        Array.from({ length: 3 }, (_, i) => createResident(t, FIRST_RESIDENT + 10 + i)),
      );
      const claims: { resident: Resident; id: string }[] = [];
      for (const resident of residents) claims.push({ resident, id: await readyClaim(t, resident) });
      const submit = (claim: (typeof claims)[number]) =>
        request(t.server)
          .post(`/api/applications/${claim.id}/submit`)
          .set('Cookie', claim.resident.cookie)
          .set('Idempotency-Key', randomUUID());
      const lock = db.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      await lock.query(
        `SELECT 1 FROM budget WHERE program_id = (SELECT id FROM program WHERE code = 'appliance-2026') FOR UPDATE`,
      );
      try {
        const held = submit(claims[0]!).then((res) => res);
        await waitFor(async () => {
          const [row] = (await db.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')`,
          )) as { n: number }[];
          return row!.n > 0;
        });
        const timed = (claim: (typeof claims)[number]) => {
          const started = performance.now();
          return submit(claim).then((res) => ({ res, ms: performance.now() - started }));
        };
        const queued = timed(claims[1]!);
        await sleep(50);
        const over = await timed(claims[2]!);
        expect(over.res.status).toBe(503);
        expect(over.ms).toBeLessThan(250);
        const waited = await queued;
        expect(waited.res.status).toBe(503);
        expect(waited.res.headers['retry-after']).toBeDefined();
        expect(waited.ms).toBeGreaterThanOrEqual(250);
        await lock.commitTransaction();
        expect((await held).status).toBe(200);
      } finally {
        if (lock.isTransactionActive) await lock.rollbackTransaction();
        await lock.release();
      }
    });
  });

  describe('voucher issues share the submit gate (SUBMIT_MAX_IN_FLIGHT=1, no queue)', () => {
    let t: TestApp;
    let clock: FakeClock;
    let db: DataSource;
    /** Resident indexes 10900–10909 (the redemption suite's range, h-redeem). */
    const VOUCHER_RESIDENT = 10_900;

    beforeAll(async () => {
      t = await createTestApp({
        WRITE_LIMIT_PER_MINUTE: '100000',
        SUBMIT_MAX_IN_FLIGHT: '1',
        SUBMIT_QUEUE_LENGTH: '0',
      });
      clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
      db = t.app.get<DataSource>(getDataSourceToken());
    });
    afterAll(async () => {
      // Give back what the vouchers reserved (no other suite may find them live).
      const live = (await db.query(
        `SELECT v.id, v.holder_id FROM voucher v WHERE v.status = 'issued' AND v.holder_id IN
           (SELECT user_id FROM resident_profile WHERE user_id = ANY($1::uuid[]))`,
        [holders],
      )) as { id: string; holder_id: string }[];
      for (const voucher of live)
        await request(t.server)
          .post(`/api/vouchers/${voucher.id}/cancel`)
          .set('Cookie', cookies.get(voucher.holder_id)!)
          .expect(200);
      clock.restore();
      await t.close();
    });
    const holders: string[] = [];
    const cookies = new Map<string, string>();

    it('while a voucher issue is held on the budget row, other issues and submits get a fast 503 with Retry-After and write nothing; then they succeed', async () => {
      const residents = await Promise.all(
        Array.from({ length: 4 }, (_, i) => createResident(t, VOUCHER_RESIDENT + i)),
      );
      for (const resident of residents) {
        holders.push(resident.id);
        cookies.set(resident.id, resident.cookie);
      }
      const claimant = residents[3]!;
      const claim = await readyClaim(t, claimant);
      const take = (resident: Resident, key = randomUUID()) =>
        request(t.server)
          .post('/api/vouchers')
          .set('Cookie', resident.cookie)
          .set('Idempotency-Key', key)
          .send({ programCode: 'appliance-2026', category: 'television' });
      const submit = () =>
        request(t.server)
          .post(`/api/applications/${claim}/submit`)
          .set('Cookie', claimant.cookie)
          .set('Idempotency-Key', randomUUID());
      const vouchersOf = async (ids: string[]) =>
        (
          (await db.query(`SELECT count(*)::int AS n FROM voucher WHERE holder_id = ANY($1::uuid[])`, [
            ids,
          ])) as {
            n: number;
          }[]
        )[0]!.n;

      const lock: QueryRunner = db.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      await lock.query(
        `SELECT 1 FROM budget WHERE program_id = (SELECT id FROM program WHERE code = 'appliance-2026') FOR UPDATE`,
      );
      let held: Promise<request.Response> | undefined;
      const keys = [randomUUID(), randomUUID()];
      try {
        held = take(residents[0]!).then((res) => res);
        await waitFor(async () => {
          const [row] = (await db.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')`,
          )) as { n: number }[];
          return row!.n > 0;
        });
        const started = performance.now();
        const refused = await Promise.all([
          take(residents[1]!, keys[0]),
          take(residents[2]!, keys[1]),
          submit(),
        ]);
        expect(performance.now() - started).toBeLessThan(1000);
        for (const res of refused) {
          expect({ status: res.status, code: res.body.error?.code }).toEqual({
            status: 503,
            code: 'SERVICE_UNAVAILABLE',
          });
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
        expect(await vouchersOf([residents[1]!.id, residents[2]!.id])).toBe(0);
      } finally {
        await lock.commitTransaction();
        await lock.release();
      }
      expect((await held!).status).toBe(201);
      // Free again: the refused requests' retries (same keys) are answered as usual.
      await take(residents[1]!, keys[0]).expect(201);
      await take(residents[2]!, keys[1]).expect(201);
      expect(await vouchersOf(residents.slice(0, 3).map((r) => r.id))).toBe(3);
      const [status] = (await db.query(`SELECT status FROM application WHERE id = $1`, [claim])) as {
        status: string;
      }[];
      expect(status!.status).toBe('draft');
    });
  });

  describe('the database pools: DATABASE_POOL_SIZE=1, DATABASE_GENERIC_POOL_SIZE=1, DATABASE_POOL_TIMEOUT_MS=300', () => {
    const expectBusy = (res: request.Response, started: number) => {
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(2000);
    };

    it('a request that cannot get a connection in time gets 503 SERVICE_UNAVAILABLE with Retry-After, not a 500 or an endless wait', async () => {
      const t = await createTestApp({
        DATABASE_POOL_SIZE: '1',
        DATABASE_GENERIC_POOL_SIZE: '1',
        DATABASE_POOL_TIMEOUT_MS: '300',
      });
      try {
        const resident = await createResident(t, FIRST_RESIDENT + 20);
        const profile = () => request(t.server).get('/api/me/profile').set('Cookie', resident.cookie);
        const list = () => request(t.server).get('/api/applications').set('Cookie', resident.cookie);

        // The main pool's one connection held.
        const db = t.app.get<DataSource>(getDataSourceToken());
        const holder = db.createQueryRunner();
        await holder.connect();
        await holder.query('SELECT 1');
        let started = performance.now();
        try {
          expectBusy(await profile(), started);
        } finally {
          await holder.release();
        }
        await profile().expect(200);

        // The generic-plan pool's one connection held (the resident's list is read there).
        const sleeping = t.app
          .get(GenericPlanReads)
          .read({ name: 'admission_hold', text: 'SELECT pg_sleep(1.5)' }, []);
        started = performance.now();
        try {
          expectBusy(await list(), started);
        } finally {
          await sleeping;
        }
        await list().expect(200);
      } finally {
        await t.close();
      }
    });
  });
});
