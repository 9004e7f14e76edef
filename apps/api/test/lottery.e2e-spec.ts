import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { latestLotteryRound, type ProgramDefinition, type PublicLotteryRound } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SessionService } from '../src/auth/session.service';
import { sessionCookieName } from '../src/auth/session-cookie';
import { BudgetRepository } from '../src/budget/budget.repository';
import { verifyLotteryRound } from '../src/cli/lottery-verify';
import type { AppConfig } from '../src/config/config';
import { ProgramsCache } from '../src/programs/programs.cache';
import { LotteryService } from '../src/vouchers/lottery.service';
import { VouchersService } from '../src/vouchers/vouchers.service';
import { MINUTE, useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, signInResident } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, residentIdentity, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(240_000);

const API_ROOT = path.resolve(__dirname, '..');
/** home-renovation-2026, switched to lottery allocation for this suite (a version of its own). */
const PROGRAM = 'home-renovation-2026';
const MAX_FEN = 200_000;
const LOTTERY = { roundDays: 7, drawTime: '10:00' };
const START = new Date('2026-05-02T02:00:00Z');
const WINNERS = 5;

/**
 * The voucher lottery through HTTP against the real database (operations.md §5): the seed's hash
 * is public before any entry and stays the same, the seed is revealed only after the draw, entries
 * are one per person, category and round and only during the round, the public round carries no
 * personal data, the draw gives exactly what the budget pays for (winners get vouchers holding the
 * maximum, losers are told), and the CLI recomputes the same winners from the public JSON — and
 * catches a tampered result. Residents 7611–7700.
 */
describe('voucher lottery', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let programId: string;
  let originalVersionId: string;
  let originalTotal: number;
  let definition: ProgramDefinition;
  let next = 7610;
  const resident = () => createResident(t, (next += 1));
  /** A new session for `who` (resident sessions idle out in 30 minutes; the clock moves by days). */
  const again = async (who: Resident): Promise<Resident> => {
    const id = await t.app.get(SessionService).create({
      id: who.id,
      role: 'resident',
      displayName: 'resident',
      organizationId: null,
    });
    return { ...who, cookie: `${sessionCookieName(t.config as AppConfig)}=${id}` };
  };
  const enter = (who: Resident, category: string, code = PROGRAM) =>
    request(t.server)
      .post(`/api/programs/${code}/lottery/entries`)
      .set('Cookie', who.cookie)
      .send({ category });
  const publicRound = async (query = '') =>
    (await request(t.server).get(`/api/programs/${PROGRAM}/lottery${query}`).expect(200))
      .body as PublicLotteryRound;
  const setRemaining = async (fen: number) => {
    await db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT reserved_fen + committed_fen + paid_fen AS used FROM budget WHERE program_id = $1`,
        [programId],
      )) as { used: string }[];
      const set = await t.app.get(BudgetRepository).setTotal(manager, programId, Number(row!.used) + fen);
      if (!set.ok) throw new Error('could not set the budget');
    });
    t.app.get(ProgramsCache).invalidate();
  };

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, START);
    const [program] = (await db.query(
      `SELECT p.id, p.current_version_id, v.definition, b.total_fen FROM program p
         JOIN program_version v ON v.id = p.current_version_id JOIN budget b ON b.program_id = p.id WHERE p.code = $1`,
      [PROGRAM],
    )) as { id: string; current_version_id: string; definition: ProgramDefinition; total_fen: string }[];
    programId = program!.id;
    originalVersionId = program!.current_version_id;
    originalTotal = Number(program!.total_fen);
    definition = {
      ...program!.definition,
      version: 99,
      settings: { ...program!.definition.settings, allocationMode: 'lottery', lottery: LOTTERY },
    };
    const [version] = (await db.query(
      // A published row made current by the pointer alone: effective only on 9999-12-31, so it never
      // becomes current on its own date once the pointer goes back (ProgramsRepository).
      `INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on, published_at)
       VALUES ($1, 99, $2::jsonb, $3, $4, 'published', '9999-12-31', now()) RETURNING id`,
      [programId, JSON.stringify(definition), definition.opensOn, definition.closesOn],
    )) as { id: string }[];
    await db.query(`UPDATE program SET current_version_id = $2 WHERE id = $1`, [programId, version!.id]);
    await setRemaining(WINNERS * MAX_FEN + MAX_FEN - 1);
  });
  // Every suite shares the database: the program goes back to first come, first served with its
  // budget, and the winners' vouchers give their reservations back.
  afterAll(async () => {
    const live = (await db.query(
      `SELECT id, holder_id FROM voucher WHERE status = 'issued' AND program_id = $1`,
      [programId],
    )) as { id: string; holder_id: string }[];
    for (const voucher of live) await t.app.get(VouchersService).cancel(voucher.holder_id, voucher.id);
    await db.query(`UPDATE program SET current_version_id = $2 WHERE id = $1`, [
      programId,
      originalVersionId,
    ]);
    await db.transaction(async (manager) => {
      await t.app.get(BudgetRepository).setTotal(manager, programId, originalTotal);
    });
    clock.restore();
    await t.close();
  });

  it('the whole round: commit before, entries, closed, draw up to the budget, reveal after, the CLI agrees', async () => {
    const window = latestLotteryRound(definition, LOTTERY, START)!;

    // A lottery program takes no first-come voucher.
    const someone = await resident();
    const refused = await request(t.server)
      .post('/api/vouchers')
      .set('Cookie', someone.cookie)
      .send({ programCode: PROGRAM, category: 'sanitary_ware' })
      .expect(409);
    expect(refused.body.error.code).toBe('LOTTERY_PROGRAM');

    // Commit: the seed's hash is public before any entry; no seed, no winners.
    const opened = await publicRound();
    expect(opened).toEqual({
      programCode: PROGRAM,
      algorithm: 'hmac-sha256-rank/v1',
      round: window.round,
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      drawAt: window.drawAt.toISOString(),
      seedHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      entries: [],
      maxSubsidyFen: MAX_FEN,
    });

    // Twelve residents enter, two of them for two categories: 14 entries.
    const entrants: Resident[] = [];
    for (let n = 0; n < 12; n += 1) entrants.push(await resident());
    const entered = await Promise.all(entrants.map((who) => enter(who, 'sanitary_ware')));
    expect(entered.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(entered[0]!.body).toEqual({
      id: expect.any(String),
      programCode: PROGRAM,
      round: window.round,
      category: 'sanitary_ware',
      status: 'entered',
      drawAt: window.drawAt.toISOString(),
    });
    await enter(entrants[0]!, 'smart_home').expect(201);
    await enter(entrants[1]!, 'smart_home').expect(201);

    // One entry per person, category and round — even asked for twice at once.
    const twice = await Promise.all([enter(entrants[2]!, 'smart_home'), enter(entrants[2]!, 'smart_home')]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(twice.find((r) => r.status === 409)!.body.error.code).toBe('LOTTERY_ALREADY_ENTERED');
    const again409 = await enter(entrants[0]!, 'sanitary_ware').expect(409);
    expect(again409.body.error.code).toBe('LOTTERY_ALREADY_ENTERED');
    const badCategory = await enter(entrants[0]!, 'phone').expect(422);
    expect(badCategory.body.error.fields).toEqual({ category: 'NOT_IN_OPTIONS' });
    const fcfs = await enter(entrants[0]!, 'refrigerator', 'appliance-2026').expect(409);
    expect(fcfs.body.error.code).toBe('NOT_A_LOTTERY');
    await enter(entrants[0]!, 'sanitary_ware', 'no-such-program').expect(404);
    const { cookie } = await signInResident(t, residentIdentity(7700).phone);
    const noProfile = await request(t.server)
      .post(`/api/programs/${PROGRAM}/lottery/entries`)
      .set('Cookie', cookie)
      .send({ category: 'sanitary_ware' });
    expect(noProfile.status).toBe(422);
    expect(noProfile.body.error.code).toBe('PROFILE_REQUIRED');

    // The public round lists the entries by random id and category only: no personal data.
    const during = await publicRound();
    expect(during.seedHash).toBe(opened.seedHash);
    expect(during.seed).toBeUndefined();
    expect(during.winners).toBeUndefined();
    expect(during.entries).toHaveLength(15);
    expect(during.entries.map((e) => e.id)).toEqual([...during.entries.map((e) => e.id)].sort());
    expect(during.entries.every((e) => Object.keys(e).sort().join() === 'category,id')).toBe(true);
    const text = JSON.stringify(during);
    for (const who of entrants) {
      expect(text).not.toContain(who.id);
      expect(text).not.toContain(who.idNumber);
    }

    // Closed: no entry after the round, and still no seed before the draw time.
    clock.set(window.closesAt);
    const late = await enter(await again(entrants[3]!), 'smart_home').expect(409);
    expect(late.body.error.code).toBe('LOTTERY_CLOSED');
    clock.set(new Date(window.drawAt.getTime() - MINUTE));
    const lottery = t.app.get(LotteryService);
    expect((await lottery.run()).drawn).toBe(0);
    expect((await publicRound(`?round=${window.round}`)).seed).toBeUndefined();

    // The draw: exactly the budget's worth of winners (5 of 15), each with a voucher.
    clock.set(window.drawAt);
    expect((await lottery.run()).drawn).toBe(1);
    expect((await lottery.run()).drawn).toBe(0);
    const drawn = await publicRound(`?round=${window.round}`);
    expect(drawn.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(Buffer.from(drawn.seed!, 'hex')).digest('hex')).toBe(opened.seedHash);
    expect(drawn.remainingFenAtDraw).toBe(WINNERS * MAX_FEN + MAX_FEN - 1);
    expect(drawn.slots).toBe(WINNERS);
    expect(drawn.winners).toHaveLength(WINNERS);
    expect(drawn.entries).toEqual(during.entries);

    const outcomes = (await db.query(
      `SELECT e.id, e.status, v.status AS voucher_status, v.reserved_fen::int AS held
         FROM lottery_entry e LEFT JOIN voucher v ON v.id = e.voucher_id
        WHERE e.id = ANY($1::uuid[])`,
      [drawn.entries.map((e) => e.id)],
    )) as { id: string; status: string; voucher_status: string | null; held: number | null }[];
    const won = outcomes.filter((o) => o.status === 'won');
    expect(won.map((o) => o.id).sort()).toEqual([...drawn.winners!].sort());
    expect(won.every((o) => o.voucher_status === 'issued' && o.held === MAX_FEN)).toBe(true);
    expect(outcomes.filter((o) => o.status === 'lost')).toHaveLength(15 - WINNERS);
    const [budget] = (await db.query(
      `SELECT remaining_fen::int AS remaining FROM budget WHERE program_id = $1`,
      [programId],
    )) as { remaining: number }[];
    expect(budget!.remaining).toBe(MAX_FEN - 1);
    const told = (await db.query(
      `SELECT kind, count(*)::int AS n FROM notification WHERE event_key LIKE 'lottery-%' AND params->>'entryId' = ANY($1::text[]) GROUP BY kind ORDER BY kind`,
      [drawn.entries.map((e) => e.id)],
    )) as { kind: string; n: number }[];
    expect(told).toEqual([
      { kind: 'lottery_lost', n: 15 - WINNERS },
      { kind: 'lottery_won', n: WINNERS },
    ]);

    // Anyone recomputes the draw from the public JSON alone: the CLI gives the same winners.
    expect(verifyLotteryRound(drawn)).toEqual({ ok: true, problems: [], winners: drawn.winners });
    const cli = spawnSync(
      process.execPath,
      [
        path.join(API_ROOT, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'src/cli/lottery-verify.ts',
      ],
      { cwd: API_ROOT, input: JSON.stringify(drawn), encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`OK: ${PROGRAM} round ${window.round}`);
    // …and catches a tampered result: a loser swapped in, another seed, one winner too many.
    const loser = drawn.entries.find((e) => !drawn.winners!.includes(e.id))!.id;
    const tampered = [
      { ...drawn, winners: [loser, ...drawn.winners!.slice(1)] },
      { ...drawn, seed: createHash('sha256').update('another').digest('hex') },
      { ...drawn, slots: WINNERS + 1, winners: [...drawn.winners!, loser] },
    ];
    for (const round of tampered) expect(verifyLotteryRound(round).ok).toBe(false);
    const bad = spawnSync(
      process.execPath,
      [
        path.join(API_ROOT, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'src/cli/lottery-verify.ts',
      ],
      { cwd: API_ROOT, input: JSON.stringify(tampered[0]), encoding: 'utf8', timeout: 60_000 },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('MISMATCH');

    const problems = (await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] })).filter(
      (invariant) => invariant.name !== '≤ 1 claim per person and category; one claim per key',
    );
    expect(problems.flatMap((p) => p.problems)).toEqual([]);
  });

  it('an unopened round is 404, a malformed round number 422, a first-come program has no lottery', async () => {
    clock.set(START);
    await request(t.server).get(`/api/programs/${PROGRAM}/lottery?round=999`).expect(404);
    const malformed = await request(t.server).get(`/api/programs/${PROGRAM}/lottery?round=abc`).expect(422);
    expect(malformed.body.error.fields).toEqual({ round: 'INVALID_FORMAT' });
    await request(t.server).get(`/api/programs/appliance-2026/lottery`).expect(404);
  });
});
