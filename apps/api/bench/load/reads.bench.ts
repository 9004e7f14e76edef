/**
 * The read rows of load.bench.ts alone, repeated, for work on the two GET paths:
 *
 *   npx tsx bench/load/reads.bench.ts [--seconds 3] [--rounds 3] [--residents 9500]
 *     [--api dist/main.js --api other-build/main.js] [--only list|programs] [--node-arg X]
 *
 * (the API built first). Each round runs the Nest hello world, then `GET /api/programs` and a
 * resident's `GET /api/applications` exactly as load.bench.ts does (16 connections, one client
 * address per request, ~9,500 residents in rotation), and prints each rate with its ratio to
 * that round's hello world and the CPU time per answer of the server, of the API's PostgreSQL
 * backends, of the Redis server (all of it: other clients count too) and of the load generator.
 * On a shared machine the rates swing with what else runs (each row shows the 1-minute load
 * average); CPU per answer swings less. Several `--api` builds (e.g. a copy of dist from before a
 * change) run side by side against the same data, each right after its own hello world, in a
 * rotated order: an A/B in one run.
 * `--node-arg` (repeatable) goes to the API processes, e.g. `--require` of a profiler.
 * Own database and Redis prefix, removed at the end. Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/config';
import { dropDatabase } from '../../src/database/ensure-database';
import { prepareDatabase } from '../../src/database/prepare';
import { createRedis } from '../../src/redis/redis.module';
import { run, type HttpResult, type RequestSpec } from './http';
import { fillProgram, seedResidentsAndDrafts } from './seed';
import {
  apiMain,
  clearRedis,
  cliOptions,
  cpuSeconds,
  freePort,
  helloServer,
  startChild,
  treeCpu,
  tsxCli,
  waitForOk,
  type Child,
} from './stack';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const many = (name: string) => cliOptions(argv, name);
const nodeArgs = many('node-arg');
/** `--api path/main.js` (repeatable): API builds to compare in the same rounds (default: dist). */
const apiMains = many('api').length ? many('api').map((a) => path.resolve(a)) : [apiMain];
const SECONDS = option('seconds', 3);
const ROUNDS = option('rounds', 3);
const RESIDENTS = option('residents', 9500);
/** `--only list` or `--only programs`: that scenario alone in each round (to profile it). */
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : '';

const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/huanxin');
  dbUrl.pathname = `/huanxin_bench_${runId}`;
  const helloPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: `huanxin-bench-${runId}`,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '1',
    DATA_DIR: `/tmp/huanxin-bench-${runId}`,
  };
  const config = loadConfig(env);
  const pool = new Pool({ connectionString: dbUrl.toString(), max: 4 });
  const children: Child[] = [];
  try {
    await prepareDatabase(config, createLogger({ level: 'warn', name: 'bench' }));
    const drafts = await seedResidentsAndDrafts(pool, config, RESIDENTS, 20);
    await fillProgram(pool, 1000, 'k1');
    const cookies = [...new Set(drafts.map((d) => d.cookie))];
    const apis: { name: string; child: Child; url: string }[] = [];
    for (const main of apiMains) {
      const url = `http://127.0.0.1:${await freePort()}`;
      const child = startChild([...nodeArgs, main], { ...env, PORT: new URL(url).port, PUBLIC_ORIGIN: url });
      children.push(child);
      apis.push({ name: path.relative(process.cwd(), main), child, url });
    }
    const hello = startChild([tsxCli, helloServer], { ...process.env, PORT: String(helloPort) });
    children.push(hello);
    for (const api of apis) await waitForOk(`${api.url}/api/health`, api.child);
    await waitForOk(`http://127.0.0.1:${helloPort}/hello`, hello);

    let client = 0;
    let r = 0;
    const get = (path: string, cookie?: string): RequestSpec => ({
      method: 'GET',
      path,
      headers: { 'x-forwarded-for': address(client++), ...(cookie ? { cookie } : {}) },
    });
    // The API's PostgreSQL backends and the Redis server: their CPU is part of what a list costs.
    const backends = async () =>
      (
        await pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'huanxin'`,
        )
      ).rows.map((b) => b.pid);
    const redisPid = Number(/process_id:(\d+)/.exec(await redisInfo(config))?.[1]);
    const cpuOf = async () => ({
      pg: new Map((await backends()).map((pid) => [pid, cpuSeconds(pid)])),
      redis: cpuSeconds(redisPid),
      self: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    });
    const timed = async (child: Child, url: string, next: () => RequestSpec) => {
      const cpu0 = treeCpu(child.process.pid!);
      const o0 = await cpuOf();
      const result: HttpResult = await run(url, { connections: 16, seconds: SECONDS, next });
      const served = Object.values(result.statuses).reduce((a, b) => a + b, 0);
      const o1 = await cpuOf();
      // A backend the pool opened during the run counts from 0 (a few ms of start-up).
      let pg = 0;
      for (const [pid, cpu] of o1.pg) pg += cpu - (o0.pg.get(pid) ?? 0);
      const us = (s: number) => ((s * 1e6) / served).toFixed(0);
      const server = treeCpu(child.process.pid!) - cpu0;
      return {
        result,
        cpu: `${us(server)}/${us(pg)}/${us(o1.redis - o0.redis)}/${us(o1.self - o0.self)}`,
      };
    };
    console.log(
      'round | API | load | hello/s | programs/s (×) | list/s (×) | CPU µs per answer (server/PostgreSQL/Redis/load generator): hello, programs, list',
    );
    for (let round = 1; round <= ROUNDS; round++) {
      // Each build in turn, in a rotated order (none always runs first), right after the hello world.
      for (let k = 0; k < apis.length; k++) {
        const api = apis[(k + round) % apis.length]!;
        const h = await timed(hello, `http://127.0.0.1:${helloPort}`, () => get('/hello'));
        const p = ONLY === 'list' ? h : await timed(api.child, api.url, () => get('/api/programs'));
        const l =
          ONLY === 'programs'
            ? h
            : await timed(api.child, api.url, () => get('/api/applications', cookies[r++ % cookies.length]));
        const x = (v: HttpResult) => `${v.rate.toFixed(0)} (${(v.rate / h.result.rate).toFixed(2)}×)`;
        const bad = [p, l].flatMap((t) =>
          Object.keys(t.result.statuses).some((c) => c !== '200') ? [JSON.stringify(t.result.statuses)] : [],
        );
        console.log(
          `${round} | ${api.name} | ${loadavg()[0]!.toFixed(1)} | ${h.result.rate.toFixed(0)} | ${x(p.result)} | ${x(l.result)} | ` +
            `${h.cpu}, ${p.cpu}, ${l.cpu}${bad.length ? ` | ${bad.join(' ')}` : ''}`,
        );
      }
    }
  } finally {
    for (const child of children.reverse()) await child.stop();
    await pool.end();
    await dropDatabase(dbUrl.toString());
    await clearRedis(config);
    rmSync(env.DATA_DIR!, { recursive: true, force: true });
  }
}

async function redisInfo(config: ReturnType<typeof loadConfig>): Promise<string> {
  const redis = createRedis(config);
  try {
    await once(redis, 'ready');
    return await redis.info('server');
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
