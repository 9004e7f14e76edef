/**
 * Browser-test global setup: start the BUILT portal (apps/api/dist/main.js, which also serves apps/web/dist)
 * on a free port with its own database, wait for /api/health, and hand the base URL to the tests. A second
 * portal runs with STAFF_MFA=totp for the authenticator tests, a third with its queue worker for the review
 * workbench. Teardown stops them and drops their databases.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A second portal with STAFF_MFA=totp (the production default), for the TOTP enrolment and sign-in test. */
    mfaBaseUrl: string;
    /**
     * A third portal with its queue worker running (the automated checks move a submitted claim into
     * review), for the review workbench tests; the others run no worker, so their claims stay submitted.
     */
    reviewBaseUrl: string;
    /**
     * The review portal's database, for what a browser cannot bring about in a test's time: the daily SLA
     * digest's staff notice (a scheduled job at 08:00 over claims days in review).
     */
    reviewDatabaseUrl: string;
  }
}

const webDir = fileURLToPath(new URL('..', import.meta.url));
const apiMain = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
const workerMain = fileURLToPath(new URL('../../api/dist/main.worker.js', import.meta.url));
const webIndex = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const STARTUP_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
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

async function waitForHealth(baseUrl: string, server: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `The portal exited with code ${server.exitCode} before it was healthy.\n--- server stderr ---\n${stderr()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `The portal did not answer GET /api/health with 200 within ${STARTUP_TIMEOUT_MS / 1000} s (last: ${last}).\n--- server stderr ---\n${stderr()}`,
  );
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    // The name is generated below from hex digits only; identifiers cannot be bound as parameters.
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Removes every key of a portal's Redis prefix (sessions, limits, BullMQ's queues), as its database is dropped. */
async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Start one built portal with its own database and Redis prefix; resolves once it is healthy. */
async function startPortal(
  extraEnv: Record<string, string>,
  { worker = false }: { worker?: boolean } = {},
): Promise<{ baseUrl: string; databaseUrl: string; teardown: () => Promise<void> }> {
  const runId = randomBytes(5).toString('hex');
  const database = `huanxin_e2e_${runId}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const redisPrefix = `huanxin-e2e-${runId}`;

  let stderrText = '';
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    // The API accepts letters, digits, _ . - in the prefix (no ':').
    REDIS_PREFIX: redisPrefix,
    PUBLIC_ORIGIN: baseUrl,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const server = spawn(process.execPath, [apiMain], {
    cwd: webDir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.setEncoding('utf8');
  server.stderr?.on('data', (chunk: string) => {
    stderrText = (stderrText + chunk).slice(-20_000);
  });

  let workerProcess: ChildProcess | null = null;
  const teardown = async (): Promise<void> => {
    if (workerProcess) await stop(workerProcess);
    await stop(server);
    await dropDatabase(database);
    await deleteRedisPrefix(redisPrefix);
  };

  try {
    await waitForHealth(baseUrl, server, () => stderrText);
    // After the API is healthy: its start has applied the migrations the worker reads.
    if (worker) {
      workerProcess = spawn(process.execPath, [workerMain], {
        cwd: webDir,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      workerProcess.stderr?.setEncoding('utf8');
      workerProcess.stderr?.on('data', (chunk: string) => {
        stderrText = (stderrText + chunk).slice(-20_000);
      });
    }
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
  return { baseUrl, databaseUrl, teardown };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(apiMain)) {
    throw new Error(
      `${apiMain} is missing. Build first: npx turbo run build --filter=@huanxin/api --filter=@huanxin/web`,
    );
  }
  if (!existsSync(webIndex)) {
    throw new Error(`${webIndex} is missing. Build the web first: npm run build -w @huanxin/web`);
  }

  const main = await startPortal({});
  let mfa: Awaited<ReturnType<typeof startPortal>>;
  let review: Awaited<ReturnType<typeof startPortal>>;
  try {
    mfa = await startPortal({ STAFF_MFA: 'totp' });
  } catch (error) {
    await main.teardown().catch(() => undefined);
    throw error;
  }
  try {
    review = await startPortal({}, { worker: true });
  } catch (error) {
    await Promise.all([main.teardown(), mfa.teardown()]).catch(() => undefined);
    throw error;
  }

  project.provide('baseUrl', main.baseUrl);
  project.provide('mfaBaseUrl', mfa.baseUrl);
  project.provide('reviewBaseUrl', review.baseUrl);
  project.provide('reviewDatabaseUrl', review.databaseUrl);
  return async () => {
    await Promise.all([main.teardown(), mfa.teardown(), review.teardown()]);
  };
}
