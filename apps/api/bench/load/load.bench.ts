/**
 * `npm run bench:load` (root, through turbo) or `npm run bench:load -w @huanxin/api`: the load
 * benchmark of issue 10. Not part of `npm test`.
 *
 *   --seconds N     length of each scenario (default 5)
 *   --drafts N      residents with a complete draft to submit (default 6000)
 *   --skip-100k     skip filling the program to 100k claims (the capacity-as-it-fills check)
 *
 * It makes a database and a Redis prefix of its own (dropped at the end), seeds residents and
 * complete drafts through the app's cipher and session service, starts the BUILT API (no worker,
 * so the outbox fills and the drain can be timed) and the Nest hello world as child processes, and
 * runs: pgbench with the submit's statements (own database), the hello world, the public programs
 * list, a resident's list, submits at 4/16/64 connections (each request another resident's draft
 * and its own Idempotency-Key), 256 connections (2× overload), the worker draining the outbox,
 * submits again once the program holds 100k claims, and a budget that runs out mid-run. It prints
 * one table with the goals met or not, then checks the money invariants: exit 1 only if one breaks.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import { Pool } from 'pg';
import { createLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/config';
import { dropDatabase } from '../../src/database/ensure-database';
import { prepareDatabase } from '../../src/database/prepare';
import { createRedis } from '../../src/redis/redis.module';
import { run, type HttpResult, type RequestSpec } from './http';
import { checkInvariants } from './invariants';
import { runPgbench, seedPgbench, type PgbenchResult } from './pgbench';
import { AMOUNT_FEN, fillProgram, newKey, seedResidentsAndDrafts, setRemaining, type Draft } from './seed';
import {
  apiMain,
  freePort,
  helloServer,
  rssSampler,
  startChild,
  tsxCli,
  waitForOk,
  workerMain,
  type Child,
} from './stack';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const SECONDS = option('seconds', 5);
const DRAFTS = option('drafts', 6000);
const SKIP_100K = flag('skip-100k');
const EXHAUSTION_FITS = 50;
const DRAIN_TIMEOUT_MS = 180_000;

interface Row {
  scenario: string;
  rate: number;
  p50: number;
  p99: number;
  statuses: string;
  ratio?: string;
}

/** One of 60k client addresses (10.x.y.z), the n-th. */
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const statusText = (s: Record<string, number>) =>
  Object.entries(s)
    .sort()
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');

/**
 * autocannon stops at the deadline with requests still in flight; the API finishes them. Wait until
 * the run's database has no busy API connection, so that work is neither measured in the next
 * scenario nor lands after the next setup step (a submit reserving from the small budget).
 */
async function settle(pool: Pool, database: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ busy: number }>(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
        WHERE datname = $1 AND application_name = 'huanxin' AND state <> 'idle'`,
      [database],
    );
    if (rows[0]!.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/huanxin');
  const dbUrl = new URL(base);
  const dbName = `huanxin_bench_${runId}`;
  dbUrl.pathname = `/${dbName}`;
  const pgbUrl = new URL(base);
  pgbUrl.pathname = `/huanxin_bench_${runId}_pgbench`;
  const apiPort = await freePort();
  const helloPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: `huanxin-bench-${runId}`,
    LOG_LEVEL: 'warn',
    // Each resident submits once; the per-user write limit is not what is measured here.
    WRITE_LIMIT_PER_MINUTE: '100000',
    // As behind the production proxy: the client address is X-Forwarded-For, so the public list's
    // per-address limit (120/min) sees many residents, not one load generator.
    TRUST_PROXY: '1',
    DATA_DIR: `/tmp/huanxin-bench-${runId}`,
  };
  const config = loadConfig(env);
  const logger = createLogger({ level: 'warn', name: 'bench' });
  const children: Child[] = [];
  const pool = new Pool({ connectionString: dbUrl.toString(), max: 4 });
  const pgbPool = new Pool({ connectionString: pgbUrl.toString(), max: 2 });
  const rows: Row[] = [];
  const goals: { goal: string; met: boolean; detail: string }[] = [];
  const accepted: string[] = [];
  let broken = false;

  try {
    const t0 = Date.now();
    await prepareDatabase(config, logger);
    await prepareDatabase({ ...config, database: { ...config.database, url: pgbUrl.toString() } }, logger);
    const drafts = await seedResidentsAndDrafts(pool, config, DRAFTS, 20);
    await seedPgbench(pgbPool, 20_000);
    // The program holds 1k claims when capacity is first measured.
    await fillProgram(pool, 1000, 'k1');
    console.log(
      `seeded ${drafts.length} drafts of ${DRAFTS} residents in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    const api = startChild([apiMain], { ...env, PORT: String(apiPort), PUBLIC_ORIGIN: apiUrl });
    children.push(api);
    const hello = startChild([tsxCli, helloServer], { ...process.env, PORT: String(helloPort) });
    children.push(hello);
    await waitForOk(`${apiUrl}/api/health`, api);
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
    const helloRun = await run(`http://127.0.0.1:${helloPort}`, {
      connections: 16,
      seconds: SECONDS,
      next: get('/hello'),
    });
    rows.push(row('Nest hello world, 16 conns', helloRun));
    await hello.stop();

    const programsRun = await run(apiUrl, { connections: 16, seconds: SECONDS, next: get('/api/programs') });
    rows.push(row('GET /api/programs, 16 conns', programsRun, helloRun.rate, 'hello'));
    let r = 0;
    const residentsCookies = drafts.filter((d) => !d.duplicate).map((d) => d.cookie);
    const listRun = await run(apiUrl, {
      connections: 16,
      seconds: SECONDS,
      next: () => get('/api/applications', residentsCookies[r++ % residentsCookies.length])(),
    });
    rows.push(row('GET /api/applications, 16 conns', listRun, helloRun.rate, 'hello'));
    goals.push(
      ratioGoal('public list ≥ 0.3× hello world', programsRun.rate, helloRun.rate, 0.3),
      ratioGoal('resident list ≥ 0.3× hello world', listRun.rate, helloRun.rate, 0.3),
    );

    // Submits: every request another resident's draft, with its own Idempotency-Key.
    let cursor = 0;
    const submitted: Draft[] = [];
    const nextSubmit = (): RequestSpec | null => {
      const draft = drafts[cursor++];
      if (!draft) return null;
      submitted.push(draft);
      return {
        method: 'POST',
        path: `/api/applications/${draft.id}/submit`,
        headers: {
          cookie: draft.cookie,
          'x-forwarded-for': address(cursor),
          'idempotency-key': newKey(),
          'content-type': 'application/json',
        },
        body: '{}',
      };
    };
    const submitRuns: Record<number, HttpResult> = {};
    for (const connections of [4, 16, 64]) {
      const result = await run(apiUrl, { connections, seconds: SECONDS, next: nextSubmit });
      await settle(pool, dbName);
      submitRuns[connections] = result;
      accepted.push(...result.acceptedIds);
      rows.push(row(`submit at 1k claims, ${connections} conns`, result, pgb.tps, 'pgbench'));
    }
    const at16 = submitRuns[16]!;
    goals.push({
      goal: 'submit ≥ 0.25× pgbench at 16 conns, p99 ≤ 500 ms',
      met: at16.rate >= 0.25 * pgb.tps && at16.p99 <= 500,
      detail: `${fmt(at16.rate / pgb.tps, 2)}× pgbench, p99 ${fmt(at16.p99)} ms`,
    });

    const overload = await run(apiUrl, { connections: 256, seconds: SECONDS, next: nextSubmit });
    await settle(pool, dbName);
    accepted.push(...overload.acceptedIds);
    rows.push(row('submit overload, 256 conns', overload, pgb.tps, 'pgbench'));
    goals.push({
      goal: 'at 2× capacity: excess gets 429/503 + Retry-After, accepted p99 ≤ 1 s',
      met:
        overload.refused > 0 && overload.refusedWithRetryAfter === overload.refused && overload.p99 <= 1000,
      detail: `${overload.refused} refused (${overload.refusedWithRetryAfter} with Retry-After), accepted p99 ${fmt(overload.p99)} ms, ${overload.errors} socket errors/timeouts`,
    });

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
    const worker = startChild([workerMain], env);
    children.push(worker);
    let started = 0;
    let drained = 0;
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    for (;;) {
      const now = await pending();
      if (!started && (now.outbox < before.outbox || now.waiting < before.waiting)) started = Date.now();
      if (now.outbox === 0 && now.waiting === 0) {
        drained = Date.now();
        break;
      }
      if (Date.now() > deadline || worker.process.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const drainSeconds = ((drained || Date.now()) - (started || Date.now())) / 1000;
    const drainRate = before.waiting / Math.max(drainSeconds, 0.001);
    const submitRate = Math.max(...Object.values(submitRuns).map((s) => s.rate), overload.rate);
    rows.push({
      scenario: `worker drains ${before.waiting} claims (${before.outbox} outbox rows)`,
      rate: drainRate,
      p50: NaN,
      p99: NaN,
      statuses: drained ? `done in ${fmt(drainSeconds, 1)} s` : 'NOT drained in time',
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
      const full = await run(apiUrl, { connections: 16, seconds: SECONDS, next: nextSubmit });
      await settle(pool, dbName);
      accepted.push(...full.acceptedIds);
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

    // The budget runs out mid-run: exactly the claims that fit are accepted, the rest BUDGET_EXHAUSTED.
    await setRemaining(pool, EXHAUSTION_FITS * AMOUNT_FEN);
    const exhaustion = await run(apiUrl, { connections: 16, seconds: SECONDS, next: nextSubmit });
    await settle(pool, dbName);
    accepted.push(...exhaustion.acceptedIds);
    rows.push(row(`budget for ${EXHAUSTION_FITS} runs out, 16 conns`, exhaustion));
    const exhaustedCount = exhaustion.codes.BUDGET_EXHAUSTED ?? 0;
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
      met: exhaustion.acceptedIds.length === EXHAUSTION_FITS && exhaustedCount > 0,
      detail: `${exhaustion.acceptedIds.length} accepted, ${exhaustedCount} BUDGET_EXHAUSTED`,
    });

    rss.stop();
    goals.push({
      goal: 'API RSS ≤ 512 MB under load',
      met: rss.max() <= 512,
      detail: `max ${fmt(rss.max())} MB`,
    });
    if (cursor >= drafts.length)
      console.log(
        'note: the drafts ran out during a submit scenario (raise --drafts); later requests repeated one.',
      );
    const refusedByQuota = submitted.filter((d) => d.duplicate).length;
    console.log(`${refusedByQuota} of the submitted drafts were a person's second phone claim (quota 1).`);

    printTable(rows, goals);
    const invariants = await checkInvariants(pool, { ids: accepted });
    console.log('\nMoney invariants');
    for (const inv of invariants) {
      console.log(`  ${inv.problems.length ? 'BROKEN' : 'holds '}  ${inv.name}`);
      for (const p of inv.problems.slice(0, 5)) console.log(`           ${p}`);
      if (inv.problems.length) broken = true;
    }
    console.log(
      `\n${accepted.length} submits accepted in all; machine: ${os.cpus().length} cores, shared with other work.`,
    );
  } finally {
    for (const child of children.reverse()) await child.stop();
    await pool.end();
    await pgbPool.end();
    await dropDatabase(dbUrl.toString());
    await dropDatabase(pgbUrl.toString());
    await clearRedis(config);
    rmSync(env.DATA_DIR!, { recursive: true, force: true });
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
    statuses: statusText(result.statuses) + (result.errors ? ` err×${result.errors}` : ''),
    ratio: baseline ? `${fmt(result.rate / baseline, 2)}× ${baselineName}` : undefined,
  };
}

function ratioGoal(goal: string, rate: number, baseline: number, min: number) {
  return { goal, met: rate >= min * baseline, detail: `${fmt(rate / baseline, 2)}×` };
}

function printTable(rows: Row[], goals: { goal: string; met: boolean; detail: string }[]): void {
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

async function clearRedis(config: ReturnType<typeof loadConfig>): Promise<void> {
  const redis = createRedis({ ...config, redis: { ...config.redis, prefix: '' } });
  redis.options.keyPrefix = '';
  try {
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
