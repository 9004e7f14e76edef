/**
 * Seeding for the load benchmark, straight into the run's database (the HTTP sign-in and draft
 * creation are proved by the suites; a benchmark needs thousands of them in seconds). Personal
 * data goes through the app's own PiiCipher and sessions through its SessionService, exactly as
 * test/utils/residents.ts does; claims, documents and filler rows are INSERT … SELECT.
 */
import { randomUUID } from 'node:crypto';
import { PRIVACY_CONSENT_VERSION } from '@huanxin/shared';
import { bankCardNumber, mobileNumber, residentIdNumber } from '@huanxin/shared/testing';
import type { Pool } from 'pg';
import { SessionService } from '../../src/auth/session.service';
import { sessionCookieName } from '../../src/auth/session-cookie';
import { Clock } from '../../src/common/clock';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import type { AppConfig } from '../../src/config/config';
import { createRedis } from '../../src/redis/redis.module';

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
  const redis = createRedis(config);
  await new Promise<void>((resolve, reject) => {
    redis.once('ready', () => resolve());
    redis.once('error', reject);
  });
  const sessions = new SessionService(redis, new Clock());
  const { programId, versionId } = await programIds(pool);
  const drafts: Draft[] = [];
  try {
    for (let start = 0; start < count; start += BATCH) {
      const ns = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => start + i + 1);
      const people = ns.map((n) => ({ n, ...identity(n) }));
      const { rows: users } = await pool.query<{ id: string; n: number }>(
        `INSERT INTO user_account (role, display_name, phone_bidx, phone_enc)
         SELECT 'resident', '居民' || n, b, e FROM unnest($1::int[], $2::text[], $3::text[]) AS t(n, b, e)
         RETURNING id, substring(display_name from 3)::int AS n`,
        [
          ns,
          people.map((p) => cipher.blindIndex(p.phone, 'phone')),
          people.map((p) => cipher.encrypt(p.phone, 'user.phone')),
        ],
      );
      const idOf = new Map(users.map((u) => [u.n, u.id]));
      await pool.query(
        `INSERT INTO resident_profile (user_id, name_enc, id_number_enc, id_number_bidx, street, address_enc, bank_name, bank_account_enc, bank_account_bidx, consent_version, consent_at)
         SELECT u, ne, ie, ib, 'mingshui', ae, '中国农业银行章丘支行', be, bb, $8, now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(u, ne, ie, ib, ae, be, bb)`,
        [
          people.map((p) => idOf.get(p.n)),
          people.map(() => cipher.encrypt('测试居民', 'profile.name')),
          people.map((p) => cipher.encrypt(p.idNumber, 'profile.id_number')),
          people.map((p) => cipher.blindIndex(p.idNumber, 'id_number')),
          people.map(() => cipher.encrypt('明水街道测试路1号', 'profile.address')),
          people.map((p) => cipher.encrypt(p.bankAccount, 'profile.bank_account')),
          people.map((p) => cipher.blindIndex(p.bankAccount, 'bank_account')),
          PRIVACY_CONSENT_VERSION,
        ],
      );
      // One draft per resident, a second one for every `duplicateEvery`-th (same category: quota 1).
      const owners = people.flatMap((p) => (p.n % duplicateEvery === 0 ? [p.n, p.n] : [p.n]));
      const facts = owners.map((n, i) => JSON.stringify(phoneFacts(n * 10 + (owners[i - 1] === n ? 1 : 0))));
      const { rows: claims } = await pool.query<{ id: string; applicant_id: string }>(
        `INSERT INTO application (code, applicant_id, program_id, program_version_id, status, facts, reserved_fen)
         SELECT 'ZQ-2026-' || lpad(nextval('application_code_seq')::text, 6, '0'), a, $3, $4, 'draft', f::jsonb, 0
           FROM unnest($1::uuid[], $2::text[]) AS t(a, f)
         RETURNING id, applicant_id`,
        [owners.map((n) => idOf.get(n)), facts, programId, versionId],
      );
      await pool.query(
        `INSERT INTO application_event (application_id, at, from_status, to_status, actor_id)
         SELECT id, now(), NULL, 'draft', applicant_id FROM unnest($1::uuid[], $2::uuid[]) AS t(id, applicant_id)`,
        [claims.map((c) => c.id), claims.map((c) => c.applicant_id)],
      );
      await pool.query(
        `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, uploaded_by)
         SELECT id, k, 'application/pdf', 1000, md5(id::text || k), 'bench/' || id || '/' || k, applicant_id
           FROM unnest($1::uuid[], $2::uuid[]) AS t(id, applicant_id), unnest(ARRAY['invoice', 'serial_number_photo']) k`,
        [claims.map((c) => c.id), claims.map((c) => c.applicant_id)],
      );
      const cookies = new Map<string, string>();
      await Promise.all(
        users.map(async (u) => {
          const sid = await sessions.create({
            id: u.id,
            role: 'resident',
            displayName: `居民${u.n}`,
            organizationId: null,
          });
          cookies.set(u.id, `${sessionCookieName(config)}=${sid}`);
        }),
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
  } finally {
    redis.disconnect();
  }
  return drafts;
}

/**
 * Fills the program with `count` more counting claims of other (generated, non-personal) applicants,
 * each holding AMOUNT_FEN — with its ledger row, events, key and documents — and raises the budget
 * total by what they hold (an `adjust` row), so the budget and its ledger still balance.
 */
export async function fillProgram(pool: Pool, count: number, tag: string): Promise<void> {
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
  // Autovacuum is off on this machine: without statistics the planner guesses at tiny tables.
  await pool.query('ANALYZE');
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
