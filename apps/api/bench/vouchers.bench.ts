/**
 * `npm run bench` (after the review-queue bench) or `npx tsx bench/vouchers.bench.ts` in apps/api:
 * voucher issuance against the claim submit it is modelled on (issue 14). Not part of `npm test`.
 *
 *   --residents N     residents (default 3000): each submits one claim, then takes one voucher
 *   --connections N   concurrent requests (default 64)
 *
 * One run, one database and Redis prefix of its own (removed at the end), the BUILT API as a child
 * process (turbo builds it first). Every resident has a real-name profile, a session and a complete
 * digital-2026 draft. Phase 1: N claim submits (`POST /api/applications/:id/submit`, one
 * Idempotency-Key each) at `connections` at once, all reserving from digital-2026's one budget row.
 * Phase 2: the same residents each take an appliance-2026 refrigerator voucher (`POST /api/vouchers`)
 * at the same concurrency, all reserving from appliance-2026's one budget row — a hot budget both
 * times, with money left for everyone (the refusal path is the race tests'). It prints accepted per
 * second, p50 and p99 of each, the ratio vouchers/s ÷ submits/s (goal ≥ 1×: issuing is simpler than
 * submitting — no documents, keys or rules), and checks the money invariants afterwards (exit 1 when
 * one fails or a voucher request was refused; a missed speed goal is reported, not failed).
 *
 * Both routes meet 64 connections the same way: they share the submit's admission control
 * (SUBMIT_MAX_IN_FLIGHT, then 503 + Retry-After, which this closed loop re-sends at once — a
 * voucher request with its same Idempotency-Key — as the load benchmark's 64-connection row
 * does). Both rows count accepted answers per second of wall time.
 */
import { randomUUID } from 'node:crypto';
import { checkMoneyInvariants } from '../test/utils/money-invariants';
import { DraftQueue } from './load/drafts';
import { run, type HttpResult, type RequestSpec } from './load/http';
import { seedResidentsAndDrafts, settleAfterBulkWrite } from './load/seed';
import { clientAddress, cliOption, openBenchRun, submitDrafts } from './load/stack';

const argv = process.argv.slice(2);
const RESIDENTS = cliOption(argv, 'residents', 3000);
const CONNECTIONS = cliOption(argv, 'connections', 64);
const MAX_SECONDS = 120;
const VOUCHER_PROGRAM = 'appliance-2026';
const GOAL = 1;

async function main(): Promise<void> {
  const bench = await openBenchRun();
  let failed = false;
  try {
    const drafts = await seedResidentsAndDrafts(bench.pool, bench.config, RESIDENTS, Number.MAX_SAFE_INTEGER);
    await settleAfterBulkWrite(bench.pool);
    await bench.startApi();

    const claims = await submitDrafts(bench.apiUrl, new DraftQueue(drafts, 'claims'), {
      connections: CONNECTIONS,
      seconds: MAX_SECONDS,
    });

    let next = 0;
    let answered = 0;
    /** Voucher requests refused by admission control (503), re-sent as they were. */
    const again: RequestSpec[] = [];
    const body = JSON.stringify({ programCode: VOUCHER_PROGRAM, category: 'refrigerator' });
    const vouchers = await run(bench.apiUrl, {
      connections: CONNECTIONS,
      seconds: MAX_SECONDS,
      next: () => {
        const retry = again.shift();
        if (retry) return retry;
        const draft = drafts[next];
        if (!draft) return null;
        next += 1;
        return {
          method: 'POST',
          path: '/api/vouchers',
          headers: {
            cookie: draft.cookie,
            'x-forwarded-for': clientAddress(next),
            'idempotency-key': randomUUID(),
            'content-type': 'application/json',
          },
          body,
        };
      },
      answered: (spec, status) => {
        if (status === 503) again.push(spec);
        else answered += 1;
      },
      // Stop when every voucher request has its answer (not when the last one is sent).
      finished: () => answered === next && again.length === 0,
    });

    const ratio = vouchers.rate / claims.rate;
    const row = (name: string, r: HttpResult) =>
      `| ${name} | ${r.statuses['200'] ?? 0}/${r.statuses['201'] ?? 0} | ${
        Object.entries(r.statuses)
          .filter(([status]) => !status.startsWith('2'))
          .map(([status, n]) => `${status}×${n}`)
          .join(' ') || '—'
      } | ${r.seconds.toFixed(1)} | ${r.rate.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} |`;
    console.log(
      `\nVoucher issuance vs claim submit: ${RESIDENTS} residents, ${CONNECTIONS} at once, one hot budget row each\n`,
    );
    console.log('| measurement | 200/201 | other | seconds | accepted/s | p50 ms | p99 ms |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(row('claim submit (POST /api/applications/:id/submit)', claims));
    console.log(row('voucher issue (POST /api/vouchers)', vouchers));
    console.log(
      `\nvouchers/s ÷ submits/s = ${ratio.toFixed(2)}× (goal ≥ ${GOAL}×): ${ratio >= GOAL ? 'met' : 'NOT met'}`,
    );

    // Refused requests (503 + Retry-After) are admission control doing its work (and re-sent); a
    // voucher request answered otherwise than 201 is a failure (there is money and quota for every one).
    const refused = Object.entries(vouchers.statuses).filter(
      ([status]) => status !== '201' && status !== '503',
    );
    if (refused.length) {
      console.error(
        `voucher requests not issued: ${JSON.stringify(refused)}; codes ${JSON.stringify(vouchers.codes)}`,
      );
      failed = true;
    }
    const [issued] = (
      await bench.pool.query(`SELECT count(*)::int AS n FROM voucher WHERE status = 'issued'`)
    ).rows as { n: number }[];
    if (issued!.n !== (vouchers.statuses['201'] ?? 0)) {
      console.error(`${issued!.n} vouchers in the database, ${vouchers.statuses['201'] ?? 0} answered 201`);
      failed = true;
    }
    const invariants = await checkMoneyInvariants(
      async (sql, params) => (await bench.pool.query(sql, params)).rows,
      {
        ids: claims.acceptedIds,
      },
    );
    for (const invariant of invariants) {
      console.log(`${invariant.problems.length ? 'FAIL' : 'ok  '} ${invariant.name}`);
      for (const problem of invariant.problems.slice(0, 5)) console.log(`       ${problem}`);
      if (invariant.problems.length) failed = true;
    }
  } finally {
    await bench.close();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
