import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from '@huanxin/shared';
import { getDataSourceToken } from '@nestjs/typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationEntity } from '../src/applications/application.entity';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { createResident, type Resident } from './utils/residents';
import { raiseBudget } from './utils/budget';
import { createTestApp, type TestApp } from './utils/test-app';

const PROGRAM = 'digital-2026';
let serial = 0;
/** The shared eligible digital-2026 phone at `priceFen` (15 % of it), numbers of its own. */
function phone(priceFen = 300_000) {
  serial += 1;
  return eligibleClaim('digital', {
    'item.priceFen': priceFen,
    'item.invoiceNo': `2637${String(600_000 + serial).padStart(16, '0')}`,
    'item.invoiceDate': '2026-04-02',
    'item.serialNo': `LIFE-SN-${serial}`,
  }).facts;
}
type Figures = Record<'total' | 'reserved' | 'committed' | 'paid' | 'remaining', number>;
type Ledger = Record<'reserve' | 'release' | 'commit' | 'pay', number>;
/** Every move but submission (which goes through HTTP, with its amount). */
type StaffMove = Exclude<ApplicationStatus, 'submitted'>;

/**
 * Every budget effect of the claim state machine against the real database (the review and payment
 * routes come later, so the reviewer's and finance's moves go through ApplicationStateService, the
 * one writer they will use): after each move the budget balances
 * (`total = remaining + reserved + committed + paid`) and each bucket equals what the ledger says.
 */
describe('claim lifecycle: budget effects and the ledger', () => {
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;
  let programId: string;
  let nextResident = 6000;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    clock = useFakeClock(t.app, new Date('2026-05-04T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
    programId = await raiseBudget(t, PROGRAM, 10_000_000);
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  async function figures(): Promise<Figures> {
    const [row] = (await db.query(
      `SELECT total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen FROM budget WHERE program_id = $1`,
      [programId],
    )) as Record<string, string>[];
    return {
      total: Number(row!.total_fen),
      reserved: Number(row!.reserved_fen),
      committed: Number(row!.committed_fen),
      paid: Number(row!.paid_fen),
      remaining: Number(row!.remaining_fen),
    };
  }

  async function ledger(subjectId?: string): Promise<Ledger> {
    const rows = (await db.query(
      `SELECT entry, coalesce(sum(amount_fen), 0)::bigint AS total FROM budget_ledger
        WHERE program_id = $1 AND ($2::uuid IS NULL OR subject_id = $2::uuid) GROUP BY entry`,
      [programId, subjectId ?? null],
    )) as { entry: string; total: string }[];
    const of = (entry: string) => Number(rows.find((r) => r.entry === entry)?.total ?? 0);
    return { reserve: of('reserve'), release: of('release'), commit: of('commit'), pay: of('pay') };
  }

  /** The budget balances and every bucket is what the ledger moved into it. */
  async function expectBooksBalanced(): Promise<Figures> {
    const now = await figures();
    const moved = await ledger();
    expect(now.remaining).toBeGreaterThanOrEqual(0);
    expect(now.total).toBe(now.remaining + now.reserved + now.committed + now.paid);
    expect({ reserved: now.reserved, committed: now.committed, paid: now.paid }).toEqual({
      reserved: moved.reserve - moved.release - moved.commit,
      committed: moved.commit - moved.pay,
      paid: moved.pay,
    });
    return now;
  }

  async function submittedClaim(priceFen?: number): Promise<{ resident: Resident; id: string }> {
    nextResident += 1;
    const resident = await createResident(t, nextResident);
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', resident.cookie)
      .send({ programCode: PROGRAM, facts: phone(priceFen) })
      .expect(201);
    const id = res.body.id as string;
    for (const kind of ['invoice', 'serial_number_photo']) {
      await db.query(
        `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, uploaded_by) VALUES ($1, $2, 'application/pdf', 10, $3, $4, $5)`,
        [id, kind, randomUUID().replace(/-/g, ''), randomUUID(), resident.id],
      );
    }
    await submit(resident, id);
    return { resident, id };
  }

  function submit(resident: Resident, id: string, expected = 200) {
    return request(t.server)
      .post(`/api/applications/${id}/submit`)
      .set('Cookie', resident.cookie)
      .set('Idempotency-Key', randomUUID())
      .expect(expected);
  }

  /** A staff or system move through the one writer, as the review and payment services will do it. */
  async function move(id: string, to: StaffMove): Promise<void> {
    await db.transaction(async (manager) => {
      const application = await manager
        .getRepository(ApplicationEntity)
        .findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      await t.app.get(ApplicationStateService).move(manager, application, { to, actorId: null });
    });
  }

  async function toReview(id: string): Promise<void> {
    await move(id, 'checking');
    await move(id, 'in_review');
  }

  const reservedOf = async (id: string) =>
    Number(
      (
        (await db.query(`SELECT reserved_fen FROM application WHERE id = $1`, [id])) as {
          reserved_fen: string;
        }[]
      )[0]!.reserved_fen,
    );

  it('submission reserves the amount, with its ledger row', async () => {
    const before = await expectBooksBalanced();
    const { id } = await submittedClaim();
    const after = await expectBooksBalanced();
    expect(after.reserved - before.reserved).toBe(45_000);
    expect(before.remaining - after.remaining).toBe(45_000);
    expect(await ledger(id)).toEqual({ reserve: 45_000, release: 0, commit: 0, pay: 0 });
  });

  it('approval commits the reservation (reserved → committed) and payment pays it (committed → paid)', async () => {
    const { id } = await submittedClaim();
    await toReview(id);
    const inReview = await expectBooksBalanced();

    await move(id, 'approved');
    const approved = await expectBooksBalanced();
    expect(approved.reserved - inReview.reserved).toBe(-45_000);
    expect(approved.committed - inReview.committed).toBe(45_000);
    expect(approved.remaining).toBe(inReview.remaining);
    expect(await ledger(id)).toEqual({ reserve: 45_000, release: 0, commit: 45_000, pay: 0 });

    await move(id, 'paid');
    const paid = await expectBooksBalanced();
    expect(paid.committed - approved.committed).toBe(-45_000);
    expect(paid.paid - approved.paid).toBe(45_000);
    expect(paid.remaining).toBe(inReview.remaining);
    expect(await ledger(id)).toEqual({ reserve: 45_000, release: 0, commit: 45_000, pay: 45_000 });
    // The claim still shows the amount it was granted.
    expect(await reservedOf(id)).toBe(45_000);
  });

  it.each<[string, StaffMove[], StaffMove]>([
    ['rejected in review', ['checking', 'in_review'], 'rejected'],
    ['withdrawn while submitted', [], 'withdrawn'],
    ['withdrawn in review', ['checking', 'in_review'], 'withdrawn'],
    ['expired after being returned', ['checking', 'in_review', 'returned'], 'expired'],
  ])('%s: the reservation goes back to the budget', async (_name, path, end) => {
    const { id } = await submittedClaim();
    for (const to of path) await move(id, to);
    const before = await expectBooksBalanced();
    await move(id, end);
    const after = await expectBooksBalanced();
    expect(after.reserved - before.reserved).toBe(-45_000);
    expect(after.remaining - before.remaining).toBe(45_000);
    expect(await ledger(id)).toEqual({ reserve: 45_000, release: 45_000, commit: 0, pay: 0 });
    expect(await reservedOf(id)).toBe(0);
    const keys = (await db.query(`SELECT count(*)::int AS n FROM claim_key WHERE application_id = $1`, [
      id,
    ])) as {
      n: number;
    }[];
    expect(keys[0]!.n).toBe(0);
  });

  it('returning keeps the reservation', async () => {
    const { id } = await submittedClaim();
    await toReview(id);
    const before = await expectBooksBalanced();
    await move(id, 'returned');
    expect(await expectBooksBalanced()).toEqual(before);
    expect(await reservedOf(id)).toBe(45_000);
  });

  it.each([
    ['lower', 200_000, 30_000, { reserve: 45_000, release: 15_000, commit: 0, pay: 0 }],
    ['higher', 330_000, 49_500, { reserve: 49_500, release: 0, commit: 0, pay: 0 }],
  ])(
    'returned → resubmitted with a %s amount re-prices the reservation',
    async (_name, priceFen, amountFen, expectedLedger) => {
      const { resident, id } = await submittedClaim();
      await toReview(id);
      await move(id, 'returned');
      const before = await expectBooksBalanced();
      await request(t.server)
        .patch(`/api/applications/${id}`)
        .set('Cookie', resident.cookie)
        .send({ facts: phone(priceFen) })
        .expect(200);
      const res = await submit(resident, id);
      expect(res.body).toEqual({ id, status: 'submitted', reservedFen: amountFen });
      const after = await expectBooksBalanced();
      expect(after.reserved - before.reserved).toBe(amountFen - 45_000);
      expect(await reservedOf(id)).toBe(amountFen);
      expect(await ledger(id)).toEqual(expectedLedger);
      // …and the re-priced claim commits its new amount.
      await toReview(id);
      await move(id, 'approved');
      await expectBooksBalanced();
      expect((await ledger(id)).commit).toBe(amountFen);
    },
  );

  it('a draft withdrawn moves no money', async () => {
    nextResident += 1;
    const resident = await createResident(t, nextResident);
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', resident.cookie)
      .send({ programCode: PROGRAM, facts: phone() })
      .expect(201);
    const before = await expectBooksBalanced();
    await move(res.body.id as string, 'withdrawn');
    expect(await expectBooksBalanced()).toEqual(before);
    expect(await ledger(res.body.id as string)).toEqual({ reserve: 0, release: 0, commit: 0, pay: 0 });
  });
});
