import type { ProgramDefinition } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import { BudgetRepository } from '../src/budget/budget.repository';
import { PaymentsRepository } from '../src/payments/payments.repository';
import { PaymentsService } from '../src/payments/payments.service';
import { dataSourceOf, DEMO_USERS, secondAdmin, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';
import {
  createTestProgram,
  hideProgram,
  moveTo,
  staffId,
  submitProgramClaim,
  type ClaimPlace,
} from './utils/what-if';

/**
 * A retroactive publish (issue 15; operations.md §10, programs.md "Rules across programs") on the
 * suite's own program (`retro-digital-2026`, a copy of digital-2026) with claims in every status.
 * Version 2 pays 20 % instead of 15 %, caps at 450 instead of 500 yuan and refuses items above
 * 4,500 yuan. A retroactive version raises claims not yet paid and never lowers one: a claim the
 * new version pays less (or not at all) keeps its amount and version, and its timeline says so.
 * Residents 13600–13699.
 */
const CODE = 'retro-digital-2026';
const DOCUMENT_NO = '章商务〔2026〕追1号';

type Expect = { kind: 'raised'; toFen: number } | { kind: 'kept' } | { kind: 'untouched' };
const CLAIMS: { place: ClaimPlace; priceFen: number; fromFen: number; expect: Expect }[] = [
  { place: 'submitted', priceFen: 100_000, fromFen: 15_000, expect: { kind: 'raised', toFen: 20_000 } },
  { place: 'checking', priceFen: 200_000, fromFen: 30_000, expect: { kind: 'raised', toFen: 40_000 } },
  { place: 'in_review', priceFen: 150_000, fromFen: 22_500, expect: { kind: 'raised', toFen: 30_000 } },
  { place: 'in_review', priceFen: 400_000, fromFen: 50_000, expect: { kind: 'kept' } }, // 45,000 < 50,000
  { place: 'in_review', priceFen: 300_000, fromFen: 45_000, expect: { kind: 'untouched' } }, // 45,000 either way
  { place: 'returned', priceFen: 500_000, fromFen: 50_000, expect: { kind: 'kept' } }, // not eligible (> 4,500 yuan)
  { place: 'approved', priceFen: 210_000, fromFen: 31_500, expect: { kind: 'raised', toFen: 42_000 } },
  {
    place: 'approved-draft-batch',
    priceFen: 120_000,
    fromFen: 18_000,
    expect: { kind: 'raised', toFen: 24_000 },
  },
  { place: 'approved-released-batch', priceFen: 130_000, fromFen: 19_500, expect: { kind: 'untouched' } },
  { place: 'paid', priceFen: 140_000, fromFen: 21_000, expect: { kind: 'untouched' } },
  { place: 'rejected', priceFen: 160_000, fromFen: 0, expect: { kind: 'untouched' } },
  { place: 'withdrawn', priceFen: 170_000, fromFen: 0, expect: { kind: 'untouched' } },
  { place: 'expired', priceFen: 180_000, fromFen: 0, expect: { kind: 'untouched' } },
];
const RAISE_FEN = 5_000 + 10_000 + 7_500 + 10_500 + 6_000;

interface ClaimState {
  id: string;
  status: string;
  reserved_fen: string;
  program_version_id: string;
  evaluation: unknown;
  updated_at: Date;
}

describe('retroactive publish: claims not yet paid re-priced on the ledger', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let admin2: string;
  let programId: string;
  let v1Id: string;
  let v1: ProgramDefinition;
  const claims: { id: string; code: string; resident: Resident; batchId?: string; lineId?: string }[] = [];

  /** Everything the publish may touch, for the "nothing changed" comparison. */
  async function snapshot() {
    const q = (sql: string) => db.query(sql, [programId]);
    return {
      claims: (await q(
        `SELECT id, status, reserved_fen, program_version_id, evaluation, updated_at FROM application WHERE program_id = $1 ORDER BY id`,
      )) as ClaimState[],
      events: await q(
        `SELECT count(*)::int AS n FROM application_event e JOIN application a ON a.id = e.application_id WHERE a.program_id = $1`,
      ),
      ledger: await q(`SELECT count(*)::int AS n FROM budget_ledger WHERE program_id = $1`),
      budget: await q(
        `SELECT total_fen, remaining_fen, reserved_fen, committed_fen, paid_fen FROM budget WHERE program_id = $1`,
      ),
      reprices: await q(
        `SELECT count(*)::int AS n FROM application_reprice r JOIN application a ON a.id = r.application_id WHERE a.program_id = $1`,
      ),
      notices: await q(
        `SELECT count(*)::int AS n FROM notification n WHERE n.kind = 'application_repriced'
            AND n.user_id IN (SELECT applicant_id FROM application WHERE program_id = $1)`,
      ),
      lines: await q(
        `SELECT l.id, l.amount_fen, b.total_fen FROM payment_line l JOIN payment_batch b ON b.id = l.batch_id WHERE b.program_id = $1 ORDER BY l.id`,
      ),
      versions: await q(`SELECT version, status FROM program_version WHERE program_id = $1 ORDER BY version`),
      pointer: await q(`SELECT current_version_id FROM program WHERE id = $1`),
    };
  }

  async function setRemaining(remainingFen: number): Promise<void> {
    await db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT reserved_fen + committed_fen + paid_fen AS used FROM budget WHERE program_id = $1 FOR UPDATE`,
        [programId],
      )) as { used: string }[];
      const set = await t.app
        .get(BudgetRepository)
        .setTotal(manager, programId, Number(row!.used) + remainingFen);
      if (!set.ok) throw new Error('could not set the budget');
    });
  }

  const publish = (retroactive: boolean) =>
    request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/2/publish`)
      .set('Cookie', admin2)
      .send({ retroactive });

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    admin2 = await secondAdmin(t);
    const program = await createTestProgram(t, CODE, 10_000_000);
    programId = program.programId;
    v1Id = program.versionId;
    v1 = program.definition;
    const staff = {
      finance: await staffId(t, DEMO_USERS.finance),
      finance2: await staffId(t, DEMO_USERS.finance2),
    };
    for (const [i, { place, priceFen }] of CLAIMS.entries()) {
      const resident = await createResident(t, 13_600 + i);
      const claim = await submitProgramClaim(t, resident, CODE, 13_600 + i, priceFen);
      const placed = await moveTo(t, claim.id, place, staff);
      claims.push({ ...claim, resident, ...placed });
    }
    const v2 = {
      ...v1,
      version: 2,
      amount: { type: 'percent', of: { var: 'item.priceFen' }, basisPoints: 2000, capFen: 45_000 },
      clauses: v1.clauses.map((clause) =>
        clause.id === 'price-limit'
          ? { ...clause, test: { '<=': [{ var: 'item.priceFen' }, 450_000] } }
          : clause,
      ),
    };
    await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions`)
      .set('Cookie', admin)
      .send({
        definition: v2,
        effectiveOn: '2026-06-01',
        documentNo: DOCUMENT_NO,
        note: '补贴比例上调（追溯）',
      })
      .expect(201);
  });
  afterAll(async () => {
    await hideProgram(t, programId);
    await t.close();
  });

  it('the claims start where the suite put them, at the first version’s amounts', async () => {
    const rows = (await db.query(
      `SELECT id, status, reserved_fen FROM application WHERE id = ANY($1::uuid[])`,
      [claims.map((c) => c.id)],
    )) as { id: string; status: string; reserved_fen: string }[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [i, { place, fromFen }] of CLAIMS.entries()) {
      const row = byId.get(claims[i]!.id)!;
      expect({ status: row.status, held: Number(row.reserved_fen) }).toEqual({
        status: place.startsWith('approved') ? 'approved' : place,
        held: fromFen,
      });
    }
  });

  it('the what-if shows the budget moves before they happen', async () => {
    const res = await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/2/what-if`)
      .set('Cookie', admin)
      .expect(200);
    expect(res.body.retroactive).toEqual({ raised: 5, kept: 2, deltaFen: RAISE_FEN });
  });

  it('a budget that cannot cover the raises refuses the publish: 409 BUDGET_SHORTFALL, nothing changes', async () => {
    await setRemaining(RAISE_FEN - 1);
    const before = await snapshot();
    const res = await publish(true).expect(409);
    expect(res.body.error).toMatchObject({ code: 'BUDGET_SHORTFALL', shortfallFen: 1 });
    expect(await snapshot()).toEqual(before);
    expect(before.versions).toEqual([
      { version: 1, status: 'published' },
      { version: 2, status: 'draft' },
    ]);
    const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
    expect(invariants.filter((i) => i.problems.length > 0)).toEqual([]);
  });

  it('publishes with exactly enough: raised claims get amount, version, timeline, notice and ledger moves', async () => {
    await setRemaining(RAISE_FEN);
    const before = await snapshot();
    const ledgerBefore = (await db.query(
      `SELECT max(created_at) AS at FROM budget_ledger WHERE program_id = $1`,
      [programId],
    )) as { at: Date }[];
    const res = await publish(true).expect(200);
    expect(res.body.repricing).toEqual({ changed: 5, deltaFen: RAISE_FEN });
    const after = await snapshot();
    const [v2] = (await db.query(`SELECT id FROM program_version WHERE program_id = $1 AND version = 2`, [
      programId,
    ])) as { id: string }[];
    const byId = new Map(after.claims.map((row) => [row.id, row]));
    const was = new Map(before.claims.map((row) => [row.id, row]));
    for (const [i, { place, fromFen, expect: want }] of CLAIMS.entries()) {
      const claim = claims[i]!;
      const row = byId.get(claim.id)!;
      const events = (await db.query(
        `SELECT from_status, to_status, note, actor_id FROM application_event WHERE application_id = $1 AND note LIKE '政策追溯调整%'`,
        [claim.id],
      )) as { from_status: string; to_status: string; note: string; actor_id: string | null }[];
      const notices = (await db.query(
        `SELECT text_zh, params FROM notification WHERE user_id = $1 AND kind = 'application_repriced'`,
        [claim.resident.id],
      )) as { text_zh: string; params: Record<string, unknown> }[];
      const context = `${place} ${claim.code}`;
      if (want.kind === 'raised') {
        expect([context, Number(row.reserved_fen), row.program_version_id]).toEqual([
          context,
          want.toFen,
          v2!.id,
        ]);
        expect((row.evaluation as { amountFen: number }).amountFen).toBe(want.toFen);
        expect(events).toHaveLength(1);
        expect(events[0]!.from_status).toBe(events[0]!.to_status);
        expect(events[0]!.note).toContain(DOCUMENT_NO);
        expect(events[0]!.note).toContain(`${(fromFen / 100).toFixed(2)} 元（第 1 版）`);
        expect(events[0]!.note).toContain(`调整为 ${(want.toFen / 100).toFixed(2)} 元`);
        expect(notices).toHaveLength(1);
        expect(notices[0]!.params).toMatchObject({
          code: claim.code,
          fromFen,
          toFen: want.toFen,
          version: 2,
        });
        expect(notices[0]!.text_zh).toContain(claim.code);
      } else if (want.kind === 'kept') {
        expect([context, Number(row.reserved_fen), row.program_version_id]).toEqual([context, fromFen, v1Id]);
        expect(row.evaluation).toEqual(was.get(claim.id)!.evaluation);
        expect(events).toHaveLength(1);
        expect(events[0]!.note).toContain('追溯调整不减少已申报的补贴');
        expect(events[0]!.note).toContain(`保留第 1 版核定的 ${(fromFen / 100).toFixed(2)} 元`);
        expect(notices).toEqual([]);
      } else {
        expect([context, row]).toEqual([context, was.get(claim.id)]);
        expect(events).toEqual([]);
        expect(notices).toEqual([]);
      }
    }
    // The unknown-to-the-resident words: an ineligible claim kept says so.
    const [ineligible] = (await db.query(
      `SELECT note FROM application_event WHERE application_id = $1 AND note LIKE '政策追溯调整%'`,
      [claims[5]!.id],
    )) as { note: string }[];
    expect(ineligible!.note).toContain('不符合新版条件');

    // Ledger: one reserve per raised claim, plus a commit for each approved one, after the publish.
    const moves = (await db.query(
      `SELECT subject_id, entry, amount_fen::int AS amount FROM budget_ledger
        WHERE program_id = $1 AND created_at > $2 AND note LIKE 'retroactive v2%' ORDER BY subject_id, entry`,
      [programId, ledgerBefore[0]!.at],
    )) as { subject_id: string; entry: string; amount: number }[];
    const expectedMoves = CLAIMS.flatMap((c, i) =>
      c.expect.kind === 'raised'
        ? [
            ...(c.place.startsWith('approved')
              ? [{ subject_id: claims[i]!.id, entry: 'commit', amount: c.expect.toFen - c.fromFen }]
              : []),
            { subject_id: claims[i]!.id, entry: 'reserve', amount: c.expect.toFen - c.fromFen },
          ]
        : [],
    ).sort((a, b) =>
      a.subject_id === b.subject_id ? a.entry.localeCompare(b.entry) : a.subject_id < b.subject_id ? -1 : 1,
    );
    expect(moves).toEqual(expectedMoves);
    const [budget] = after.budget as { remaining_fen: string; reserved_fen: string; committed_fen: string }[];
    const [was0] = before.budget as { remaining_fen: string; reserved_fen: string; committed_fen: string }[];
    expect(Number(budget!.remaining_fen)).toBe(0);
    expect(Number(budget!.committed_fen) - Number(was0!.committed_fen)).toBe(10_500 + 6_000);
    expect(Number(budget!.reserved_fen) - Number(was0!.reserved_fen)).toBe(5_000 + 10_000 + 7_500);

    // The draft batch's line and total follow its claim; the released batch's do not.
    const draftBatch = claims[7]!;
    const releasedBatch = claims[8]!;
    const lines = new Map(
      (after.lines as { id: string; amount_fen: string; total_fen: string }[]).map((l) => [l.id, l]),
    );
    expect(Number(lines.get(draftBatch.lineId!)!.amount_fen)).toBe(24_000);
    expect(Number(lines.get(draftBatch.lineId!)!.total_fen)).toBe(24_000);
    expect(Number(lines.get(releasedBatch.lineId!)!.amount_fen)).toBe(19_500);
    expect(Number(lines.get(releasedBatch.lineId!)!.total_fen)).toBe(19_500);

    // One reprice row per raised or kept claim; the SMS of each notice waits in the outbox.
    expect(after.reprices).toEqual([{ n: 7 }]);
    const queued = (await db.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN notification n ON o.job_id = 'notice-' || n.id
        WHERE n.kind = 'application_repriced' AND n.user_id = ANY($1::uuid[])`,
      [claims.map((c) => c.resident.id)],
    )) as { n: number }[];
    // (no worker runs in this suite, so the relay has not taken them yet)
    expect(queued[0]!.n).toBe(5);
    const sent = (await db.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'application_repriced' AND user_id = ANY($1::uuid[])`,
      [claims.map((c) => c.resident.id)],
    )) as { n: number }[];
    expect(sent[0]!.n).toBe(5);

    const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
    expect(invariants.filter((i) => i.problems.length > 0)).toEqual([]);
  });

  it('the resident sees the new amount on the claim and in the timeline', async () => {
    const claim = claims[0]!;
    const res = await request(t.server)
      .get(`/api/applications/${claim.id}`)
      .set('Cookie', claim.resident.cookie)
      .expect(200);
    expect(JSON.stringify(res.body)).toContain('20000');
    expect(JSON.stringify(res.body)).toContain('政策追溯调整');
  });

  it('a published version is not published (or re-priced) twice', async () => {
    const before = await snapshot();
    const res = await publish(true).expect(409);
    expect(res.body.error.code).toBe('ALREADY_PUBLISHED');
    expect(await snapshot()).toEqual(before);
  });

  describe('races: a publish at the same time as a decision and a batch build', () => {
    const RACE = 'retro-race-2026';
    let raceProgram: string;
    const race: { id: string; code: string }[] = [];

    beforeAll(async () => {
      const program = await createTestProgram(t, RACE, 10_000_000);
      raceProgram = program.programId;
      const staff = {
        finance: await staffId(t, DEMO_USERS.finance),
        finance2: await staffId(t, DEMO_USERS.finance2),
      };
      // Three approved claims (for the batch) and three in review (for the approvals), 15,000 → 20,000 each.
      for (let i = 0; i < 6; i++) {
        const resident = await createResident(t, 13_650 + i);
        const claim = await submitProgramClaim(t, resident, RACE, 13_650 + i, 100_000);
        await moveTo(t, claim.id, i < 3 ? 'approved' : 'in_review', staff);
        race.push(claim);
      }
      await request(t.server)
        .post(`/api/admin/programs/${RACE}/versions`)
        .set('Cookie', admin)
        .send({
          definition: {
            ...program.definition,
            version: 2,
            amount: { ...program.definition.amount, basisPoints: 2000 },
          },
          effectiveOn: '2026-06-01',
          documentNo: '章商务〔2026〕追2号',
        })
        .expect(201);
    });
    afterAll(async () => {
      await hideProgram(t, raceProgram);
    });

    it('every claim ends at the new amount, every line pays what its claim holds, the invariants hold', async () => {
      const approve = async (id: string) =>
        db.transaction(async (manager) => {
          const application = await t.app.get(ApplicationsRepository).lockById(manager, id);
          await t.app
            .get(ApplicationStateService)
            .move(manager, application!, { to: 'approved', actorId: null });
        });
      const finance = await staffId(t, DEMO_USERS.finance);
      // The worst interleaving, made to happen: the build has read its candidates (old amounts) and
      // is about to insert its lines when the publish starts. The build holds the program's row
      // FOR SHARE, so the publish waits for it and then re-prices the lines it built; without that
      // lock the publish would finish first and the batch would carry the old amounts.
      const payments = t.app.get(PaymentsRepository);
      const insertBatch = payments.insertBatch.bind(payments);
      let publishing: Promise<request.Response> | undefined;
      const spy = jest.spyOn(payments, 'insertBatch').mockImplementation(async (...args) => {
        publishing = Promise.resolve(
          request(t.server)
            .post(`/api/admin/programs/${RACE}/versions/2/publish`)
            .set('Cookie', admin2)
            .send({ retroactive: true }),
        );
        await Promise.race([publishing, new Promise((resolve) => setTimeout(resolve, 700))]);
        return insertBatch(...args);
      });
      const [built, ...approved] = await Promise.allSettled([
        t.app.get(PaymentsService).build(finance, RACE),
        ...race.slice(3).map((claim) => approve(claim.id)),
      ]);
      spy.mockRestore();
      const published = (await Promise.allSettled([publishing!]))[0]!;
      expect(published.status === 'fulfilled' && published.value.status).toBe(200);
      expect(built.status).toBe('fulfilled');
      expect(approved.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const rows = (await db.query(
        `SELECT a.id, a.status, a.reserved_fen::int AS held, l.amount_fen::int AS line, l.netted_fen::int AS netted
           FROM application a LEFT JOIN payment_line l ON l.application_id = a.id AND l.status = 'pending'
          WHERE a.program_id = $1 ORDER BY a.id`,
        [raceProgram],
      )) as { id: string; status: string; held: number; line: number | null; netted: number | null }[];
      expect(rows.map((r) => [r.status, r.held])).toEqual(rows.map(() => ['approved', 20_000]));
      // Each line in the batch pays what the ledger will settle for its claim.
      const lined = rows.filter((r) => r.line !== null);
      expect(lined.length).toBeGreaterThanOrEqual(3);
      for (const r of lined) expect(r.line! + r.netted!).toBe(r.held);
      const [batch] = (await db.query(
        `SELECT b.total_fen::int AS total, (SELECT sum(amount_fen)::int FROM payment_line WHERE batch_id = b.id) AS lines
           FROM payment_batch b WHERE b.program_id = $1`,
        [raceProgram],
      )) as { total: number; lines: number }[];
      expect(batch!.total).toBe(batch!.lines);
      const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
      expect(invariants.filter((i) => i.problems.length > 0)).toEqual([]);
    });
  });
});
