/**
 * `npm run bench:load` (root, through turbo) or `npm run bench:load -w @huanxin/api`: the load
 * benchmark of issue 10. Not part of `npm test`.
 *
 *   --seconds N     length of each scenario (default 5)
 *   --drafts N      residents with a complete draft to submit (default 10000; a scenario stops
 *                   and says so if they run out)
 *   --skip-100k     skip filling the program to 100k claims (the capacity-as-it-fills check)
 *   --read-rounds N interleaved rounds of hello world, public list and resident's list (default 3)
 *   --runs N        the whole benchmark N times (default 1), each on a database of its own; a goal
 *                   is then met when it is met in a majority of the runs (for a goal on one measure,
 *                   that is its median meeting it; a goal on two must meet both in the same run)
 *
 * It makes a database and a Redis prefix of its own (dropped at the end), seeds residents and
 * complete drafts through the app's cipher and session service, starts the BUILT API (no worker,
 * so the outbox fills and the drain can be timed) and the Nest hello world as child processes, and
 * runs: pgbench with the submit's statements (own database), the hello world, the public programs
 * list, a resident's list, submits at 4/16/64 connections (each draft with its own Idempotency-Key;
 * one refused 503/429 is retried later with the same key, as the web client does, any other answer
 * spends it: see drafts.ts), an open loop at twice the 16-connection capacity whose refused drafts
 * come back after Retry-After as the web client's do (paced.ts: the overload goal), 256
 * closed-loop connections (a retry storm, informational), the worker draining the outbox, submits
 * again once the program holds 100k claims (4, then 16 connections, as at 1k), and a budget that
 * runs out with fresh drafts of its own.
 * It prints one table with the goals met or not, then checks the money invariants and that no
 * spent draft or key was sent again: exit 1 only if one breaks.
 */
import os from 'node:os';
import { Pool } from 'pg';
import { prepareDatabase } from '../../src/database/prepare';
import { run, type HttpResult, type RequestSpec } from './http';
import { DraftQueue } from './drafts';
import { runPaced } from './paced';
import { checkInvariants } from './invariants';
import { runPgbench, seedPgbench, type PgbenchResult } from './pgbench';
import {
  AMOUNT_FEN,
  fillProgram,
  freshenSessions,
  seedResidentsAndDrafts,
  setRemaining,
  type Draft,
} from './seed';
import {
  cliFlag,
  cliOption,
  clientAddress as address,
  cpuSeconds,
  freePort,
  helloServer,
  openBenchRun,
  rssSampler,
  settle,
  startChild,
  submitRequest,
  tsxCli,
  waitForIdleWorker,
  waitForOk,
} from './stack';

const argv = process.argv.slice(2);
const flag = (name: string) => cliFlag(argv, name);
const option = (name: string, fallback: number) => cliOption(argv, name, fallback);
const SECONDS = option('seconds', 5);
const DRAFTS = option('drafts', 10_000);
const SKIP_100K = flag('skip-100k');
/** Interleaved rounds of the hello world and the two reads (median judged). */
const READ_ROUNDS = option('read-rounds', 3);
const RUNS = option('runs', 1);
const EXHAUSTION_FITS = 50;
/** Fresh drafts (one per person) set aside for the exhaustion scenario, which runs until all are answered. */
const EXHAUSTION_DRAFTS = 500;
const EXHAUSTION_MAX_SECONDS = 60;
const DRAIN_TIMEOUT_MS = 180_000;
/** “Fast” for a refusal at overload: p99 within a quarter of the 1 s an accepted submit may take. */
const REFUSED_FAST_MS = 250;

interface Row {
  scenario: string;
  rate: number;
  p50: number;
  p99: number;
  statuses: string;
  ratio?: string;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const statusText = (s: Record<string, number>) =>
  Object.entries(s)
    .sort()
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');

type Goal = { goal: string; met: boolean; detail: string };

/** One whole run: its table and goals printed; answers its goals and whether an invariant broke. */
async function runOnce(): Promise<{ goals: Goal[]; broken: boolean }> {
  const bench = await openBenchRun();
  const { pool, config, logger, dbName, apiUrl, children } = bench;
  const pgbUrl = bench.databaseUrl('pgbench');
  const helloPort = await freePort();
  const pgbPool = new Pool({ connectionString: pgbUrl.toString(), max: 2 });
  const rows: Row[] = [];
  const goals: Goal[] = [];
  const accepted: string[] = [];
  const replays: string[] = [];
  let broken = false;

  try {
    const t0 = Date.now();
    const load = os.loadavg()[0]!;
    await prepareDatabase({ ...config, database: { ...config.database, url: pgbUrl.toString() } }, logger);
    const drafts = await seedResidentsAndDrafts(pool, config, DRAFTS, 20);
    await seedPgbench(pgbPool, 20_000);
    // The program holds 1k claims when capacity is first measured.
    await fillProgram(pool, 1000, 'k1');
    console.log(
      `seeded ${drafts.length} drafts of ${DRAFTS} residents in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    const api = await bench.startApi();
    const hello = startChild([tsxCli, helloServer], { ...process.env, PORT: String(helloPort) });
    children.push(hello);
    await waitForOk(`http://127.0.0.1:${helloPort}/hello`, hello);
    const rss = rssSampler(api.process.pid!);

    // Baselines.
    const pgb: PgbenchResult = await runPgbench(pgbPool, pgbUrl.toString(), {
      connections: 16,
      seconds: SECONDS,
      claims: 20_000,
    });
    rows.push({
      scenario: 'pgbench: submit statements, 16 conns',
      rate: pgb.tps,
      p50: pgb.p50,
      p99: pgb.p99,
      statuses: `tx×${pgb.transactions}${pgb.failed ? ` failed×${pgb.failed}` : ''}`,
    });
    let client = 0;
    const get = (path: string, cookie?: string) => (): RequestSpec => ({
      method: 'GET',
      path,
      headers: { 'x-forwarded-for': address(client++), ...(cookie ? { cookie } : {}) },
    });
    // The resident's list is judged on sessions the API has already seen, as the portal is used: a
    // resident's list comes after the sign-in and the pages before it (redis/tracked-cache.ts).
    // First, for information, each session's first request to the API (none of these sessions has
    // been looked up yet: the session cache misses), one pass at most. Before each round's list,
    // every session is marked as used just now (freshenSessions: otherwise the once-a-minute slide
    // of all the sessions seeded together falls due in the same seconds, in whichever round runs
    // then) and sent one `GET /api/auth/me`, which the API's session cache then keeps.
    const residentsCookies = drafts.filter((d) => !d.duplicate).map((d) => d.cookie);
    let r = 0;
    const coldRun = await run(apiUrl, {
      connections: 16,
      seconds: SECONDS,
      next: () => (r < residentsCookies.length ? get('/api/applications', residentsCookies[r++])() : null),
    });
    const seenJustNow = async () => {
      await freshenSessions(config, residentsCookies);
      let w = 0;
      await run(apiUrl, {
        connections: 16,
        seconds: 600,
        next: () => (w < residentsCookies.length ? get('/api/auth/me', residentsCookies[w++])() : null),
      });
    };
    // The reads against the hello world, in READ_ROUNDS interleaved rounds (hello world, public
    // list, resident's list): this machine's rates swing by half between minutes, so each read is
    // divided by the hello world measured just before it, and the median round's ratio is the one
    // judged (the issue's own table was the median of three interleaved runs).
    const rounds: { hello: HttpResult; programs: HttpResult; list: HttpResult }[] = [];
    for (let round = 0; round < READ_ROUNDS; round++) {
      // First, so that the hello world still runs just before the reads it is divided into.
      await seenJustNow();
      const helloRun = await run(`http://127.0.0.1:${helloPort}`, {
        connections: 16,
        seconds: SECONDS,
        next: get('/hello'),
      });
      const programsRun = await run(apiUrl, {
        connections: 16,
        seconds: SECONDS,
        next: get('/api/programs'),
      });
      const listRun = await run(apiUrl, {
        connections: 16,
        seconds: SECONDS,
        next: () => get('/api/applications', residentsCookies[r++ % residentsCookies.length])(),
      });
      rounds.push({ hello: helloRun, programs: programsRun, list: listRun });
    }
    await hello.stop();
    const helloMedian = median(rounds, (x) => x.hello.rate).hello;
    rows.push(row(`Nest hello world, 16 conns (median of ${READ_ROUNDS})`, helloMedian));
    const readRow = (scenario: string, read: 'programs' | 'list') => {
      const ratios = rounds.map((x) => x[read].rate / x.hello.rate);
      const judged = median(rounds, (x) => x[read].rate / x.hello.rate);
      rows.push({
        ...row(scenario, judged[read]),
        ratio: `${fmt(judged[read].rate / judged.hello.rate, 2)}× hello (rounds ${ratios.map((v) => fmt(v, 2)).join(' ')})`,
      });
      return judged[read].rate / judged.hello.rate;
    };
    const programsRatio = readRow('GET /api/programs, 16 conns', 'programs');
    rows.push(
      row("GET /api/applications, sessions' first requests (info)", coldRun, helloMedian.rate, 'hello'),
    );
    const listRatio = readRow('GET /api/applications, 16 conns', 'list');
    goals.push(
      {
        goal: 'public list ≥ 0.3× hello world',
        met: programsRatio >= 0.3,
        detail: `${fmt(programsRatio, 2)}×`,
      },
      { goal: 'resident list ≥ 0.3× hello world', met: listRatio >= 0.3, detail: `${fmt(listRatio, 2)}×` },
    );

    // Submits: each draft with its own Idempotency-Key, retried with it after a 503/429, spent by
    // any other answer. The exhaustion scenario gets fresh drafts of people with no other draft.
    const { main: mainDrafts, reserved } = setAside(drafts, EXHAUSTION_DRAFTS);
    const queue = new DraftQueue(mainDrafts, 'submits');
    const dryNotes: string[] = [];
    const submit = async (scenario: string, q: DraftQueue, connections: number, seconds = SECONDS) => {
      const result = await run(apiUrl, {
        connections,
        seconds,
        next: () => {
          const ticket = q.take();
          return ticket ? submitRequest(ticket, client++) : null;
        },
        answered: (spec, status, body) => {
          const ticket = spec.ticket!;
          if (status === 200) {
            const id = (JSON.parse(body) as { id?: unknown }).id;
            if (id !== ticket.draft.id)
              replays.push(`${scenario}: draft ${ticket.draft.id} answered for ${String(id)}`);
          }
          q.answer(ticket, status);
        },
        finished: () => q.finished,
      });
      // Still in flight when the run stopped: maybe accepted, never to be sent again.
      q.abandonInFlight();
      await settle(pool, dbName);
      accepted.push(...result.acceptedIds);
      if (!Number.isNaN(result.ranDryAt) && q === queue)
        dryNotes.push(
          `${scenario}: the drafts ran out after ${fmt(result.ranDryAt, 1)} s, the scenario stopped there`,
        );
      return result;
    };
    // The 100k row starts right after its fill's CHECKPOINT (seed.ts); the 1k rows start the same
    // way, not with the WAL of the scenarios before them (pgbench's included) still to flush.
    await pool.query('CHECKPOINT');
    const submitRuns: Record<number, HttpResult> = {};
    let apiCpuPerSubmitMs = NaN;
    for (const connections of [4, 16, 64]) {
      const scenario = `submit at 1k claims, ${connections} conns`;
      const cpuBefore = cpuSeconds(api.process.pid!);
      const result = await submit(scenario, queue, connections);
      if (connections === 16)
        apiCpuPerSubmitMs = ((cpuSeconds(api.process.pid!) - cpuBefore) * 1000) / result.acceptedIds.length;
      submitRuns[connections] = result;
      rows.push(row(scenario, result, pgb.tps, 'pgbench'));
    }
    const at16 = submitRuns[16]!;
    goals.push({
      goal: 'submit ≥ 0.25× pgbench at 16 conns, p99 ≤ 500 ms',
      met: at16.rate >= 0.25 * pgb.tps && at16.p99 <= 500,
      detail: `${fmt(at16.rate / pgb.tps, 2)}× pgbench, p99 ${fmt(at16.p99)} ms`,
    });

    // 2× capacity, as residents make it: fresh drafts arrive open-loop at twice the accepted rate
    // measured at 16 connections, and a refused draft comes back after Retry-After + jitter with its
    // key (paced.ts). The overload goal is judged on this row.
    const offered = Math.max(1, Math.round(2 * at16.rate));
    const pacedScenario = `submit open loop, ${offered}/s offered (2× capacity)`;
    const paced = await runPaced(apiUrl, {
      rate: offered,
      seconds: SECONDS,
      queue,
      build: (ticket) => submitRequest(ticket, client++),
      answered: (ticket, status, body) => {
        if (status !== 200) return;
        const id = (JSON.parse(body) as { id?: unknown }).id;
        if (id !== ticket.draft.id)
          replays.push(`${pacedScenario}: draft ${ticket.draft.id} answered for ${String(id)}`);
      },
    });
    queue.abandonInFlight();
    await settle(pool, dbName);
    accepted.push(...paced.acceptedIds);
    if (!Number.isNaN(paced.ranDryAt))
      dryNotes.push(`${pacedScenario}: the drafts ran out after ${fmt(paced.ranDryAt, 1)} s`);
    rows.push({
      ...row(pacedScenario, paced, pgb.tps, 'pgbench'),
      statuses: `${row(pacedScenario, paced).statuses}; ${paced.arrivals} drafts, ${paced.retries} retries, ${paced.gaveUp} gave up, in ${fmt(paced.seconds, 1)} s`,
    });
    goals.push({
      goal: 'at 2× capacity (open loop): excess gets 429/503 + Retry-After fast, accepted p99 ≤ 1 s',
      met:
        paced.refused > 0 &&
        paced.refusedWithRetryAfter === paced.refused &&
        paced.refusedP99 <= REFUSED_FAST_MS &&
        paced.p99 <= 1000 &&
        paced.errors === 0,
      detail: `${offered}/s offered for ${SECONDS} s: ${paced.refused} refused (${paced.refusedWithRetryAfter} with Retry-After, p99 ${fmt(paced.refusedP99, 1)} ms, fast = ≤ ${REFUSED_FAST_MS}), ${paced.acceptedIds.length} accepted (${fmt(paced.acceptedInWindow)}/s while drafts arrived) with p99 ${fmt(paced.p99)} ms, ${paced.errors} socket errors/timeouts`,
    });

    // The closed-loop storm: 256 connections, each refusal sent again at once. Far more than 2×
    // capacity (every connection always has a request out); informational, not a goal.
    const overload = await submit('submit storm, 256 conns (closed loop)', queue, 256);
    rows.push(row('submit storm, 256 conns (closed loop, info)', overload, pgb.tps, 'pgbench'));
    console.log(
      `storm (info): ${overload.refused} refused (p99 ${fmt(overload.refusedP99, 1)} ms), ${overload.acceptedIds.length} accepted with p99 ${fmt(overload.p99)} ms`,
    );

    // The worker drains what the submits queued (outbox → checks → in_review, notifications).
    const pending = async () => {
      const { rows: counts } = await pool.query<{ outbox: number; waiting: number }>(
        `SELECT (SELECT count(*) FROM outbox WHERE dispatched_at IS NULL)::int AS outbox,
                (SELECT count(*) FROM application WHERE status = 'submitted' AND id = ANY($1::uuid[]))::int AS waiting`,
        [accepted],
      );
      return counts[0]!;
    };
    const before = await pending();
    const worker = bench.startWorker();
    let workerCpuAtStart = 0;
    let started = 0;
    let drained = 0;
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    for (;;) {
      const now = await pending();
      if (!started && (now.outbox < before.outbox || now.waiting < before.waiting)) {
        started = Date.now();
        workerCpuAtStart = cpuSeconds(worker.process.pid!);
      }
      if (now.outbox === 0 && now.waiting === 0) {
        drained = Date.now();
        break;
      }
      if (Date.now() > deadline || worker.process.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const drainSeconds = ((drained || Date.now()) - (started || Date.now())) / 1000;
    // The claims are in review, but their notification jobs may still run: let the worker finish
    // everything before it stops, so the next scenarios start on a quiet machine.
    const idle = drained ? await waitForIdleWorker(bench) : false;
    const idleSeconds = (Date.now() - (started || Date.now())) / 1000;
    const workerCpuPerClaimMs =
      ((cpuSeconds(worker.process.pid!) - workerCpuAtStart) * 1000) / Math.max(before.waiting, 1);
    console.log(
      `CPU of the Node processes: API ${fmt(apiCpuPerSubmitMs, 1)} ms per accepted submit (16 conns, with its 422s), worker ${fmt(workerCpuPerClaimMs, 1)} ms per drained claim (its check and notices, the relay)`,
    );
    const drainRate = before.waiting / Math.max(drainSeconds, 0.001);
    const submitRate = Math.max(
      ...Object.values(submitRuns).map((s) => s.rate),
      paced.acceptedInWindow,
      overload.rate,
    );
    rows.push({
      scenario: `worker drains ${before.waiting} claims (${before.outbox} outbox rows)`,
      rate: drainRate,
      p50: NaN,
      p99: NaN,
      statuses: drained
        ? `done in ${fmt(drainSeconds, 1)} s; ${idle ? `every queue idle after ${fmt(idleSeconds, 1)} s` : 'queues NOT idle in time'}`
        : 'NOT drained in time',
      ratio: `${fmt(drainRate / submitRate, 2)}× best submit`,
    });
    goals.push({
      goal: 'worker drains ≥ 2× the submit rate',
      met: drained > 0 && drainRate >= 2 * submitRate,
      detail: `${fmt(drainRate)} claims/s vs best submit ${fmt(submitRate)}/s`,
    });
    await worker.stop();

    if (!SKIP_100K) {
      const t1 = Date.now();
      await fillProgram(pool, 99_000, 'k100');
      console.log(`filled the program to 100k claims in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
      // The same sequence as at 1k, where 16 connections follow a run at 4: the fill, its VACUUM
      // and CHECKPOINT have pushed the submit's pages out of the caches, and a first run would
      // measure reading them back (capacity.bench.ts, which measures 1k cold too, saw 1.26×).
      rows.push(
        row('submit at 100k claims, 4 conns', await submit('submit at 100k claims, 4 conns', queue, 4)),
      );
      const full = await submit('submit at 100k claims, 16 conns', queue, 16);
      rows.push(row('submit at 100k claims, 16 conns', full, at16.rate, '1k'));
      goals.push({
        goal: 'capacity does not fall as the program fills (100k ≥ 0.8× 1k)',
        met: full.rate >= 0.8 * at16.rate,
        detail: `${fmt(full.rate)}/s at 100k vs ${fmt(at16.rate)}/s at 1k`,
      });
    } else {
      goals.push({
        goal: 'capacity does not fall as the program fills',
        met: false,
        detail: 'skipped (--skip-100k)',
      });
    }

    // The budget runs out mid-run: of fresh drafts (people with no other claim), exactly the claims
    // that fit are accepted, the rest BUDGET_EXHAUSTED. Runs until every one is answered.
    await setRemaining(pool, EXHAUSTION_FITS * AMOUNT_FEN);
    const exhaustionQueue = new DraftQueue(reserved, 'exhaustion');
    const exhaustionScenario = `budget for ${EXHAUSTION_FITS}, ${reserved.length} fresh drafts, 16 conns`;
    const exhaustion = await submit(exhaustionScenario, exhaustionQueue, 16, EXHAUSTION_MAX_SECONDS);
    rows.push(row(exhaustionScenario, exhaustion));
    const exhaustedCount = exhaustion.codes.BUDGET_EXHAUSTED ?? 0;
    const finalAnswers = exhaustionQueue.answered.first + exhaustionQueue.answered.duplicate;
    const { rows: left } = await pool.query<{ remaining: string; reserved: string }>(
      `SELECT b.remaining_fen AS remaining,
              (SELECT coalesce(sum(amount_fen), 0) FROM budget_ledger l WHERE l.subject_id = ANY($1::uuid[]) AND l.entry = 'reserve') AS reserved
         FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = 'digital-2026'`,
      [exhaustion.acceptedIds],
    );
    console.log(
      `exhaustion: ${left[0]!.remaining} fen left, ${left[0]!.reserved} fen reserved by the ${exhaustion.acceptedIds.length} accepted`,
    );
    goals.push({
      goal: `budget exhaustion: exactly ${EXHAUSTION_FITS} accepted, the rest BUDGET_EXHAUSTED`,
      met:
        exhaustion.acceptedIds.length === EXHAUSTION_FITS &&
        exhaustedCount === reserved.length - EXHAUSTION_FITS &&
        finalAnswers === reserved.length &&
        exhaustionQueue.inDoubt === 0,
      detail: `${exhaustion.acceptedIds.length} accepted, ${exhaustedCount} BUDGET_EXHAUSTED of ${reserved.length} fresh drafts (${finalAnswers} answered, ${exhaustionQueue.inDoubt} unanswered)`,
    });

    rss.stop();
    goals.push({
      goal: 'API RSS ≤ 512 MB under load',
      met: rss.max() <= 512,
      detail: `max ${fmt(rss.max())} MB`,
    });
    for (const note of dryNotes) console.log(`note: ${note} (raise --drafts).`);
    console.log(
      `${queue.answered.first + queue.answered.duplicate} drafts answered finally (${queue.answered.duplicate} a person's second phone claim, quota 1), ` +
        `${queue.waitingRetries} refused ones left unretried, ${queue.inDoubt} unanswered at a scenario's end (set aside), ${queue.left} never sent.`,
    );

    printTable(rows, goals);
    const invariants = await checkInvariants(pool, { ids: accepted });
    invariants.push({
      name: 'no spent draft or key sent again (no replay counted as a submit)',
      problems: [...queue.violations, ...exhaustionQueue.violations, ...replays],
    });
    console.log('\nMoney invariants');
    for (const inv of invariants) {
      console.log(`  ${inv.problems.length ? 'BROKEN' : 'holds '}  ${inv.name}`);
      for (const p of inv.problems.slice(0, 5)) console.log(`           ${p}`);
      if (inv.problems.length) broken = true;
    }
    console.log(
      `\n${accepted.length} submits accepted in all; machine: ${os.cpus().length} cores, load average ${load.toFixed(2)} at the start.`,
    );
  } finally {
    await pgbPool.end();
    await bench.close();
  }
  return { goals, broken };
}

async function main(): Promise<void> {
  const runs: Goal[][] = [];
  let broken = false;
  for (let i = 1; i <= RUNS; i++) {
    if (RUNS > 1) console.log(`\n=== run ${i} of ${RUNS} ===`);
    const result = await runOnce();
    runs.push(result.goals);
    broken ||= result.broken;
  }
  if (RUNS > 1) {
    // Rates on a shared 2-core machine swing from minute to minute; a goal is judged over the
    // runs as the issue's own baseline was (the median of three runs).
    console.log(`\nGoals over ${RUNS} runs (met in a majority of them)`);
    for (const [i, { goal }] of runs[0]!.entries()) {
      const each = runs.map((goals) => goals[i]!);
      const met = each.filter((g) => g.met).length;
      console.log(`  ${met * 2 > RUNS ? 'met    ' : 'NOT met'}  ${goal}: met in ${met} of ${RUNS}`);
      for (const [run, g] of each.entries())
        console.log(`             run ${run + 1}: ${g.met ? 'met' : 'NOT met'}, ${g.detail}`);
    }
  }
  if (broken) {
    console.error('A money invariant is broken.');
    process.exitCode = 1;
  }
}

function row(scenario: string, result: HttpResult, baseline?: number, baselineName?: string): Row {
  return {
    scenario,
    rate: result.rate,
    p50: result.p50,
    p99: result.p99,
    statuses:
      statusText(result.statuses) +
      (result.refused ? ` (Retry-After ×${result.refusedWithRetryAfter})` : '') +
      (result.errors ? ` err×${result.errors}` : ''),
    ratio: baseline ? `${fmt(result.rate / baseline, 2)}× ${baselineName}` : undefined,
  };
}

/**
 * The last `count` drafts of people who hold no other draft, for the exhaustion scenario (so no
 * quota refusal mixes with BUDGET_EXHAUSTED), and the rest for the other submit scenarios.
 */
function setAside(drafts: Draft[], count: number): { main: Draft[]; reserved: Draft[] } {
  const perPerson = new Map<string, number>();
  for (const d of drafts) perPerson.set(d.cookie, (perPerson.get(d.cookie) ?? 0) + 1);
  const reserved: Draft[] = [];
  for (let i = drafts.length - 1; i >= 0 && reserved.length < count; i--)
    if (perPerson.get(drafts[i]!.cookie) === 1) reserved.push(drafts[i]!);
  const taken = new Set(reserved);
  return { main: drafts.filter((d) => !taken.has(d)), reserved: reserved.reverse() };
}

/** The member whose `value` is the median (the lower middle one of an even count). */
function median<T>(items: T[], value: (item: T) => number): T {
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor((items.length - 1) / 2)]!;
}

function printTable(rows: Row[], goals: Goal[]): void {
  const header = ['scenario', 'ok/s', 'p50 ms', 'p99 ms', 'statuses', 'ratio'];
  const cells = rows.map((r) => [
    r.scenario,
    fmt(r.rate),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    r.statuses,
    r.ratio ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nLoad benchmark (${SECONDS} s per scenario)`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
  console.log('\nGoals');
  for (const g of goals) console.log(`  ${g.met ? 'met    ' : 'NOT met'}  ${g.goal}: ${g.detail}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
