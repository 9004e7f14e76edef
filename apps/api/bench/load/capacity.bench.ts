/**
 * `npx tsx bench/load/capacity.bench.ts [--drafts N] [--seconds S] [--fill N] [--analyze-only] [--explain-ms N]`:
 * the load benchmark's "capacity as the program fills" pair alone, for finding what makes submits
 * slower at 100k claims. Submits at 16 connections with the program at 1k claims, fills it to
 * `--fill` (default 99k more), submits again; during each run it samples what the API's
 * PostgreSQL connections are doing (wait event and the first words of the statement), so the
 * statement that grows with the table, or the I/O that does, shows up. Each fill ends as in the
 * load benchmark (seed.ts `settleAfterBulkWrite`: VACUUM ANALYZE, CHECKPOINT), or with ANALYZE
 * alone with `--analyze-only` (as before). `--explain-ms N` has PostgreSQL log the plan (auto_explain, ANALYZE on) of every API statement
 * slower than N ms to the server log.
 */
import { DraftQueue } from './drafts';
import { fillProgram, seedResidentsAndDrafts } from './seed';
import { cliFlag, cliOption, openBenchRun, submitDrafts } from './stack';

const argv = process.argv.slice(2);
const DRAFTS = cliOption(argv, 'drafts', 6000);
const SECONDS = cliOption(argv, 'seconds', 8);
const FILL = cliOption(argv, 'fill', 99_000);

/** `--analyze-only`: fills end with ANALYZE alone, as before (for comparing). */
const SETTLE = !cliFlag(argv, 'analyze-only');

async function main(): Promise<void> {
  const bench = await openBenchRun();
  const { pool, config, dbName, apiUrl } = bench;
  try {
    const drafts = await seedResidentsAndDrafts(pool, config, DRAFTS, 20);
    await fillProgram(pool, 1000, 'k1', SETTLE);
    const explainMs = cliOption(argv, 'explain-ms', 0);
    if (explainMs > 0)
      for (const setting of [
        `session_preload_libraries = 'auto_explain'`,
        `auto_explain.log_min_duration = '${explainMs}ms'`,
        `auto_explain.log_analyze = on`,
        `auto_explain.log_buffers = on`,
      ])
        await pool.query(`ALTER DATABASE "${dbName}" SET ${setting}`);
    await bench.startApi();
    const queue = new DraftQueue(drafts, 'submits');
    const measure = async (label: string) => {
      const samples = new Map<string, number>();
      let n = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { rows } = await pool.query<{ what: string }>(
            `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS what
               FROM pg_stat_activity WHERE datname = $1 AND application_name = 'huanxin' AND state = 'active'`,
            [dbName],
          );
          n++;
          for (const { what } of rows) samples.set(what, (samples.get(what) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const result = await submitDrafts(apiUrl, queue, { connections: 16, seconds: SECONDS });
      sampling = false;
      await sampler;
      console.log(
        `${label}: ${result.rate.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
      );
      for (const [what, count] of [...samples].sort((a, b) => b[1] - a[1]).slice(0, 12))
        console.log(`  ${(count / n).toFixed(2).padStart(6)}  ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return result.rate;
    };
    const small = await measure('submit at 1k claims, 16 conns');
    const t = Date.now();
    await fillProgram(pool, FILL, 'k100', SETTLE);
    console.log(`filled +${FILL} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const full = await measure(`submit at ${FILL + 1000} claims, 16 conns`);
    console.log(`ratio ${(full / small).toFixed(2)}×`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
