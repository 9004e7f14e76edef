/**
 * The submit row of load.bench.ts alone, repeated, for work on the submit path:
 *
 *   npx tsx bench/load/submits.bench.ts [--seconds 5] [--rounds 3] [--drafts 8000]
 *     [--api dist/main.js --api other-build/main.js] [--connections 16] [--node-arg X]
 *
 * (the API built first). Each build first submits for 3 s unmeasured (warm-up); then each round runs pgbench with the submit's statements (pgbench.ts, a
 * database of its own), then each `--api` build in a rotated order submitting drafts at 16
 * connections exactly as load.bench.ts does, and prints each rate with its ratio to that round's
 * pgbench, its p50/p99, and the CPU time per accepted submit of the API process, of the API's
 * PostgreSQL backends and of the whole machine (/proc/stat: everything, the load generator and
 * pgbench's own client included). The rates swing with the machine; the ratio in a round and the
 * CPU per submit swing less. Several builds (e.g. a copy of dist from before a change, kept inside
 * apps/api so its imports resolve) against the same data and the same program: an A/B in one run.
 * `--node-arg` (repeatable) goes to the API processes, e.g. `--cpu-prof`.
 * Own databases and Redis prefix, removed at the end. Not part of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { prepareDatabase } from '../../src/database/prepare';
import { DraftQueue } from './drafts';
import { runPgbench, seedPgbench } from './pgbench';
import { fillProgram, seedResidentsAndDrafts } from './seed';
import {
  apiMain,
  cliOption,
  cliOptions,
  cpuSeconds,
  freePort,
  openBenchRun,
  settle,
  startChild,
  submitDrafts,
  waitForOk,
} from './stack';

const argv = process.argv.slice(2);
const SECONDS = cliOption(argv, 'seconds', 5);
const ROUNDS = cliOption(argv, 'rounds', 3);
const DRAFTS = cliOption(argv, 'drafts', 8000);
const CONNECTIONS = cliOption(argv, 'connections', 16);
const PGBENCH_CLAIMS = 20_000;
const apiMains = cliOptions(argv, 'api').map((a) => path.resolve(a));
const nodeArgs = cliOptions(argv, 'node-arg');

/** Busy CPU seconds of the whole machine so far (all cores; /proc/stat's first line). */
function machineCpu(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .split(/\s+/)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

async function main(): Promise<void> {
  const bench = await openBenchRun();
  const { pool, config, logger, env, dbName, children } = bench;
  const pgbUrl = bench.databaseUrl('pgbench');
  const pgbPool = new Pool({ connectionString: pgbUrl.toString(), max: 2 });
  try {
    await prepareDatabase({ ...config, database: { ...config.database, url: pgbUrl.toString() } }, logger);
    await seedPgbench(pgbPool, PGBENCH_CLAIMS);
    const drafts = await seedResidentsAndDrafts(pool, config, DRAFTS, 20);
    await fillProgram(pool, 1000, 'k1');
    const queue = new DraftQueue(drafts, 'submits');
    const apis: { name: string; pid: number; url: string }[] = [];
    for (const main of apiMains.length ? apiMains : [apiMain]) {
      const url = `http://127.0.0.1:${await freePort()}`;
      const child = startChild([...nodeArgs, main], { ...env, PORT: new URL(url).port, PUBLIC_ORIGIN: url });
      children.push(child);
      await waitForOk(`${url}/api/health`, child);
      apis.push({ name: path.relative(process.cwd(), main), pid: child.process.pid!, url });
    }
    const backends = async () =>
      (
        await pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'huanxin'`,
          [dbName],
        )
      ).rows.map((b) => b.pid);

    // Each build's first seconds run cold (JIT, pools, caches filling): warmed up first, unmeasured.
    for (const api of apis) await submitDrafts(api.url, queue, { connections: CONNECTIONS, seconds: 3 });
    await settle(pool, dbName);
    console.log(
      `round | load | pgbench tx/s (machine ms/tx) | API | submits/s | × pgbench | p50 / p99 ms | ms per submit: API / PostgreSQL / machine | answers`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      await pool.query('CHECKPOINT');
      const m0 = machineCpu();
      const pgb = await runPgbench(pgbPool, pgbUrl.toString(), {
        connections: CONNECTIONS,
        seconds: SECONDS,
        claims: PGBENCH_CLAIMS,
      });
      const pgbMachineMs = ((machineCpu() - m0) * 1000) / pgb.transactions;
      for (let k = 0; k < apis.length; k++) {
        const api = apis[(k + round) % apis.length]!;
        await pool.query('CHECKPOINT');
        const pids = await backends();
        const pg0 = new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
        const [api0, machine0] = [cpuSeconds(api.pid), machineCpu()];
        const result = await submitDrafts(api.url, queue, { connections: CONNECTIONS, seconds: SECONDS });
        const [api1, machine1] = [cpuSeconds(api.pid), machineCpu()];
        // A backend the pool opened during the run counts from 0 (a few ms of start-up).
        let pg = 0;
        for (const pid of await backends()) pg += cpuSeconds(pid) - (pg0.get(pid) ?? 0);
        await settle(pool, dbName);
        const n = result.acceptedIds.length;
        const ms = (seconds: number) => ((seconds * 1000) / n).toFixed(2);
        const answers = Object.entries(result.statuses)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ');
        console.log(
          `${round} | ${loadavg()[0]!.toFixed(1)} | ${pgb.tps.toFixed(0)} (${pgbMachineMs.toFixed(2)}) | ${api.name} | ` +
            `${result.rate.toFixed(0)} | ${(result.rate / pgb.tps).toFixed(2)}× | ${result.p50.toFixed(0)} / ${result.p99.toFixed(0)} | ` +
            `${ms(api1 - api0)} / ${ms(pg)} / ${ms(machine1 - machine0)} | ${answers}`,
        );
      }
    }
    if (queue.violations.length) {
      console.error(queue.violations.join('\n'));
      process.exitCode = 1;
    }
  } finally {
    pgbPool.on('error', () => undefined);
    await pgbPool.end();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
