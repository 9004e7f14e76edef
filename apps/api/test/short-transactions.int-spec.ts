import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource, QueryRunner } from 'typeorm';
import { ChecksRepository } from '../src/applications/checks.repository';
import { ChecksService } from '../src/applications/checks.service';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { createResident, PDF_BYTES, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

const DEALER_USCC = '91370114MA3C5T8X1Q';
const APPLIANCE_DOCS = ['invoice', 'energy_label_photo', 'serial_number_photo'];
/** Resident indexes 9951–9999 are this suite's (see residents.ts). */
const FIRST_RESIDENT = 9951;
let serial = 0;

function fridge() {
  serial += 1;
  return {
    item: {
      category: 'refrigerator',
      efficiencyGrade: 1,
      priceFen: 500_000,
      invoiceNo: `2642${String(serial).padStart(16, '0')}`,
      invoiceDate: '2026-04-20',
      serialNo: `SN-SHORT-TX-${serial}`,
      dealerUscc: DEALER_USCC,
    },
    oldItem: { handedIn: true },
  };
}

/**
 * Issue 10, short transactions: the submit locks the program's budget row with its LAST statement
 * (the guarded UPDATE and its ledger row in one round trip, then COMMIT), and the check job
 * computes its signals with no transaction open and no claim or budget row locked.
 */
describe('short transactions (real database)', () => {
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;
  let resident = FIRST_RESIDENT;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  async function readyClaim(): Promise<{ owner: Resident; id: string }> {
    const owner = await createResident(t, resident++);
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', owner.cookie)
      .send({ programCode: 'appliance-2026', facts: fridge() })
      .expect(201);
    const id = res.body.id as string;
    for (const kind of APPLIANCE_DOCS)
      await request(t.server)
        .post(`/api/applications/${id}/documents`)
        .set('Cookie', owner.cookie)
        .field('kind', kind)
        .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(`${id}-${kind}`)]), 'doc.pdf')
        .expect(201);
    return { owner, id };
  }

  // Each resident from a browser of their own: other suites' submits share 127.0.0.1 and the
  // default agent, which would raise SAME_DEVICE_PATTERN here.
  const submit = (claim: { owner: Resident; id: string }) =>
    request(t.server)
      .post(`/api/applications/${claim.id}/submit`)
      .set('Cookie', claim.owner.cookie)
      .set('User-Agent', `short-transactions resident ${claim.owner.id}`)
      .set('Idempotency-Key', randomUUID());

  /** Every statement each query runner sends while `work` runs, in order, by runner. */
  async function statementsDuring(work: () => Promise<unknown>): Promise<string[][]> {
    const probe = db.createQueryRunner();
    const prototype = Object.getPrototypeOf(probe) as QueryRunner;
    await probe.release();
    const spy = jest.spyOn(prototype, 'query');
    let calls: unknown[][];
    let contexts: unknown[];
    try {
      await work();
    } finally {
      // Read before restoring: mockRestore clears what the spy recorded.
      calls = [...spy.mock.calls];
      contexts = [...spy.mock.contexts];
      spy.mockRestore();
    }
    const byRunner = new Map<unknown, string[]>();
    calls.forEach((call, i) => {
      const runner = contexts[i];
      byRunner.set(runner, [...(byRunner.get(runner) ?? []), String(call[0])]);
    });
    return [...byRunner.values()];
  }

  const touchesBudgetRow = (sql: string) => /\bbudget\b(?!_)/.test(sql);

  it('a submit locks the budget row with its last statement: one UPDATE + ledger row, then COMMIT', async () => {
    const claim = await readyClaim();
    const runs = await statementsDuring(() => submit(claim).expect(200));
    const submitTx = runs.find((sql) => sql.some((s) => s.includes('INSERT INTO idempotency_key')));
    expect(submitTx).toBeDefined();
    const tx = submitTx!;
    expect(tx[0]).toBe('START TRANSACTION');
    expect(tx.at(-1)).toBe('COMMIT');
    // The reservation is the one statement that touches the budget row, right before COMMIT…
    const budgetStatements = tx.filter(touchesBudgetRow);
    expect(budgetStatements).toHaveLength(1);
    expect(tx.at(-2)).toBe(budgetStatements[0]);
    expect(tx.at(-2)).toMatch(/UPDATE budget SET remaining_fen = remaining_fen - /);
    // …and writes its ledger row in the same round trip.
    expect(tx.at(-2)).toMatch(/INSERT INTO budget_ledger/);
    expect(tx.filter((s) => s.includes('budget_ledger'))).toHaveLength(1);
    // Everything else of the submit came first: the claim's status, timeline, audit, its one
    // outbox row (the check job, which also sends the submission's notice) and the stored
    // idempotency answer.
    const before = tx.slice(0, -2).join('\n');
    for (const part of [
      /UPDATE application SET status/,
      /INSERT INTO application_event/,
      /INSERT INTO audit_log/,
      /INSERT INTO outbox/,
      /UPDATE idempotency_key SET response_status/,
    ])
      expect(before).toMatch(part);
    expect(tx.slice(0, -2).filter((s) => s.includes('INSERT INTO outbox'))).toHaveLength(1);
    expect(
      await db.query(`SELECT job_name FROM outbox WHERE payload->>'applicationId' = $1`, [claim.id]),
    ).toEqual([{ job_name: 'applications.check' }]);
    // The round trips counted in submission.service.ts (a claim with two claim keys): keep in step.
    expect(tx).toHaveLength(16);

    const [held] = (await db.query(
      `SELECT a.status, a.reserved_fen, (SELECT count(*)::int FROM budget_ledger l WHERE l.subject_id = a.id AND l.entry = 'reserve') AS reserves
         FROM application a WHERE a.id = $1`,
      [claim.id],
    )) as { status: string; reserved_fen: string; reserves: number }[];
    expect(held).toEqual({ status: 'submitted', reserved_fen: '75000', reserves: 1 });
  });

  it('a refused reservation (budget used up) leaves nothing behind: no status, event, outbox row or stored answer', async () => {
    const claim = await readyClaim();
    const programId = `(SELECT id FROM program WHERE code = 'appliance-2026')`;
    const [budget] = (await db.query(`SELECT remaining_fen FROM budget WHERE program_id = ${programId}`)) as {
      remaining_fen: string;
    }[];
    const remaining = Number(budget!.remaining_fen);
    // Leave less than one claim's amount: move the rest to `reserved` of a pretend claim and back.
    const parked = remaining - 1000;
    await db.query(
      `UPDATE budget SET remaining_fen = remaining_fen - $1, reserved_fen = reserved_fen + $1 WHERE program_id = ${programId}`,
      [parked],
    );
    try {
      const key = randomUUID();
      const res = await request(t.server)
        .post(`/api/applications/${claim.id}/submit`)
        .set('Cookie', claim.owner.cookie)
        .set('Idempotency-Key', key)
        .expect(409);
      expect(res.body.error.code).toBe('BUDGET_EXHAUSTED');
      const [row] = (await db.query(
        `SELECT a.status,
                (SELECT count(*)::int FROM application_event e WHERE e.application_id = a.id) AS events,
                (SELECT count(*)::int FROM outbox o WHERE o.payload->>'applicationId' = a.id::text) AS outbox,
                (SELECT count(*)::int FROM idempotency_key k WHERE k.key = $2) AS keys
           FROM application a WHERE a.id = $1`,
        [claim.id, key],
      )) as { status: string; events: number; outbox: number; keys: number }[];
      expect(row).toEqual({ status: 'draft', events: 1, outbox: 0, keys: 0 });
    } finally {
      await db.query(
        `UPDATE budget SET remaining_fen = remaining_fen + $1, reserved_fen = reserved_fen - $1 WHERE program_id = ${programId}`,
        [parked],
      );
    }
  });

  /** Tries to lock the claim's row and its budget row from another connection, without waiting. */
  async function lockableNow(applicationId: string): Promise<{ claim: boolean; budget: boolean }> {
    const runner = db.createQueryRunner();
    await runner.connect();
    const attempt = async (sql: string) => {
      await runner.startTransaction();
      try {
        await runner.query(sql, [applicationId]);
        return true;
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code === '55P03') return false;
        throw error;
      } finally {
        await runner.rollbackTransaction();
      }
    };
    try {
      return {
        claim: await attempt(`SELECT 1 FROM application WHERE id = $1 FOR UPDATE NOWAIT`),
        budget: await attempt(
          `SELECT 1 FROM budget WHERE program_id = (SELECT program_id FROM application WHERE id = $1) FOR UPDATE NOWAIT`,
        ),
      };
    } finally {
      await runner.release();
    }
  }

  it('the probe sees a held lock (control for the next test)', async () => {
    const claim = await readyClaim();
    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT 1 FROM application WHERE id = $1 FOR UPDATE`, [claim.id]);
      expect(await lockableNow(claim.id)).toEqual({ claim: false, budget: true });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('the check job runs its signals with no transaction open: claim and budget rows stay free, then one short transaction moves it', async () => {
    const claim = await readyClaim();
    await submit(claim).expect(200);
    const checks = t.app.get(ChecksRepository);
    const seen: { claim: boolean; budget: boolean }[] = [];
    const original = checks.applicantsSharingBankAccount.bind(checks);
    const spy = jest.spyOn(checks, 'applicantsSharingBankAccount').mockImplementation(async (manager, id) => {
      seen.push(await lockableNow(claim.id));
      expect(manager.queryRunner?.isTransactionActive ?? false).toBe(false);
      return original(manager, id);
    });
    let result: { moved: boolean; flags: string[] };
    try {
      const runs = await statementsDuring(async () => {
        result = await t.app.get(ChecksService).check(claim.id);
      });
      // The transaction holds only the lock, the two moves and COMMIT: no signal query inside it.
      const tx = runs.find((sql) => sql[0] === 'START TRANSACTION' && sql.some((s) => /FOR UPDATE/.test(s)));
      expect(tx).toBeDefined();
      expect(tx!.join('\n')).not.toMatch(/bank_account_bidx|application_document|submit_device =/);
      // START, the row lock, two moves of two statements each (status + event + outbox; audit), COMMIT.
      expect(tx).toHaveLength(6);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual([{ claim: true, budget: true }]);
    expect(result!).toEqual({ moved: true, flags: [] });
    const events = (await db.query(
      `SELECT to_status FROM application_event WHERE application_id = $1 ORDER BY at, seq`,
      [claim.id],
    )) as { to_status: string }[];
    expect(events.map((e) => e.to_status)).toEqual(['draft', 'submitted', 'checking', 'in_review']);
  });

  it('a claim withdrawn while its signals run is left as it is: the transaction re-checks the status', async () => {
    const claim = await readyClaim();
    await submit(claim).expect(200);
    const checks = t.app.get(ChecksRepository);
    const original = checks.applicantsSharingBankAccount.bind(checks);
    const spy = jest.spyOn(checks, 'applicantsSharingBankAccount').mockImplementation(async (manager, id) => {
      await request(t.server)
        .post(`/api/applications/${claim.id}/withdraw`)
        .set('Cookie', claim.owner.cookie)
        .expect(200);
      return original(manager, id);
    });
    try {
      expect(await t.app.get(ChecksService).check(claim.id)).toEqual({ moved: false, flags: [] });
    } finally {
      spy.mockRestore();
    }
    const [row] = (await db.query(`SELECT status, reserved_fen FROM application WHERE id = $1`, [
      claim.id,
    ])) as { status: string; reserved_fen: string }[];
    expect(row).toEqual({ status: 'withdrawn', reserved_fen: '0' });
    expect(
      await db.query(`SELECT 1 FROM application_flag WHERE application_id = $1`, [claim.id]),
    ).toHaveLength(0);
  });
});
