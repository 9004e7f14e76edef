import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import { ChecksRepository } from '../src/applications/checks.repository';
import { AuditRepository } from '../src/audit/audit.repository';
import { IdempotencyRepository } from '../src/applications/idempotency.repository';
import { StuckClaimsRepository } from '../src/applications/stuck-claims.repository';
import { BudgetRepository } from '../src/budget/budget.repository';
import { Clock } from '../src/common/clock';
import { createLogger } from '../src/common/logging/logger';
import { loadConfig, type AppConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source';
import { dropDatabase } from '../src/database/ensure-database';
import { GenericPlanReads } from '../src/database/generic-plan-reads';
import { prepareDatabase } from '../src/database/prepare';
import { DocumentsRepository } from '../src/documents/documents.repository';
import { HistoryRepository } from '../src/eligibility/history.repository';
import { NotificationEntity } from '../src/notifications/notification.entity';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import { OutboxRelay } from '../src/queue/outbox.relay';
import { SlaRepository, slaBoundaries } from '../src/review/sla/sla.repository';
import { StaffNotificationsRepository } from '../src/review/sla/staff-notifications.repository';
import { RiskRepository } from '../src/risk/risk.repository';
import { LedgerRepository } from '../src/dealers/ledger/ledger.repository';
import { ReviewRepository, type QueueFilter } from '../src/review/review.repository';
import { VouchersRepository } from '../src/vouchers/vouchers.repository';
import type { QueuesService } from '../src/queue/queues.service';

/**
 * Issue 10, item 2: at 100k claims the hot queries use indexes. The tables of a database of this
 * suite's own (created, filled with INSERT … SELECT generate_series, ANALYZEd — autovacuum is off
 * here — and dropped, so no other suite sees the rows) hold 100k claims with their events,
 * documents, keys, notifications, ledger rows and idempotency keys. Each hot query is run through
 * the REAL repository method on a data source whose logger records the SQL and parameters it
 * sends; that exact text is then EXPLAINed, and no plan may scan a big table sequentially.
 * Generated rows carry no personal data at all (blind indexes and ciphertexts are placeholders).
 */
jest.setTimeout(120_000);

const CLAIMS = 100_000;
const BIG_TABLES = [
  'user_account',
  'resident_profile',
  'application',
  'application_event',
  'application_document',
  'application_flag',
  'claim_key',
  'notification',
  'outbox',
  'budget_ledger',
  'idempotency_key',
  'risk_key',
  'audit_log',
  'voucher',
];

/** A deterministic uuid for the n-th generated row of a kind (rows refer to each other by it). */
const uid = (kind: string, n: number | string) => `md5('${kind}' || ${n})::uuid`;

interface Captured {
  sql: string;
  parameters: unknown[];
}

class CapturingLogger implements TypeOrmLogger {
  captured: Captured[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    this.captured.push({ sql: query, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('hot query plans at 100k claims', () => {
  let config: AppConfig;
  let db: DataSource;
  let genericReads: GenericPlanReads;
  let logger: CapturingLogger;
  let programId: string;
  let versionId: string;
  let programCode: string;
  // Ids of one claim in the middle of the generated range, and its applicant.
  const claim = 54_321;
  let appId: string;
  let userId: string;
  /** A check batch: the claim and 31 others (the check job's statements are set-based). */
  let batchIds: string[];
  let batchUsers: string[];

  async function sql1(text: string): Promise<string> {
    const [row] = (await db.query(text)) as { id: string }[];
    return row!.id;
  }

  beforeAll(async () => {
    const base = loadConfig();
    const url = new URL(base.database.url);
    url.pathname = `${url.pathname}_plans`;
    config = { ...base, database: { ...base.database, url: url.toString() } };
    await prepareDatabase(config, createLogger({ level: 'warn', name: 'plans-setup' }));
    logger = new CapturingLogger();
    db = new DataSource({ ...dataSourceOptions(config), logging: ['query'], logger });
    await db.initialize();
    genericReads = new GenericPlanReads(db, config);
    const [program] = (await db.query(
      `SELECT id, code, current_version_id AS version FROM program ORDER BY code LIMIT 1`,
    )) as { id: string; code: string; version: string }[];
    programId = program!.id;
    programCode = program!.code;
    versionId = program!.version;
    const gen = `generate_series(1, ${CLAIMS}) g`;
    await db.query(
      `INSERT INTO user_account (id, role, display_name, phone_bidx, phone_enc)
       SELECT ${uid('user', 'g')}, 'resident', 'r' || g, 'phone-bidx-' || g, 'v1:enc' FROM ${gen}`,
    );
    await db.query(
      `INSERT INTO resident_profile (user_id, name_enc, id_number_enc, id_number_bidx, street, address_enc, bank_name, bank_account_enc, bank_account_bidx, consent_version, consent_at)
       SELECT ${uid('user', 'g')}, 'v1:enc', 'v1:enc', 'idn-bidx-' || g, 'mingshui', 'v1:enc', 'bank', 'v1:enc', 'bank-bidx-' || g, '1', now() FROM ${gen}`,
    );
    // Mostly claims that count (submitted … paid) or were released, 1 % drafts and 1 % returned, one second apart.
    await db.query(
      `INSERT INTO application (id, code, applicant_id, program_id, program_version_id, status, facts, reserved_fen, submitted_at, created_at, updated_at, submit_device, id_number_bidx)
       SELECT ${uid('app', 'g')}, 'PLAN' || g, ${uid('user', 'g')}, $1, $2,
              CASE g % 100 WHEN 0 THEN 'draft' WHEN 1 THEN 'returned'
                ELSE (ARRAY['submitted','checking','in_review','approved','paid','rejected','withdrawn','expired'])[1 + g % 8] END,
              '{}'::jsonb, 0, now() - g * interval '1 second', now() - g * interval '1 second', now() - g * interval '1 second',
              'device-' || (g % 20000), 'idn-bidx-' || g
         FROM ${gen}`,
      [programId, versionId],
    );
    await db.query(
      `INSERT INTO application_event (application_id, at, from_status, to_status)
       SELECT ${uid('app', 'g')}, now(), s.f, s.t FROM ${gen}, (VALUES (NULL, 'draft'), ('draft', 'submitted')) s(f, t)`,
    );
    await db.query(
      `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, uploaded_by)
       SELECT ${uid('app', 'g')}, k, 'application/pdf', 1000, md5(k || g), 'key/' || k || g, ${uid('user', 'g')}
         FROM ${gen}, unnest(ARRAY['invoice', 'photo']) k`,
    );
    await db.query(
      `INSERT INTO claim_key (application_id, program_id, name, value)
       SELECT ${uid('app', 'g')}, $1, 'serial', 'SN-' || g FROM ${gen}`,
      [programId],
    );
    await db.query(
      `INSERT INTO notification (user_id, event_key, kind, params, text_zh, sms_sent_at)
       SELECT ${uid('user', 'g')}, 'ev-' || g, 'application_status', '{}'::jsonb, 'text', now() FROM ${gen}`,
    );
    await db.query(
      `INSERT INTO outbox (queue, job_name, job_id, payload, dispatched_at)
       SELECT 'checks', 'check', 'job-' || g, '{}'::jsonb, CASE WHEN g % 10000 = 0 THEN NULL ELSE now() END FROM ${gen}`,
    );
    await db.query(
      `INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen)
       SELECT $1, ${uid('app', 'g')}, 'reserve', 1 FROM ${gen}`,
      [programId],
    );
    await db.query(
      `INSERT INTO idempotency_key (user_id, scope, key, request_hash, response_status, response_body, created_at)
       SELECT ${uid('user', 'g')}, 'submit:' || g, 'k' || g, 'h', 200, '{}'::jsonb, now() - g * interval '500 milliseconds' FROM ${gen}`,
    );
    // Every checked claim's keys for the risk rules; old VINs repeat (two claims each).
    await db.query(
      `INSERT INTO risk_key (application_id, name, value)
       SELECT ${uid('app', 'g')}, k, CASE k WHEN 'oldVin' THEN 'VIN-' || (g % 50000) ELSE 'SN-' || g END
         FROM ${gen}, unnest(ARRAY['oldVin', 'serial']) k`,
    );
    // The review queue's claims (issue 11): those in review became complete when submitted; every
    // claim has a flag, 2 % a rarer one, and a few are at the second approval.
    await db.query(
      `UPDATE application SET complete_at = submitted_at,
              stage = CASE WHEN code LIKE '%7' THEN 'second_approval' ELSE 'review' END,
              risk_score = length(code) % 7 * 10, reserved_fen = length(code) * 1000
        WHERE status = 'in_review'`,
    );
    await db.query(
      `INSERT INTO application_flag (application_id, code, detail, weight)
       SELECT ${uid('app', 'g')}, CASE WHEN g % 50 = 2 THEN 'SHARED_BANK_ACCOUNT' ELSE 'IDENTIFIER_WARNING' END, '{}'::jsonb, 10
         FROM ${gen}`,
    );
    // The audit log (issue 15): two rows per claim (200k), by 5000 reviewers in three actions.
    await db.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, object_type, object_id, result, detail)
       SELECT ${uid('user', 'g % 5000')}, 'reviewer', (ARRAY['review.decided','pii.reveal','auth.login'])[1 + g % 3],
              'application', ${uid('app', `1 + g % ${CLAIMS}`)}::text, 'success', '{}'::jsonb
         FROM generate_series(1, ${2 * CLAIMS}) g`,
    );
    // Point-of-sale vouchers (issue 14): one per resident, a quarter of each status; the redeemed
    // ones name their claim (every 4th), and the issued ones lapse over the next days.
    await db.query(
      `INSERT INTO voucher (code, holder_id, id_number_bidx, program_id, program_version_id, category, max_subsidy_fen,
                            reserved_fen, status, expires_at, closed_at, application_id, redeemed_fen, created_at)
       SELECT 'V' || lpad(g::text, 9, '0'), ${uid('user', 'g')}, 'idn-bidx-' || g, $1, $2,
              (ARRAY['refrigerator','television','air_conditioner','computer'])[1 + g % 4], 150000,
              CASE g % 4 WHEN 0 THEN 150000 ELSE 0 END,
              (ARRAY['issued','redeemed','expired','cancelled'])[1 + g % 4],
              now() + (g % 1000) * interval '5 minutes',
              CASE WHEN g % 4 = 0 THEN NULL ELSE now() END,
              CASE WHEN g % 4 = 1 THEN ${uid('app', 'g')} END,
              CASE WHEN g % 4 = 1 THEN 50000 END,
              now() - g * interval '1 second'
         FROM ${gen}`,
      [programId, versionId],
    );
    await db.query(`ANALYZE`);
    appId = await sql1(`SELECT ${uid('app', claim)} AS id`);
    userId = await sql1(`SELECT ${uid('user', claim)} AS id`);
    batchIds = (
      (await db.query(`SELECT ${uid('app', 'g')} AS id FROM generate_series(${claim}, ${claim + 31}) g`)) as {
        id: string;
      }[]
    ).map((r) => r.id);
    batchUsers = (
      (await db.query(
        `SELECT ${uid('user', 'g')} AS id FROM generate_series(${claim}, ${claim + 31}) g`,
      )) as {
        id: string;
      }[]
    ).map((r) => r.id);
    // Filling 13 tables with 100k+ rows each takes well over the per-test timeout on a busy machine.
  }, 600_000);

  afterAll(async () => {
    await genericReads?.onApplicationShutdown();
    await db?.destroy();
    if (config) await dropDatabase(config.database.url);
  });

  /** Runs `call`, then EXPLAINs every statement it sent that matches `pick`; answers the plans. */
  async function plansOf(call: () => Promise<unknown>, pick: RegExp): Promise<PlanNode[]> {
    logger.captured = [];
    await call();
    const sent = logger.captured.filter((q) => pick.test(q.sql));
    expect(sent.length).toBeGreaterThan(0);
    const plans: PlanNode[] = [];
    for (const q of sent) {
      const [row] = (await db.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters)) as {
        'QUERY PLAN': { Plan: PlanNode }[];
      }[];
      plans.push(row!['QUERY PLAN'][0]!.Plan);
    }
    return plans;
  }

  /** Read-and-write calls run in a transaction that is rolled back (the rows stay as generated). */
  async function rolledBack(work: (manager: DataSource['manager']) => Promise<unknown>): Promise<void> {
    await db
      .transaction(async (manager) => {
        await work(manager);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
  }

  const applications = () => new ApplicationsRepository(db, genericReads);
  const reviews = () => new ReviewRepository(db);
  const vouchers = () => new VouchersRepository(db);
  const audit = () => new AuditRepository(db, config);
  const queue = (filter: Partial<QueueFilter>) => {
    const full: QueueFilter = {
      status: 'in_review',
      sort: 'age',
      limit: 20,
      offset: 0,
      now: new Date(),
      ...filter,
    };
    return Promise.all([reviews().queuePage(full), reviews().queueCount(full)]);
  };
  const cases: [string, RegExp, () => Promise<unknown>][] = [
    [
      "a resident's claims (GET /api/applications)",
      /FROM "application"/,
      () => applications().listForApplicant(userId),
    ],
    ["a claim's timeline", /application_event/, () => applications().timeline(appId)],
    [
      'the claim row lock of submit',
      /FOR UPDATE/,
      () => rolledBack((m) => applications().lockOwned(m, appId, userId)),
    ],
    [
      "a claim's document kinds",
      /application_document/,
      () => rolledBack((m) => applications().documentKinds(m, appId)),
    ],
    [
      "a claim's document count",
      /application_document/,
      () => new DocumentsRepository(db).countForClaim(appId),
    ],
    [
      'claims holding a claim key',
      /FROM claim_key/,
      () =>
        rolledBack((m) =>
          applications().claimKeys(m, { id: appId, programId }, [{ name: 'serial', value: 'SN-777' }]),
        ),
    ],
    [
      "deleting a released claim's keys",
      /DELETE FROM claim_key/,
      () => rolledBack((m) => applications().deleteClaimKeys(m, appId)),
    ],
    [
      'counting history (applicant, person blind index, claim keys)',
      /WITH person/,
      () =>
        rolledBack((m) =>
          new HistoryRepository().countingClaims(m, {
            applicantId: userId,
            excludeId: appId,
            keys: [{ name: 'serial', value: 'SN-777' }],
          }),
        ),
    ],
    [
      "a check batch's histories (one LATERAL query for the batch)",
      /CROSS JOIN LATERAL/,
      () =>
        rolledBack((m) =>
          new HistoryRepository().countingClaimsMany(
            m,
            batchIds.map((id, i) => ({
              applicantId: batchUsers[i]!,
              excludeId: id,
              keys: [{ name: 'serial', value: `SN-${claim + i}` }],
            })),
          ),
        ),
    ],
    [
      'expiry candidates (drafts and returned claims)',
      /status IN \('draft', 'returned'\)/,
      () => applications().expiryCandidates(),
    ],
    [
      'documents shared with other applicants',
      /application_document mine/,
      () => rolledBack((m) => new ChecksRepository().applicationsSharingDocuments(m, batchIds)),
    ],
    [
      'earlier applicants on the same device',
      /submit_device = mine.submit_device/,
      () => rolledBack((m) => new ChecksRepository().earlierApplicantsOnDevice(m, batchIds)),
    ],
    [
      'applicants sharing a bank account',
      /bank_account_bidx/,
      () => rolledBack((m) => new ChecksRepository().applicantsSharingBankAccount(m, batchUsers)),
    ],
    [
      "the notification's status event",
      /application_event e/,
      () => new NotificationsRepository(db).statusEvent(appId, '00000000-0000-4000-8000-000000000000'),
    ],
    [
      "a notification batch's rows (inserted once, or still to send)",
      /INSERT INTO notification/,
      () =>
        new NotificationsRepository(db).insertManySmsPending(
          batchUsers.map((userId, i) => ({
            userId,
            eventKey: `ev-${claim + i}`,
            kind: 'application_status',
            params: {},
            textZh: 'text',
          })),
        ),
    ],
    [
      'a pending SMS by event key',
      /FROM notification/,
      () => new NotificationsRepository(db).smsPending('ev-4242'),
    ],
    // The controller's list, as it is written in notifications.controller.ts.
    [
      "a resident's notifications",
      /FROM "notification"/,
      () =>
        db
          .getRepository(NotificationEntity)
          .find({ where: { userId }, order: { createdAt: 'DESC' }, take: 100 }),
    ],
    [
      'undispatched outbox rows',
      /FROM outbox/,
      () =>
        new OutboxRelay(db, {
          get: () => ({ add: () => Promise.resolve(), addBulk: () => Promise.resolve([]) }),
        } as unknown as QueuesService).relayOnce(),
    ],
    [
      'claims stuck in submitted/checking (the stuck-claim sweep)',
      /status = 'checking' AND updated_at/,
      () => rolledBack((m) => new StuckClaimsRepository().stuckClaims(m, new Date(), 100)),
    ],
    [
      'check jobs still waiting in the outbox (the stuck-claim sweep)',
      /FROM outbox WHERE dispatched_at IS NULL AND job_id/,
      () => rolledBack((m) => new StuckClaimsRepository().pendingInOutbox(m, ['job-10000', 'job-77'])),
    ],
    [
      'an idempotency record',
      /FROM idempotency_key/,
      () =>
        rolledBack((m) =>
          new IdempotencyRepository(db, new Clock()).stored(m, {
            userId,
            scope: `submit:${claim}`,
            key: `k${claim}`,
            requestHash: 'h',
          }),
        ),
    ],
    [
      'pruning old idempotency keys',
      /DELETE FROM idempotency_key/,
      () => new IdempotencyRepository(db, new Clock()).pruneExpired(),
    ],
    // The check job's short transaction for a batch (src/applications/checks.service.ts).
    [
      "the check batch's row locks",
      /FOR UPDATE/,
      () => rolledBack((m) => applications().lockByIds(m, batchIds)),
    ],
    [
      "a check batch's move (statuses, events, flags, outbox rows)",
      /WITH input/,
      () =>
        rolledBack((m) =>
          applications().moveStatusMany(m, {
            from: 'submitted',
            via: 'checking',
            to: 'in_review',
            at: new Date(),
            actorId: null,
            job: null,
            claims: batchIds.map((id) => ({
              id,
              eventId: randomUUID(),
              note: 'checks passed',
              viaEvent: { id: randomUUID(), note: 'automated checks' },
              flags: [{ code: 'IDENTIFIER_WARNING', detail: { facts: ['serial'] }, weight: 10 }],
            })),
          }),
        ),
    ],
    // The risk rules of the check job (src/risk/risk.repository.ts).
    [
      "recording a claim's risk keys",
      /risk_key/,
      () =>
        rolledBack((m) =>
          new RiskRepository().recordKeys(
            m,
            batchIds.map((applicationId, i) => ({
              applicationId,
              keys: [
                { name: 'oldVin', value: 'VIN-4321' },
                { name: 'serial', value: `SN-${claim + i}` },
              ],
            })),
          ),
        ),
    ],
    [
      "keys of this claim in another person's live claim",
      /mine\.name AS key/,
      () => rolledBack((m) => new RiskRepository().keysSharedWithOtherPeople(m, batchIds)),
    ],
    [
      'other declarations of the same old vehicle',
      /oldVehicle,vehicleType/,
      () => rolledBack((m) => new RiskRepository().otherDeclarationsOfOldVehicle(m, batchIds)),
    ],
    [
      "a claim's first upload",
      /min\(created_at\)/,
      () => rolledBack((m) => new RiskRepository().firstUploadAt(m, batchIds)),
    ],
    // The SLA clock (review stats, the approvers' daily digest) and the staff notifications.
    [
      'SLA counts of the claims in review',
      /count\(\*\) FILTER/,
      () => new SlaRepository(db).counts([slaBoundaries(programId, 15, new Date())]),
    ],
    [
      'warning and overdue claims in review',
      /AS sla_state/,
      () => new SlaRepository(db).cases([slaBoundaries(programId, 15, new Date())]),
    ],
    [
      "a staff user's notifications",
      /FROM notification/,
      () => new StaffNotificationsRepository(db).listForUser(userId, 100),
    ],
    ['the review queue, first page, oldest first', /FROM application a\b/, () => queue({})],
    ['the review queue, page 50', /FROM application a\b/, () => queue({ offset: 1000 })],
    [
      'the review queue of one program with a rare flag',
      /FROM application a\b/,
      () => queue({ programCode, flag: 'SHARED_BANK_ACCOUNT' }),
    ],
    ['the second-approval queue', /FROM application a\b/, () => queue({ stage: 'second_approval' })],
    ['the review queue by amount', /FROM application a\b/, () => queue({ sort: 'amount' })],
    ['the review queue by risk', /FROM application a\b/, () => queue({ sort: 'risk' })],
    [
      'taking a review lease',
      /INSERT INTO review_lease/,
      () => reviews().takeLease(appId, userId, new Date(), new Date(Date.now() + 60_000)),
    ],
    [
      "a dealer's ledger (its payee claims and open receivables)",
      /WITH claim AS/,
      // Any organisation id (none is a payee here): the plan must walk the partial payee index.
      () => new LedgerRepository(db).rows(appId),
    ],
    [
      "the money states of a page of a dealer's sales",
      /a\.id = ANY\(\$2::uuid\[\]\)/,
      () => new LedgerRepository(db).rowsOfClaims(appId, batchIds),
    ],
    [
      'the guarded budget reservation and its ledger row',
      /budget/,
      () => rolledBack((m) => new BudgetRepository(db, new Clock()).reserve(m, programId, 1, appId)),
    ],
    // Vouchers (issue 14): the till's lookup by code, the holder's list, the expiry sweep, the quota
    // count (vouchers plus claims after purchase, the point-of-sale claims left out by their voucher).
    [
      'a voucher by code, locked at the till',
      /FOR UPDATE OF v/,
      () => rolledBack((m) => vouchers().lockByCode(m, `V${String(claim).padStart(9, '0')}`)),
    ],
    ["a resident's vouchers (GET /api/vouchers)", /FROM voucher v/, () => vouchers().listOwned(userId)],
    [
      'issued vouchers past their expiry (the sweep)',
      /FROM voucher WHERE status = 'issued'/,
      () => vouchers().expiredIds(new Date(Date.now() + 3 * 86_400_000), 500),
    ],
    [
      "a person's used voucher quota",
      /FROM voucher WHERE id_number_bidx/,
      () =>
        rolledBack((m) =>
          vouchers().quotaUsed(m, {
            idNumberBidx: `idn-bidx-${claim}`,
            programId,
            category: 'television',
            categoryPath: ['item', 'category'],
          }),
        ),
    ],
    [
      'the redemption mark (guarded on issued)',
      /UPDATE voucher SET status = 'redeemed'/,
      () =>
        rolledBack((m) =>
          vouchers().markRedeemed(m, { id: appId, applicationId: appId, subsidyFen: 1, at: new Date() }),
        ),
    ],
    // The auditor's console (issue 15).
    [
      'the audit log of one record (GET /api/audit?objectType=&objectId=)',
      /FROM "audit_log"/,
      () => audit().search({ objectType: 'application', objectId: appId, limit: 100 }),
    ],
    [
      "an audit export's bounded count and a page",
      /FROM "audit_log"/,
      async () => {
        const filter = { objectType: 'application', objectId: appId };
        await audit().countUpTo(filter, 1e12, 100_001);
        await audit().exportPage(filter, { upToSeq: 1e12, beforeSeq: 1e12 }, 1000);
      },
    ],
  ];

  it('the audit log of one record reads the (object_type, object_id, seq) index, not the log backwards', async () => {
    const plans = await plansOf(
      () => audit().search({ objectType: 'application', objectId: appId, limit: 100 }),
      /FROM "audit_log"/,
    );
    expect(nodes(plans[0]!).map((n) => n['Index Name'])).toContain('IDX_audit_log_object');
    expect(await audit().search({ objectType: 'application', objectId: appId })).toHaveLength(2);
  });

  it.each(cases)('%s uses indexes', async (_label, pick, call) => {
    const plans = await plansOf(call, pick);
    for (const plan of plans) {
      const scans = nodes(plan).filter(
        (n) => n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(n['Relation Name'] ?? ''),
      );
      expect(scans.map((n) => n['Relation Name'])).toEqual([]);
    }
  });

  // Sent on the generic-plan pool (database/generic-plan-reads.ts): its plan there is the generic
  // one, planned with the residents unknown, which the EXPLAINs above (values bound) do not show.
  it("a resident's claims: the generic plan, as the generic-plan pool runs it, uses the applicant index", async () => {
    logger.captured = [];
    await applications().listForApplicant(userId);
    const [sent] = logger.captured.filter((q) => /FROM "application"/.test(q.sql));
    // A connection of its own: the PREPARE and the setting stay off the pools'.
    const client = new Client({ connectionString: config.database.url });
    await client.connect();
    try {
      await client.query(`SET plan_cache_mode = force_generic_plan`);
      await client.query(`PREPARE hot_generic AS ${sent!.sql}`);
      const ids = (sent!.parameters![0] as string[]).map((id) => id.replace(/[^0-9a-f-]/g, ''));
      const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        `EXPLAIN (FORMAT JSON) EXECUTE hot_generic('{${ids.join(',')}}')`,
      );
      const all = nodes(rows[0]!['QUERY PLAN'][0]!.Plan);
      expect(all.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).toEqual([]);
      const cond = all.map((n) => n['Index Cond'] ?? n['Recheck Cond']).find(Boolean);
      expect(cond).toMatch(/applicant_id = ANY \(\$1\)/);
    } finally {
      await client.end();
    }
  });

  // The main pool prepares what a connection sends often (database/auto-prepare.ts); PostgreSQL
  // then keeps a statement's generic plan only if it is no dearer than its custom ones. The
  // submit's two lookups by claim key were not (their keys were arrays to unnest, assumed ten
  // long), so they were planned again on every submit at this size; now their generic plan is
  // kept, and it is an index plan. The same calls as their cases above (rolled back).
  it.each(
    cases.filter(([label]) =>
      ['counting history (applicant, person blind index, claim keys)', 'claims holding a claim key'].includes(
        label,
      ),
    ),
  )('%s: prepared, its generic plan is kept and uses indexes', async (_label, pick, call) => {
    logger.captured = [];
    await call();
    const [sent] = logger.captured.filter(
      (q) => pick.test(q.sql) && /FROM claim_key k|WITH person/.test(q.sql),
    );
    const client = new Client({ connectionString: config.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (let i = 0; i < 8; i++)
        await client.query({ name: 'hot_kept', text: sent!.sql, values: sent!.parameters as unknown[] });
      const { rows: kept } = await client.query<{ generic_plans: string; custom_plans: string }>(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'hot_kept'`,
      );
      expect(kept).toEqual([{ generic_plans: '3', custom_plans: '5' }]);
      await client.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      const literals = (sent!.parameters as unknown[]).map((v) =>
        v === null ? 'NULL' : client.escapeLiteral(String(v)),
      );
      const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        `EXPLAIN (FORMAT JSON) EXECUTE hot_kept(${literals.join(', ')})`,
      );
      const scans = nodes(rows[0]!['QUERY PLAN'][0]!.Plan).filter(
        (n) => n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(n['Relation Name'] ?? ''),
      );
      expect(scans.map((n) => n['Relation Name'])).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  it("the generic-plan pool's sessions always use the generic plan", async () => {
    const [row] = await genericReads.read<{ mode: string }>(
      { name: 'plans_test_mode', text: `SELECT current_setting('plan_cache_mode') AS mode` },
      [],
    );
    expect(row).toEqual({ mode: 'force_generic_plan' });
  });

  it('the review queue really pages the claims in review (the plans above are of real pages)', async () => {
    const [page, total] = await queue({ programCode, flag: 'SHARED_BANK_ACCOUNT' });
    expect(page.length).toBe(20);
    expect(total).toBeGreaterThan(100);
    const [first] = await queue({});
    expect(first.map((row) => row.complete_at!.getTime())).toEqual(
      [...first].map((row) => row.complete_at!.getTime()).sort((a, b) => a - b),
    );
  });

  it("a claim's ledger rows use the subject index", async () => {
    const [row] = (await db.query(
      `EXPLAIN (FORMAT JSON) SELECT entry, amount_fen FROM budget_ledger WHERE subject_id = $1`,
      [appId],
    )) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
    const used = nodes(row!['QUERY PLAN'][0]!.Plan).map((n) => n['Index Name']);
    expect(used).toContain('IDX_8e87d619243195f931d0464043');
  });

  it('the tables really are full', async () => {
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM application)::int AS claims, (SELECT count(*) FROM application_document)::int AS documents`,
    )) as { claims: number; documents: number }[];
    expect(row).toEqual({ claims: CLAIMS, documents: 2 * CLAIMS });
    const [vouchers] = (await db.query(`SELECT count(*)::int AS n FROM voucher`)) as { n: number }[];
    expect(vouchers!.n).toBe(CLAIMS);
  });
});
