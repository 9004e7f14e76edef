/**
 * Seeding for the load benchmark, straight into the run's database (the HTTP sign-in and draft
 * creation are proved by the suites; a benchmark needs thousands of them in seconds). Personal
 * data goes through the app's own PiiCipher and sessions through its SessionService, exactly as
 * test/utils/residents.ts does (`test/utils/bulk-seed.ts`, shared with the fault matrix); filler
 * rows are INSERT … SELECT.
 */
import { randomUUID } from 'node:crypto';
import { bankCardNumber, mobileNumber, residentIdNumber } from '@huanxin/shared/testing';
import type { Pool } from 'pg';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { sessionKey } from '../../src/auth/session.service';
import type { AppConfig } from '../../src/config/config';
import {
  insertCompleteDrafts,
  insertResidents,
  readyRedis,
  residentCookies,
} from '../../test/utils/bulk-seed';

export const PROGRAM = 'digital-2026';
/** 15 % of a 3,000-yuan phone. */
export const AMOUNT_FEN = 45_000;
const BATCH = 1000;

export interface Draft {
  id: string;
  cookie: string;
  /** A second draft of a person who already has one of the same category (quota: the second must be refused). */
  duplicate: boolean;
}

export function phoneFacts(n: number) {
  return {
    item: {
      category: 'phone',
      priceFen: 300_000,
      invoiceNo: `2637${String(n).padStart(16, '0')}`,
      invoiceDate: '2026-04-02',
      serialNo: `LOAD-SN-${n}`,
      dealerUscc: '91370114MA3C5T8X1Q',
    },
  };
}

/** Distinct, well-formed personal data for resident `n` (up to 999,999). */
function identity(n: number) {
  const day = Math.floor(n / 1000);
  const birth = new Date(Date.UTC(1950, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return {
    phone: mobileNumber(n % 10_000, { prefix: `13${String(10_000 + Math.floor(n / 10_000)).slice(1)}1` }),
    idNumber: residentIdNumber({ birthDate: birth, sequence: n % 1000 }),
    bankAccount: bankCardNumber(n + 700_000),
  };
}

export async function programIds(pool: Pool): Promise<{ programId: string; versionId: string }> {
  const { rows } = await pool.query<{ id: string; current_version_id: string }>(
    `SELECT id, current_version_id FROM program WHERE code = $1`,
    [PROGRAM],
  );
  return { programId: rows[0]!.id, versionId: rows[0]!.current_version_id };
}

/**
 * `count` residents (real-name profile, signed-in session) and their complete drafts of
 * digital-2026 (both required documents on file). Every `duplicateEvery`-th resident gets a second
 * draft of the same category. Drafts carry no stored evaluation (submit evaluates afresh).
 */
export async function seedResidentsAndDrafts(
  pool: Pool,
  config: AppConfig,
  count: number,
  duplicateEvery: number,
): Promise<Draft[]> {
  const cipher = new PiiCipher(config);
  const { programId, versionId } = await programIds(pool);
  const drafts: Draft[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const ns = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => start + i + 1);
    const idOf = await insertResidents(
      pool,
      cipher,
      ns.map((n) => ({ n, ...identity(n) })),
    );
    // One draft per resident, a second one for every `duplicateEvery`-th (same category: quota 1).
    const owners = ns.flatMap((n) => (n % duplicateEvery === 0 ? [n, n] : [n]));
    const claims = await insertCompleteDrafts(
      pool,
      { programId, versionId, storagePrefix: 'bench' },
      owners.map((n, i) => ({
        applicantId: idOf.get(n)!,
        facts: phoneFacts(n * 10 + (owners[i - 1] === n ? 1 : 0)),
      })),
    );
    const cookies = await residentCookies(
      config,
      ns.map((n) => ({ id: idOf.get(n)!, displayName: `居民${n}` })),
    );
    const seen = new Set<string>();
    for (const claim of claims) {
      drafts.push({
        id: claim.id,
        cookie: cookies.get(claim.applicant_id)!,
        duplicate: seen.has(claim.applicant_id),
      });
      seen.add(claim.applicant_id);
    }
  }
  return drafts;
}

/**
 * Fills the program with `count` more counting claims of other (generated, non-personal) applicants,
 * each holding AMOUNT_FEN — with its ledger row, events, key and documents — and raises the budget
 * total by what they hold (an `adjust` row), so the budget and its ledger still balance.
 */
export async function fillProgram(
  pool: Pool,
  count: number,
  tag: string,
  /** false: ANALYZE only (as before issue 10's capacity fix, for comparing). */
  settle = true,
): Promise<void> {
  const { programId, versionId } = await programIds(pool);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const g = `generate_series(1, ${count}) g`;
    const user = `md5('${tag}-u' || g)::uuid`;
    const app = `md5('${tag}-a' || g)::uuid`;
    await client.query(
      `INSERT INTO user_account (id, role, display_name, phone_bidx, phone_enc)
       SELECT ${user}, 'resident', 'filler', 'filler-${tag}-' || g, 'filler' FROM ${g}`,
    );
    await client.query(
      `INSERT INTO application (id, code, applicant_id, program_id, program_version_id, status, facts, reserved_fen, submitted_at, id_number_bidx)
       SELECT ${app}, 'ZQ-2026-' || lpad(nextval('application_code_seq')::text, 6, '0'), ${user}, $1, $2,
              (ARRAY['submitted', 'checking', 'in_review'])[1 + g % 3],
              jsonb_build_object('item', jsonb_build_object('category', 'phone', 'serialNo', 'FILL-${tag}-' || g)),
              ${AMOUNT_FEN}, now(), 'filler-${tag}-' || g FROM ${g}`,
      [programId, versionId],
    );
    await client.query(
      `INSERT INTO application_event (application_id, at, from_status, to_status)
       SELECT ${app}, now(), s.f, s.t FROM ${g}, (VALUES (NULL, 'draft'), ('draft', 'submitted')) s(f, t)`,
    );
    await client.query(
      `INSERT INTO claim_key (application_id, program_id, name, value)
       SELECT ${app}, $1, 'serialNo', 'FILL-${tag}-' || g FROM ${g}`,
      [programId],
    );
    await client.query(
      `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, uploaded_by)
       SELECT ${app}, k, 'application/pdf', 1000, md5('${tag}' || k || g), 'filler/' || g || k, ${user}
         FROM ${g}, unnest(ARRAY['invoice', 'serial_number_photo']) k`,
    );
    await client.query(
      `INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen) SELECT $1, ${app}, 'reserve', ${AMOUNT_FEN} FROM ${g}`,
      [programId],
    );
    const held = count * AMOUNT_FEN;
    await client.query(
      `UPDATE budget SET total_fen = total_fen + $2, reserved_fen = reserved_fen + $2, updated_at = now() WHERE program_id = $1`,
      [programId, held],
    );
    await client.query(
      `INSERT INTO budget_ledger (program_id, entry, amount_fen, note) VALUES ($1, 'adjust', $2, 'load benchmark filler')`,
      [programId, held],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  if (settle) await settleAfterBulkWrite(pool);
  else await pool.query('ANALYZE');
}

/**
 * After a bulk write, before a scenario measures anything: what production's autovacuum would have
 * done by then (autovacuum is off on this machine) — statistics, so the planner does not guess,
 * and the new rows' hint bits and visibility map, so the first scenario to read them does not pay
 * for writing them — then a CHECKPOINT, so the bulk write's WAL and dirty pages are flushed now
 * and not during the scenario. Every submit scenario that starts after a fill starts the same way
 * (1k and 100k claims: issue 10's capacity pair).
 */
export async function settleAfterBulkWrite(pool: Pool): Promise<void> {
  await pool.query('VACUUM ANALYZE');
  await pool.query('CHECKPOINT');
}

/** Sets what the budget has left to exactly `remainingFen` (moving the total, with an `adjust` row). */
export async function setRemaining(pool: Pool, remainingFen: number): Promise<void> {
  const { programId } = await programIds(pool);
  const { rows } = await pool.query<{ delta: string }>(
    `WITH old AS (SELECT total_fen FROM budget WHERE program_id = $1 FOR UPDATE)
     UPDATE budget b SET total_fen = b.reserved_fen + b.committed_fen + b.paid_fen + $2, remaining_fen = $2, updated_at = now()
       FROM old WHERE b.program_id = $1 RETURNING b.total_fen - old.total_fen AS delta`,
    [programId, remainingFen],
  );
  await pool.query(
    `INSERT INTO budget_ledger (program_id, entry, amount_fen, note) VALUES ($1, 'adjust', $2, 'load benchmark: budget nearly used up')`,
    [programId, Number(rows[0]!.delta)],
  );
}

export const newKey = (): string => randomUUID();

/**
 * Marks the sessions of `cookies` as used just now (each stored session's `lastSeenAt`, its expiry
 * kept), as if every resident had just opened a page. The sessions of a seeding are all created in
 * the same few seconds, so the once-a-minute slide of their idle timeout (SESSION_TOUCH_INTERVAL_MS:
 * a write that drops the session from every replica's cache) would fall due for all of them in the
 * same few seconds too, inside whichever measurement runs then: a wave of writes that no real
 * minute of a portal has. After this, no slide falls due for a minute.
 */
export async function freshenSessions(config: AppConfig, cookies: readonly string[]): Promise<void> {
  const redis = await readyRedis(config);
  try {
    const keys = cookies.map((cookie) => sessionKey(cookie.slice(cookie.indexOf('=') + 1)));
    const now = Date.now();
    for (let i = 0; i < keys.length; i += BATCH) {
      const chunk = keys.slice(i, i + BATCH);
      const stored = await redis.mget(...chunk);
      const pipeline = redis.pipeline();
      chunk.forEach((key, j) => {
        if (stored[j])
          pipeline.set(key, JSON.stringify({ ...JSON.parse(stored[j]!), lastSeenAt: now }), 'KEEPTTL', 'XX');
      });
      await pipeline.exec();
    }
  } finally {
    redis.disconnect();
  }
}
