/**
 * `npm run bench` (root, through turbo) or `npm run bench -w @huanxin/api`: the review queue at
 * 100,000 claims (issue 11). Not part of `npm test`.
 *
 *   --claims N       claims to seed (default 100000)
 *   --iterations N   timed calls per measurement (default 300, after 30 warm-up calls)
 *   --keep           keep the database afterwards (its name is printed) to look at plans
 *
 * It makes a database and a Redis prefix of its own (dropped at the end), seeds the claims by
 * INSERT … SELECT (a third in review, with stages, risk scores, flags — 2 % a rarer one — and
 * leases), VACUUM ANALYZEs (autovacuum is off here), and measures in one run, in turns so load
 * from other processes falls on all alike: a plain indexed SELECT of the first page's rows (the
 * baseline), the queue service's first page (one statement; the total kept per filter, queue-total.ts), the same page through HTTP (the real app, in-process
 * `inject`, a reviewer's session), and the same three for a filtered page (one program and the rare
 * flag). It prints median and p99 of each and their ratios to the baseline's (goal: within 3×), and the
 * plans of every statement the queue sends (goal: no sequential scan on `application`). Exit 1 only
 * if a plan scans `application`; a missed speed goal is reported, not failed.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type * as AppFactory from '../src/app.factory';
import type * as Sessions from '../src/auth/session.service';
import type * as SessionCookie from '../src/auth/session-cookie';
import type * as Cipher from '../src/common/crypto/pii-cipher';
import type * as Logging from '../src/common/logging/logger';
import type * as Config from '../src/config/config';
import type * as EnsureDatabase from '../src/database/ensure-database';
import type * as Prepare from '../src/database/prepare';
import type * as RedisModule from '../src/redis/redis.module';
import type * as Queue from '../src/review/review-queue.service';
import type * as Repository from '../src/review/review.repository';

type AppConfig = Config.AppConfig;
type QueueQuery = Queue.QueueQuery;
type QueueFilter = Repository.QueueFilter;

/**
 * The app comes from the BUILT API (`dist/`, turbo builds it first): Nest resolves constructor
 * parameters from the decorator metadata that tsc emits and tsx does not. Types come from src.
 */
const API_DIST = path.resolve(__dirname, '..', 'dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = <T>(module: string): T => require(path.join(API_DIST, module)) as T;
const { createHttpApp } = built<typeof AppFactory>('app.factory');
const { SessionService } = built<typeof Sessions>('auth/session.service');
const { sessionCookieName } = built<typeof SessionCookie>('auth/session-cookie');
const { PiiCipher } = built<typeof Cipher>('common/crypto/pii-cipher');
const { createLogger } = built<typeof Logging>('common/logging/logger');
const { loadConfig } = built<typeof Config>('config/config');
const { dropDatabase } = built<typeof EnsureDatabase>('database/ensure-database');
const { prepareDatabase } = built<typeof Prepare>('database/prepare');
const { createRedis } = built<typeof RedisModule>('redis/redis.module');
const { ReviewQueueService } = built<typeof Queue>('review/review-queue.service');
const { ReviewRepository } = built<typeof Repository>('review/review.repository');

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const CLAIMS = option('claims', 100_000);
const ITERATIONS = option('iterations', 300);
const KEEP = argv.includes('--keep');
const WARMUP = 30;
const PAGE_SIZE = 20;
const PROGRAM = 'digital-2026';
const RARE_FLAG = 'SHARED_BANK_ACCOUNT';
const GOAL_RATIO = 3;

const uid = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

async function seed(db: DataSource, config: AppConfig): Promise<void> {
  const cipher = new PiiCipher(config);
  const [program] = (await db.query(`SELECT id, current_version_id FROM program WHERE code = $1`, [
    PROGRAM,
  ])) as { id: string; current_version_id: string }[];
  const [other] = (await db.query(
    `SELECT id, current_version_id FROM program WHERE code <> $1 ORDER BY code LIMIT 1`,
    [PROGRAM],
  )) as { id: string; current_version_id: string }[];
  const gen = `generate_series(1, ${CLAIMS}) g`;
  // One real ciphertext for every name (decrypting it is part of what a queue row costs).
  const nameEnc = cipher.encrypt('王小明', 'profile.name');
  await db.query(
    `INSERT INTO user_account (id, role, display_name, phone_bidx, phone_enc)
     SELECT ${uid('user', 'g')}, 'resident', 'r' || g, 'phone-bidx-' || g, 'v1:enc' FROM ${gen}`,
  );
  await db.query(
    `INSERT INTO resident_profile (user_id, name_enc, id_number_enc, id_number_bidx, street, address_enc, bank_name, bank_account_enc, bank_account_bidx, consent_version, consent_at)
     SELECT ${uid('user', 'g')}, $1, 'v1:enc', 'idn-bidx-' || g, 'mingshui', 'v1:enc', 'bank', 'v1:enc', 'bank-bidx-' || g, '1', now() FROM ${gen}`,
    [nameEnc],
  );
  // A third in review (complete one minute apart, 5 % at the second approval), the rest spread
  // over the other statuses; three in four claims are digital-2026, the rest another program.
  await db.query(
    `INSERT INTO application (id, code, applicant_id, program_id, program_version_id, status, stage, facts, reserved_fen,
                              risk_score, submitted_at, complete_at, created_at, updated_at)
     SELECT ${uid('app', 'g')}, 'BENCH' || g, ${uid('user', 'g')},
            CASE WHEN g % 4 = 0 THEN $3::uuid ELSE $1::uuid END, CASE WHEN g % 4 = 0 THEN $4::uuid ELSE $2::uuid END,
            s.status, CASE WHEN s.status = 'in_review' THEN (CASE WHEN g % 20 = 0 THEN 'second_approval' ELSE 'review' END) END,
            '{}'::jsonb, 10000 + (g * 7919) % 40000, (g * 31) % 100,
            now() - g * interval '1 minute', CASE WHEN s.status IN ('in_review', 'returned', 'approved', 'rejected', 'paid') THEN now() - g * interval '1 minute' END,
            now() - g * interval '1 minute', now() - g * interval '1 minute'
       FROM ${gen}, LATERAL (SELECT CASE WHEN g % 3 = 0 THEN 'in_review'
                ELSE (ARRAY['draft','submitted','returned','approved','paid','rejected','withdrawn','expired'])[1 + g % 8] END AS status) s`,
    [program!.id, program!.current_version_id, other!.id, other!.current_version_id],
  );
  await db.query(
    `INSERT INTO application_flag (application_id, code, detail, weight)
     SELECT ${uid('app', 'g')}, CASE WHEN g % 50 = 3 THEN '${RARE_FLAG}' ELSE 'IDENTIFIER_WARNING' END, '{}'::jsonb, 10
       FROM ${gen} WHERE g % 5 IN (0, 3)`,
  );
  const [reviewer] = (await db.query(`SELECT id FROM user_account WHERE username = 'reviewer1'`)) as {
    id: string;
  }[];
  await db.query(
    `INSERT INTO review_lease (application_id, holder_id, lease_until, taken_at)
     SELECT ${uid('app', 'g')}, $1, now() + interval '20 minutes', now() FROM ${gen} WHERE g % 3 = 0 AND g % 7 = 0`,
    [reviewer!.id],
  );
  await db.query('VACUUM ANALYZE');
}

interface Captured {
  sql: string;
  parameters: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/huanxin');
  const dbUrl = new URL(base);
  dbUrl.pathname = `/huanxin_bench_queue_${runId}`;
  const dataDir = `/tmp/huanxin-bench-queue-${runId}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: `huanxin-bench-queue-${runId}`,
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
  });
  const logger = createLogger({ level: 'warn', name: 'bench-queue' });
  let app: NestFastifyApplication | undefined;
  let failed = false;
  try {
    const t0 = Date.now();
    await prepareDatabase(config, logger);
    app = await createHttpApp(config, logger);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const db = app.get<DataSource>(getDataSourceToken());
    await seed(db, config);
    const seededIn = ((Date.now() - t0) / 1000).toFixed(1);

    const service = app.get(ReviewQueueService);
    const [reviewer] = (await db.query(
      `SELECT id, display_name FROM user_account WHERE username = 'reviewer1'`,
    )) as { id: string; display_name: string }[];
    const session = await app.get(SessionService).create({
      id: reviewer!.id,
      role: 'reviewer',
      displayName: reviewer!.display_name,
      organizationId: null,
    });
    const cookie = `${sessionCookieName(config)}=${session}`;
    const fastify = app.getHttpAdapter().getInstance();
    const http = async (query: Record<string, string>) => {
      const res = await fastify.inject({
        method: 'GET',
        url: `/api/review/queue?${new URLSearchParams(query).toString()}`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(`queue answered ${res.statusCode}: ${res.body}`);
      return res.json() as { items: { id: string }[]; total: number };
    };

    const reasons = async () => {
      const res = await fastify.inject({ method: 'GET', url: '/api/review/reasons', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`reasons answered ${res.statusCode}`);
    };

    // The baseline: one plain indexed SELECT of the same rows, no decoration, no total.
    const baselineFirst = () =>
      db.query(
        `SELECT id, code, reserved_fen, complete_at, risk_score, stage FROM application
          WHERE status = 'in_review' ORDER BY complete_at, id LIMIT $1`,
        [PAGE_SIZE],
      ) as Promise<{ id: string }[]>;
    const baselineFiltered = () =>
      db.query(
        `SELECT id, code, reserved_fen, complete_at, risk_score, stage FROM application a
          WHERE status = 'in_review' AND program_id = (SELECT id FROM program WHERE code = $1)
            AND EXISTS (SELECT 1 FROM application_flag f WHERE f.application_id = a.id AND f.code = $2)
          ORDER BY complete_at, id LIMIT $3`,
        [PROGRAM, RARE_FLAG, PAGE_SIZE],
      ) as Promise<{ id: string }[]>;
    const first: QueueQuery = { pageSize: PAGE_SIZE };
    const filtered: QueueQuery = { pageSize: PAGE_SIZE, program: PROGRAM, flag: RARE_FLAG };
    const httpQuery = (q: QueueQuery) =>
      Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])) as Record<string, string>;

    // The same rows every way, or the comparison means nothing.
    for (const [name, plain, q] of [
      ['first page', baselineFirst, first],
      ['filtered page', baselineFiltered, filtered],
    ] as const) {
      const want = (await plain()).map((r) => r.id);
      const got = (await service.page(q)).items.map((r) => r.id);
      const overHttp = (await http(httpQuery(q))).items.map((r) => r.id);
      if (
        want.length !== PAGE_SIZE ||
        JSON.stringify(want) !== JSON.stringify(got) ||
        JSON.stringify(got) !== JSON.stringify(overHttp)
      )
        throw new Error(`the ${name} differs between the baseline, the service and HTTP`);
    }

    const repository = app.get(ReviewRepository);
    const firstFilter: QueueFilter = {
      status: 'in_review',
      sort: 'age',
      limit: PAGE_SIZE,
      offset: 0,
      now: new Date(),
    };
    const measurements: [string, () => Promise<unknown>][] = [
      ['first page: plain indexed SELECT (baseline)', baselineFirst],
      ['first page: queue service', () => service.page(first)],
      ['first page: HTTP GET /api/review/queue', () => http(httpQuery(first))],
      ['  of which: the page statement', () => repository.queuePage(firstFilter)],
      [
        '  of which: an exact total (count; served kept, see queue-total.ts)',
        () => repository.queueCount(firstFilter),
      ],
      ['filtered page: plain indexed SELECT (baseline)', baselineFiltered],
      ['filtered page: queue service', () => service.page(filtered)],
      ['filtered page: HTTP GET /api/review/queue', () => http(httpQuery(filtered))],
      ['HTTP floor: GET /api/review/reasons (session, guard, no database)', () => reasons()],
    ];
    const samples = measurements.map(() => [] as number[]);
    for (let i = 0; i < WARMUP; i += 1) for (const [, call] of measurements) await call();
    // In turns: a burst of load from another process falls on every measurement alike.
    for (let i = 0; i < ITERATIONS; i += 1) {
      for (const [index, [, call]] of measurements.entries()) {
        const start = process.hrtime.bigint();
        await call();
        samples[index]!.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }

    // The plans of every statement the queue sends, captured from the real repository.
    const captured: Captured[] = [];
    // Plain queries come through `query`, the prepared page through the logger and the pool.
    const recording = new ReviewRepository({
      query: (sql: string, parameters: unknown[]) => {
        captured.push({ sql, parameters });
        return db.query(sql, parameters);
      },
      logger: {
        logQuery: (sql: string, parameters?: unknown[]) =>
          captured.push({ sql, parameters: parameters ?? [] }),
      },
      driver: db.driver,
    } as unknown as DataSource);
    const filter = (extra: Partial<QueueFilter>): QueueFilter => ({
      status: 'in_review',
      sort: 'age',
      limit: PAGE_SIZE,
      offset: 0,
      now: new Date(),
      ...extra,
    });
    for (const f of [
      filter({}),
      filter({ programCode: PROGRAM, flag: RARE_FLAG }),
      filter({ stage: 'second_approval' }),
      filter({ sort: 'amount' }),
      filter({ sort: 'risk' }),
    ]) {
      await recording.queuePage(f);
      await recording.queueCount(f);
    }
    const scans: string[] = [];
    const indexes = new Set<string>();
    for (const q of captured) {
      const [row] = (await db.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters)) as {
        'QUERY PLAN': { Plan: PlanNode }[];
      }[];
      for (const node of nodes(row!['QUERY PLAN'][0]!.Plan)) {
        if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'application')
          scans.push(q.sql.slice(0, 80));
        if (node['Index Name']?.startsWith('application_')) indexes.add(node['Index Name']);
      }
    }

    const [inReview] = (await db.query(
      `SELECT count(*)::int AS n FROM application WHERE status = 'in_review'`,
    )) as { n: number }[];
    const results = measurements.map(([name], i) => ({ name, ...stats(samples[i]!) }));
    const header = ['measurement', 'median ms', 'p99 ms', '× baseline (median)', '× baseline (p99)'];
    const baselineOf = (i: number) => results[i < 5 ? 0 : 5]!;
    const cells = results.map((r, i) => {
      const floor = i === results.length - 1;
      const b = baselineOf(i);
      return [
        r.name,
        r.median.toFixed(2),
        r.p99.toFixed(2),
        floor ? '' : (r.median / b.median).toFixed(1),
        floor ? '' : (r.p99 / b.p99).toFixed(1),
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
    const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(
      `\nReview queue at ${CLAIMS.toLocaleString('en')} claims (${inReview!.n.toLocaleString('en')} in review; seeded in ${seededIn} s; ${ITERATIONS} calls each, page of ${PAGE_SIZE})`,
    );
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const c of cells) console.log(line(c));
    console.log("\nGoals (median and p99 each within the goal of the baseline's)");
    for (const [label, i] of [
      ['first page, service', 1],
      ['first page, HTTP', 2],
      ['filtered page, service', 6],
      ['filtered page, HTTP', 7],
    ] as const) {
      const b = baselineOf(i);
      const median = results[i]!.median / b.median;
      const p99 = results[i]!.p99 / b.p99;
      console.log(
        `  ${median <= GOAL_RATIO && p99 <= GOAL_RATIO ? 'met    ' : 'NOT met'}  ${label} within ${GOAL_RATIO}× the plain SELECT: ${median.toFixed(1)}× median, ${p99.toFixed(1)}× p99`,
      );
    }
    console.log(
      `  ${scans.length ? 'NOT met' : 'met    '}  no sequential scan on application in ${captured.length} queue statements (indexes used: ${[...indexes].sort().join(', ')})`,
    );
    if (scans.length) {
      failed = true;
      for (const sql of scans) console.log(`    seq scan in: ${sql}…`);
    }
  } finally {
    await app?.close();
    await clearRedis(config);
    if (KEEP) console.log(`kept the database: ${config.database.url}`);
    else await dropDatabase(config.database.url);
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

async function clearRedis(config: AppConfig): Promise<void> {
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
