/**
 * `npx tsx bench/load/drain.bench.ts [--drafts N] [--seconds S] [--env K=V ...] [--worker W]`: the load
 * benchmark's drain scenario alone, for profiling the worker. Seeds drafts, submits them through
 * the built API at 16 connections (no worker running), then starts the built worker and times the
 * drain as load.bench.ts does, sampling pg_stat_activity wait events of the worker's connections.
 * Extra `--env K=V` pairs go to the worker only; WORKER_NODE_ARGS (e.g. --cpu-prof) to its node;
 * `--worker x/main.worker.js` runs another build's worker (a copy of dist from before a change).
 */
import path from 'node:path';
import { createRedis } from '../../src/redis/redis.module';
import { DraftQueue } from './drafts';
import { fillProgram, seedResidentsAndDrafts } from './seed';
import { cliOption, cliOptions, cpuSeconds, cpuSplit, openBenchRun, submitDrafts } from './stack';

const argv = process.argv.slice(2);
const workerEnv: Record<string, string> = {};
argv.forEach((a, i) => {
  if (a === '--env') {
    const [k, ...v] = argv[i + 1]!.split('=');
    workerEnv[k!] = v.join('=');
  }
});
const DRAFTS = cliOption(argv, 'drafts', 3000);
const SECONDS = cliOption(argv, 'seconds', 15);
const WORKER = cliOptions(argv, 'worker').map((w) => path.resolve(w))[0];

async function main(): Promise<void> {
  const bench = await openBenchRun();
  const { pool, config, dbName, apiUrl } = bench;
  try {
    const drafts = await seedResidentsAndDrafts(pool, config, DRAFTS, 20);
    await fillProgram(pool, 1000, 'k1');
    await bench.startApi();
    const queue = new DraftQueue(drafts, 'submits');
    const result = await submitDrafts(apiUrl, queue, { connections: 16, seconds: SECONDS });
    await new Promise((r) => setTimeout(r, 1000));
    const accepted = result.acceptedIds;
    console.log(`submits: ${accepted.length} accepted at ${result.rate.toFixed(0)}/s`);
    await pool.query('ANALYZE');
    const pending = async () => {
      const { rows } = await pool.query<{ outbox: number; waiting: number }>(
        `SELECT (SELECT count(*) FROM outbox WHERE dispatched_at IS NULL)::int AS outbox,
                (SELECT count(*) FROM application WHERE status = 'submitted' AND id = ANY($1::uuid[]))::int AS waiting`,
        [accepted],
      );
      return rows[0]!;
    };
    const before = await pending();
    const probe = createRedis({ ...config, redis: { ...config.redis, prefix: '' } });
    probe.options.keyPrefix = '';
    const nodeArgs = (process.env.WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const worker = bench.startWorker(workerEnv, nodeArgs, WORKER);
    let started = 0;
    let drained = 0;
    let cpu0 = 0;
    let system0 = 0;
    // The Redis server's CPU (all of it: on a shared server other clients count too).
    if (probe.status !== 'ready') await new Promise((resolve) => probe.once('ready', resolve));
    const redisPid = Number(/process_id:(\d+)/.exec(await probe.info('server'))?.[1] ?? 0);
    let redisCpu0 = 0;
    const waits = new Map<string, number>();
    let samples = 0;
    // CPU of the run's PostgreSQL backends (the worker's pool), first and last seen.
    const backends = new Map<number, { first: number; last: number }>();
    for (;;) {
      const now = await pending();
      if (!started && (now.outbox < before.outbox || now.waiting < before.waiting)) {
        started = Date.now();
        cpu0 = cpuSeconds(worker.process.pid!);
        system0 = cpuSplit(worker.process.pid!).system;
        redisCpu0 = cpuSeconds(redisPid);
      }
      if (now.outbox === 0 && now.waiting === 0) {
        drained = Date.now();
        break;
      }
      if (started) {
        const { rows } = await pool.query<{ w: string; n: number }>(
          `SELECT coalesce(wait_event_type || ':' || wait_event, state) AS w, count(*)::int AS n
             FROM pg_stat_activity WHERE datname = $1 AND application_name = 'huanxin' AND pid <> pg_backend_pid()
            GROUP BY 1`,
          [dbName],
        );
        samples++;
        const { rows: pids } = await pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'huanxin'`,
          [dbName],
        );
        for (const { pid } of pids) {
          const now = cpuSeconds(pid);
          // 0: the backend has just ended (its pool closed an idle connection): keep its last reading.
          if (now === 0) continue;
          const seen = backends.get(pid);
          backends.set(pid, { first: seen?.first ?? now, last: now });
        }
        for (const r of rows) waits.set(r.w, (waits.get(r.w) ?? 0) + r.n);
        for (const q of ['applications', 'notifications']) {
          const [active, wait] = await Promise.all([
            probe.llen(`${config.redis.prefix}:q:${q}:active`),
            probe.llen(`${config.redis.prefix}:q:${q}:wait`),
          ]);
          waits.set(`${q}.active`, (waits.get(`${q}.active`) ?? 0) + active);
          waits.set(`${q}.wait`, (waits.get(`${q}.wait`) ?? 0) + wait);
        }
      }
      if (worker.process.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (drained - started) / 1000;
    const cpu = cpuSeconds(worker.process.pid!) - cpu0;
    const system = cpuSplit(worker.process.pid!).system - system0;
    const redisCpu = cpuSeconds(redisPid) - redisCpu0;
    console.log(
      `drain: ${before.waiting} claims (${before.outbox} outbox rows) in ${seconds.toFixed(1)} s = ${(before.waiting / seconds).toFixed(0)}/s; ` +
        `worker CPU ${((cpu * 1000) / before.waiting).toFixed(1)} ms/claim, ${((cpu / seconds) * 100).toFixed(0)}% of a core (${((system / cpu) * 100).toFixed(0)}% in the kernel); ratio to submits ${(before.waiting / seconds / result.rate).toFixed(2)}×`,
    );
    const pgCpu = [...backends.values()].reduce((sum, b) => sum + b.last - b.first, 0);
    console.log(
      `PostgreSQL backends of the worker: ${((pgCpu * 1000) / before.waiting).toFixed(1)} ms CPU per claim, ${((pgCpu / seconds) * 100).toFixed(0)}% of a core`,
    );
    console.log(
      `Redis server: ${((redisCpu * 1000) / before.waiting).toFixed(1)} ms CPU per claim, ${((redisCpu / seconds) * 100).toFixed(0)}% of a core`,
    );
    console.log(
      'pg_stat_activity (avg connections per sample):',
      [...waits.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k}=${(v / samples).toFixed(2)}`)
        .join(' '),
    );
    await worker.stop();
    probe.disconnect();
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
