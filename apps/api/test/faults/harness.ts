/**
 * The fault matrix's tools: the BUILT API and worker as real processes (so a SIGKILL is a real
 * crash), private redis-server and PostgreSQL instances on free ports (the shared ones are never
 * stopped), a database of each suite's own (so the invariants cover every row in it and no other
 * suite's leftovers), seeded residents and complete drafts, and the checks run after each fault:
 * the money invariants, every acknowledged claim present, nothing stuck.
 *
 * Every started thing registers its own clean-up in a `Cleanup`, which a suite runs in `afterAll`,
 * so a failing test still stops its processes and removes its temp dirs and database.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bankCardNumber, mobileNumber, residentIdNumber } from '@huanxin/shared/testing';
import { Pool } from 'pg';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { createLogger } from '../../src/common/logging/logger';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { dropDatabase } from '../../src/database/ensure-database';
import { prepareDatabase } from '../../src/database/prepare';
import { insertCompleteDrafts, insertResidents, residentCookies } from '../utils/bulk-seed';
import { checkMoneyInvariants } from '../utils/money-invariants';

const API_DIR = path.resolve(__dirname, '..', '..');
export const API_MAIN = path.join(API_DIR, 'dist', 'main.js');
export const WORKER_MAIN = path.join(API_DIR, 'dist', 'main.worker.js');
const PG_BIN = '/usr/lib/postgresql/15/bin';

export function requireBuild(): void {
  for (const file of [API_MAIN, WORKER_MAIN])
    if (!fs.existsSync(file))
      throw new Error(`${file} is missing: build the API first (turbo builds it before the tests)`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it answers something other than undefined; throws `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last: ${String(last)})` : ''}`,
      );
    await sleep(intervalMs);
  }
}

/** Clean-up steps run last-registered first; each step's failure is collected, not fatal to the rest. */
export class Cleanup {
  private readonly steps: (() => Promise<unknown> | unknown)[] = [];
  add(step: () => Promise<unknown> | unknown): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.steps.length) {
      try {
        await this.steps.pop()!();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length) throw new AggregateError(errors, 'clean-up failed');
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

export interface Proc {
  readonly child: ChildProcess;
  /** The last 200 kB of stdout + stderr (for failure messages). */
  output(): string;
  alive(): boolean;
  /** SIGKILL (a crash) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM, SIGKILL after 10 s; waits for the exit. */
  stop(): Promise<void>;
}

function track(child: ChildProcess): Proc {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-5_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => output,
    alive,
    kill: async () => {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!alive()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** What a child API/worker needs: the suite's database and Redis, test limits raised, logs at info. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    AUTH_IP_LIMIT_PER_HOUR: '100000',
    OTP_IP_LIMIT_PER_HOUR: '100000',
    WRITE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  };
}

export interface Api extends Proc {
  url: string;
  port: number;
}

/** The built API (dist/main.js) on `port` (a free one by default), once /api/health answers 200. */
export async function startApi(cleanup: Cleanup, env: Record<string, string>, port?: number): Promise<Api> {
  const chosen = port ?? (await freePort());
  const proc = track(
    spawn(process.execPath, [API_MAIN], {
      cwd: API_DIR,
      // Warnings and errors only: the last 200 kB kept for a failure message are the useful ones.
      env: childEnv({ LOG_LEVEL: 'warn', ...env, PORT: String(chosen) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  cleanup.add(() => proc.kill());
  const url = `http://127.0.0.1:${chosen}`;
  await waitFor(
    'the API to answer /api/health with 200',
    async () => {
      if (!proc.alive()) throw new Error(`the API exited:\n${proc.output()}`);
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
      return res.status === 200 ? true : undefined;
    },
    90_000,
    300,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${proc.output()}`);
  });
  return { ...proc, url, port: chosen };
}

/** The built worker (dist/main.worker.js), once it logs that it runs. */
export async function startWorker(cleanup: Cleanup, env: Record<string, string>): Promise<Proc> {
  const proc = track(
    spawn(process.execPath, [WORKER_MAIN], {
      cwd: API_DIR,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  cleanup.add(() => proc.kill());
  await waitFor(
    'the worker to start',
    async () => {
      if (!proc.alive()) throw new Error(`the worker exited:\n${proc.output()}`);
      return proc.output().includes('Huanxin worker running') ? true : undefined;
    },
    90_000,
  );
  return proc;
}

// ---------------------------------------------------------------------------------------------
// Private Redis and PostgreSQL
// ---------------------------------------------------------------------------------------------

export interface PrivateRedis {
  port: number;
  url: string;
  /** Stops it without saving (its data is gone) and waits for the exit. */
  kill(): Promise<void>;
  /** A fresh, empty redis-server on the same port. */
  start(): Promise<void>;
  /** Sends a signal (SIGSTOP: it stops answering, its connections stay open; SIGCONT). */
  signal(signal: NodeJS.Signals): void;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
  });
}

/** A throw-away redis-server without persistence (`--save "" --appendonly no`) on a free port. */
export async function privateRedis(cleanup: Cleanup): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanxin-fault-redis-'));
  cleanup.add(() => fs.rmSync(dir, { recursive: true, force: true }));
  let proc: Proc | undefined;
  const start = async () => {
    proc = track(
      spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    await waitFor(
      'the private redis-server to answer PING',
      async () => {
        if (!proc!.alive()) throw new Error(`redis-server exited:\n${proc!.output()}`);
        return (await answersPing(port)) ? true : undefined;
      },
      20_000,
      50,
    );
  };
  await start();
  cleanup.add(() => proc?.kill());
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    kill: async () => proc?.kill(),
    start,
    signal: (signal) => void proc?.child.kill(signal),
  };
}

export interface PrivatePostgres {
  port: number;
  /** A URL of database `name` on this server. */
  url(name: string): string;
  /** `pg_ctl stop -m fast` (connections are terminated) and wait. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Who runs initdb/pg_ctl: PostgreSQL refuses to run as root, so as root the `postgres` user. */
function pgUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root: a private PostgreSQL needs the `postgres` user to run as');
  }
}

async function pgRun(args: string[], as: { uid: number; gid: number } | undefined): Promise<void> {
  const child = spawn(args[0]!, args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], ...as });
  const proc = track(child);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${args.join(' ')} failed (${code}):\n${proc.output()}`);
}

/** A throw-away PostgreSQL 15 cluster (initdb, trust auth, no fsync) in a temp dir on a free port. */
export async function privatePostgres(cleanup: Cleanup): Promise<PrivatePostgres> {
  const as = pgUser();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanxin-fault-pg-'));
  cleanup.add(() => fs.rmSync(dir, { recursive: true, force: true }));
  if (as) fs.chownSync(dir, as.uid, as.gid);
  const data = path.join(dir, 'data');
  await pgRun(
    [
      `${PG_BIN}/initdb`,
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ],
    as,
  );
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const ctl = (...args: string[]) =>
    pgRun([`${PG_BIN}/pg_ctl`, '-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', ...args], as);
  const start = () => ctl('-o', options, 'start');
  const stop = () => ctl('-m', 'fast', 'stop');
  await start();
  cleanup.add(() => stop().catch(() => undefined));
  return { port, url: (name) => `postgres://postgres@127.0.0.1:${port}/${name}`, stop, start };
}

// ---------------------------------------------------------------------------------------------
// A suite's own database and Redis prefix
// ---------------------------------------------------------------------------------------------

export interface Stack {
  /** The settings the suite's processes run with (DATABASE_URL, REDIS_URL, REDIS_PREFIX). */
  env: Record<string, string>;
  config: AppConfig;
  pool: Pool;
}

/**
 * A database of the suite's own (on the shared server next to the run's, or on `databaseUrl`),
 * migrated and seeded as `npm start` does, and a Redis prefix under the run's (the global
 * teardown removes that too). Dropped at clean-up.
 */
export async function suiteStack(
  cleanup: Cleanup,
  name: string,
  options: { databaseUrl?: string; redisUrl?: string } = {},
): Promise<Stack> {
  const suffix = `${name}_${randomBytes(2).toString('hex')}`;
  const base = loadConfig();
  const url = new URL(options.databaseUrl ?? base.database.url);
  url.pathname = options.databaseUrl ? url.pathname : `${url.pathname}_${suffix}`;
  const env: Record<string, string> = {
    DATABASE_URL: url.toString(),
    REDIS_URL: options.redisUrl ?? base.redis.url,
    REDIS_PREFIX: `${base.redis.prefix}-${suffix}`,
  };
  const config = loadConfig({ ...process.env, ...env });
  await prepareDatabase(config, createLogger({ level: 'warn', name: `fault-${name}` }));
  if (!options.databaseUrl) cleanup.add(() => dropDatabase(config.database.url));
  const pool = new Pool({ connectionString: config.database.url, max: 4 });
  // A restarted server drops idle connections; the pool reports it here instead of crashing jest.
  pool.on('error', () => undefined);
  cleanup.add(() => pool.end());
  return { env, config, pool };
}

export async function rows<T>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query(sql, params)).rows as T[];
}

// ---------------------------------------------------------------------------------------------
// Residents and drafts
// ---------------------------------------------------------------------------------------------

export interface Draft {
  id: string;
  cookie: string;
  userId: string;
}

const PROGRAM = 'digital-2026';
/** 15 % of a 3,000-yuan phone. */
export const AMOUNT_FEN = 45_000;

/**
 * `count` residents (real-name profile, session) each with one complete draft of digital-2026
 * (both required documents on file), written straight to the database through the app's own
 * cipher and session service as test/utils/residents.ts does. `start` numbers them, so two
 * seedings into one database never collide (phones, ID numbers, invoice and serial numbers).
 */
export async function seedDrafts(stack: Stack, count: number, start = 0): Promise<Draft[]> {
  const { pool, config } = stack;
  const [program] = await rows<{ id: string; current_version_id: string }>(
    pool,
    `SELECT id, current_version_id FROM program WHERE code = $1`,
    [PROGRAM],
  );
  const ns = Array.from({ length: count }, (_, i) => start + i);
  const idOf = await insertResidents(
    pool,
    new PiiCipher(config),
    ns.map((n) => ({
      n,
      phone: mobileNumber(n, { prefix: '1370533' }),
      idNumber: residentIdNumber({
        birthDate: `1948-02-${String(1 + Math.floor(n / 1000)).padStart(2, '0')}`,
        sequence: n % 1000,
      }),
      bankAccount: bankCardNumber(n + 900_000),
    })),
  );
  const claims = await insertCompleteDrafts(
    pool,
    { programId: program!.id, versionId: program!.current_version_id, storagePrefix: 'fault' },
    ns.map((n) => ({
      applicantId: idOf.get(n)!,
      facts: {
        item: {
          category: 'phone',
          priceFen: 300_000,
          invoiceNo: `263799${String(n).padStart(14, '0')}`,
          invoiceDate: '2026-04-02',
          serialNo: `FAULT-SN-${n}`,
          dealerUscc: '91370114MA3C5T8X1Q',
        },
      },
    })),
  );
  await pool.query('ANALYZE');
  const cookies = await residentCookies(
    config,
    claims.map((c) => ({ id: c.applicant_id, displayName: '居民' })),
  );
  return claims.map((claim) => ({
    id: claim.id,
    userId: claim.applicant_id,
    cookie: cookies.get(claim.applicant_id)!,
  }));
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

export interface Answer {
  /** 0: no answer (connection refused or reset: the process died). */
  status: number;
  body: unknown;
  retryAfter: string | null;
  ms: number;
}

export async function call(
  url: string,
  options: { method?: string; cookie?: string; key?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError')
      throw new Error(`${url} did not answer in time`, { cause: error });
    return {
      status: 0,
      body: String((error as Error).cause ?? error),
      retryAfter: null,
      ms: Date.now() - started,
    };
  }
}

export interface Submitted {
  draft: Draft;
  key: string;
  answer: Answer;
}

export const submit = (api: string, draft: Draft, key: string = randomUUID()): Promise<Submitted> =>
  call(`${api}/api/applications/${draft.id}/submit`, {
    method: 'POST',
    cookie: draft.cookie,
    key,
    body: {},
  }).then((answer) => ({ draft, key, answer }));

// ---------------------------------------------------------------------------------------------
// After each fault
// ---------------------------------------------------------------------------------------------

/** Every money invariant holds over the whole suite database; `accepted`: the ids answered 200. */
export async function expectMoneyInvariants(pool: Pool, accepted: string[]): Promise<void> {
  const invariants = await checkMoneyInvariants(async (sql, params) => (await pool.query(sql, params)).rows, {
    ids: [...new Set(accepted)],
  });
  expect(invariants.filter((i) => i.problems.length)).toEqual([]);
}

export interface ClaimState {
  id: string;
  status: string;
  reserved_fen: number;
  submitted_at: Date | null;
  reserves: number;
  releases: number;
  submit_events: number;
  check_jobs: number;
}

/** Each claim's status, what it holds and the rows a submit writes with it (ledger, event, outbox). */
export async function claimStates(pool: Pool, ids: string[]): Promise<Map<string, ClaimState>> {
  const found = await rows<ClaimState>(
    pool,
    `SELECT a.id, a.status, a.reserved_fen::int AS reserved_fen, a.submitted_at,
            (SELECT count(*)::int FROM budget_ledger l WHERE l.subject_id = a.id AND l.entry = 'reserve') AS reserves,
            (SELECT count(*)::int FROM budget_ledger l WHERE l.subject_id = a.id AND l.entry = 'release') AS releases,
            (SELECT count(*)::int FROM application_event e WHERE e.application_id = a.id AND e.to_status = 'submitted') AS submit_events,
            (SELECT count(*)::int FROM outbox o JOIN application_event e ON o.job_id = 'check-' || e.id::text
              WHERE e.application_id = a.id) AS check_jobs
       FROM application a WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(found.map((row) => [row.id, row]));
}

/**
 * No claim is half-done: a draft holds nothing and has no submit rows; a submitted (or later)
 * claim has exactly one reservation of its amount, its event and its check job. Answers problems.
 */
export function halfDone(states: Map<string, ClaimState>): string[] {
  const problems: string[] = [];
  for (const s of states.values()) {
    const whole =
      s.status === 'draft'
        ? s.reserved_fen === 0 &&
          s.reserves === 0 &&
          s.submit_events === 0 &&
          s.check_jobs === 0 &&
          !s.submitted_at
        : s.reserved_fen === AMOUNT_FEN &&
          s.reserves === 1 &&
          s.releases === 0 &&
          s.submit_events === 1 &&
          s.check_jobs >= 1 &&
          s.submitted_at !== null;
    if (!whole) problems.push(`claim ${s.id}: ${JSON.stringify(s)}`);
  }
  return problems;
}

/** Nothing stuck: every outbox row dispatched and no claim of the database left in submitted/checking. */
export async function waitUntilNothingStuck(pool: Pool, timeoutMs: number): Promise<void> {
  await waitFor(
    'every claim checked and every outbox row sent',
    async () => {
      const [row] = await rows<{ waiting: number; outbox: number }>(
        pool,
        `SELECT (SELECT count(*)::int FROM application WHERE status IN ('submitted', 'checking')) AS waiting,
                (SELECT count(*)::int FROM outbox WHERE dispatched_at IS NULL) AS outbox`,
      );
      return row!.waiting === 0 && row!.outbox === 0 ? true : undefined;
    },
    timeoutMs,
    500,
  );
}

/** The distinct errors a process logged (pino JSON lines at level ≥ 50): for failure messages. */
export function loggedErrors(proc: Proc): string[] {
  const found = new Set<string>();
  for (const line of proc.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as {
        level?: number | string;
        msg?: string;
        route?: string;
        err?: { type?: string; message?: string; stack?: string };
      };
      if (['error', 'fatal', 50, 60].includes(entry.level ?? 0))
        found.add(
          `${entry.msg} ${entry.route ?? ''}: ${entry.err?.type}: ${entry.err?.message} @ ${entry.err?.stack?.split('\n').slice(1, 4).join(' ')}`,
        );
    } catch {
      // a line cut by the tail buffer
    }
  }
  return [...found];
}
