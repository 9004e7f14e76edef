/**
 * The processes of one benchmark run: the BUILT API (dist/main.js) and worker (dist/main.worker.js)
 * on a database and Redis prefix of the run's own, and the Nest hello world, each a child process
 * on a free port, so the load generator (this process) does not share their event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Pool } from 'pg';
import { createLogger } from '../../src/common/logging/logger';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { dropDatabase } from '../../src/database/ensure-database';
import { prepareDatabase } from '../../src/database/prepare';
import { QUEUE_NAMES } from '../../src/queue/jobs';
import { createRedis } from '../../src/redis/redis.module';
import type { DraftQueue, Ticket } from './drafts';
import { run, type HttpResult, type RequestSpec } from './http';

const API_DIR = path.resolve(__dirname, '..', '..');
const STARTUP_TIMEOUT_MS = 90_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

export function startChild(args: string[], env: NodeJS.ProcessEnv, command = process.execPath): Child {
  let stderr = '';
  const child = spawn(command, args, { cwd: API_DIR, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  return {
    process: child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200 (or the child exits, or 90 s pass). */
export async function waitForOk(url: string, child: Child): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null)
      throw new Error(`${url}: the process exited (${child.process.exitCode})\n${child.stderr()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer 200 in time (last: ${last})\n${child.stderr()}`);
}

export const apiMain = path.join(API_DIR, 'dist', 'main.js');
export const workerMain = path.join(API_DIR, 'dist', 'main.worker.js');
export const tsxCli = path.resolve(API_DIR, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const helloServer = path.join(__dirname, 'hello-server.ts');

/** Samples a process's resident set size (VmRSS, Linux) every 250 ms; `max()` in MB. */
export function rssSampler(pid: number): { max: () => number; stop: () => void } {
  let max = 0;
  const sample = () => {
    try {
      const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (line) max = Math.max(max, Number(line[1]) / 1024);
    } catch {
      // The process has ended: keep the maximum seen.
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  return { max: () => max, stop: () => clearInterval(timer) };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; 0 once it has ended). */
export function cpuSeconds(pid: number): number {
  const { user, system } = cpuSplit(pid);
  return user + system;
}

/** The same, as the time in the process's own code (user) and in the kernel for it (system). */
export function cpuSplit(pid: number): { user: number; system: number } {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** `--name` given on the command line. */
export function cliFlag(argv: readonly string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

/** The number after `--name`, or `fallback`. */
export function cliOption(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

/** Every value given after `--name` (the option repeated), in order. */
export function cliOptions(argv: readonly string[], name: string): string[] {
  return argv.flatMap((a, i) => (argv[i - 1] === `--${name}` ? [a] : []));
}

/** One of 60k client addresses (10.x.y.z), the n-th. */
export const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** The submit of a draft with its ticket's key, from the n-th client address (as autocannon sends it). */
export function submitRequest(ticket: Ticket, client: number): RequestSpec & { body: string } {
  return {
    method: 'POST',
    path: `/api/applications/${ticket.draft.id}/submit`,
    headers: {
      cookie: ticket.draft.cookie,
      'x-forwarded-for': clientAddress(client),
      'idempotency-key': ticket.key,
      'content-type': 'application/json',
    },
    body: '{}',
    ticket,
  };
}

let nextClient = 0;

/**
 * Submits drafts from `queue` at `connections` for `seconds` (autocannon), each answer handed back
 * to the queue (a refused draft is retried with its key, any other answer spends it); drafts still
 * in flight at the end are set aside.
 */
export async function submitDrafts(
  apiUrl: string,
  queue: DraftQueue,
  options: { connections: number; seconds: number },
): Promise<HttpResult> {
  const result = await run(apiUrl, {
    ...options,
    next: () => {
      const ticket = queue.take();
      return ticket ? submitRequest(ticket, nextClient++) : null;
    },
    answered: (spec, status) => queue.answer(spec.ticket!, status),
    finished: () => queue.finished,
  });
  queue.abandonInFlight();
  return result;
}

/**
 * What one benchmark run stands on: a database (`huanxin_bench_<run>`, migrated) and a Redis
 * prefix of its own, the environment the API and worker get, a small pool for the benchmark's own
 * queries, and the child processes it started. `close()` stops the children and removes all of
 * it (and the extra databases named by `databaseUrl`).
 */
export interface BenchRun {
  dbName: string;
  dbUrl: URL;
  env: NodeJS.ProcessEnv;
  config: AppConfig;
  logger: ReturnType<typeof createLogger>;
  pool: Pool;
  apiUrl: string;
  children: Child[];
  /** A further database of this run (dropped by `close`), e.g. pgbench's own. */
  databaseUrl: (suffix: string) => URL;
  /** Starts the built API on the run's port and waits until it answers. */
  startApi: () => Promise<Child>;
  /** Starts the built worker (extra environment and node arguments, e.g. --cpu-prof). */
  /** `main`: another build's main.worker.js (an A/B of the drain); default dist's. */
  startWorker: (extraEnv?: Record<string, string>, nodeArgs?: string[], main?: string) => Child;
  close: () => Promise<void>;
}

export async function openBenchRun(): Promise<BenchRun> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/huanxin');
  const databaseUrl = (suffix: string) => {
    const url = new URL(base);
    url.pathname = `/huanxin_bench_${runId}${suffix}`;
    return url;
  };
  const dbUrl = databaseUrl('');
  const dbName = dbUrl.pathname.slice(1);
  const extraDatabases: URL[] = [];
  const apiPort = await freePort();
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
    // per-address limit sees many residents, not one load generator.
    TRUST_PROXY: '1',
    DATA_DIR: `/tmp/huanxin-bench-${runId}`,
  };
  const config = loadConfig(env);
  const logger = createLogger({ level: 'warn', name: 'bench' });
  const children: Child[] = [];
  const pool = new Pool({ connectionString: dbUrl.toString(), max: 4 });
  await prepareDatabase(config, logger);
  return {
    dbName,
    dbUrl,
    env,
    config,
    logger,
    pool,
    apiUrl,
    children,
    databaseUrl: (suffix) => {
      const url = databaseUrl(`_${suffix}`);
      extraDatabases.push(url);
      return url;
    },
    startApi: async () => {
      // API_NODE_ARGS (e.g. --cpu-prof) go to the API's node, as WORKER_NODE_ARGS to the worker's.
      const nodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const api = startChild([...nodeArgs, apiMain], {
        ...env,
        PORT: String(apiPort),
        PUBLIC_ORIGIN: apiUrl,
      });
      children.push(api);
      await waitForOk(`${apiUrl}/api/health`, api);
      return api;
    },
    startWorker: (extraEnv = {}, nodeArgs = [], main = workerMain) => {
      const worker = startChild([...nodeArgs, main], { ...env, ...extraEnv });
      children.push(worker);
      return worker;
    },
    close: async () => {
      for (const child of children.reverse()) await child.stop();
      // pool.end() resolves before its idle clients' sockets are closed; the DROP … WITH (FORCE)
      // right after may terminate one of them, which is expected here, not an error.
      pool.on('error', () => undefined);
      await pool.end();
      for (const url of [dbUrl, ...extraDatabases]) await dropDatabase(url.toString());
      await clearRedis(config);
      rmSync(env.DATA_DIR!, { recursive: true, force: true });
    },
  };
}

/** Deletes every Redis key of the run's prefix. */
export async function clearRedis(config: AppConfig): Promise<void> {
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

/**
 * Waits until the worker has nothing left to do: the outbox relayed and no job of any queue
 * waiting or running (the drain's end counts claims moved, but their notification jobs
 * may still be running; a scenario measured after it must not share the machine with them).
 */
export async function waitForIdleWorker(run: BenchRun, timeoutMs = 180_000): Promise<boolean> {
  const redis = createRedis({ ...run.config, redis: { ...run.config.redis, prefix: '' } });
  redis.options.keyPrefix = '';
  const prefix = run.config.redis.prefix;
  const deadline = Date.now() + timeoutMs;
  try {
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
    while (Date.now() < deadline) {
      const { rows } = await run.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`,
      );
      let busy = rows[0]!.n;
      for (const queue of QUEUE_NAMES) {
        // Not `delayed`: the schedules (hourly expiry, the SLA digest) always keep their next run there.
        const [wait, active, prioritized] = await Promise.all([
          redis.llen(`${prefix}:q:${queue}:wait`),
          redis.llen(`${prefix}:q:${queue}:active`),
          redis.zcard(`${prefix}:q:${queue}:prioritized`),
        ]);
        busy += wait + active + prioritized;
      }
      if (busy === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * autocannon stops at the deadline with requests still in flight; the API finishes them. Wait until
 * the run's database has no busy API connection, so that work is neither measured in the next
 * scenario nor lands after the next setup step (a submit reserving from the small budget).
 */
export async function settle(pool: Pool, database: string): Promise<void> {
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

/** CPU seconds of a process and its descendants (the hello world runs under tsx's own child). */
export function treeCpu(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number);
  } catch {
    // Gone: nothing below it.
  }
  return cpuSeconds(pid) + children.reduce((sum, c) => sum + treeCpu(c), 0);
}
