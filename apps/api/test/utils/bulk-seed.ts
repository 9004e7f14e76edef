/**
 * Residents and their complete drafts written straight to the database in a few statements, through
 * the app's own cipher and session service, for the load benchmark and the fault matrix, which need
 * thousands of them (thousands of HTTP sign-ins would take minutes). A resident has a real-name
 * profile and a session; a draft has both documents its program requires on file (digital goods:
 * invoice and serial-number photo), no stored evaluation (submit evaluates afresh).
 */
import { PRIVACY_CONSENT_VERSION } from '@huanxin/shared';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { SessionService } from '../../src/auth/session.service';
import { sessionCookieName } from '../../src/auth/session-cookie';
import { Clock } from '../../src/common/clock';
import type { PiiCipher } from '../../src/common/crypto/pii-cipher';
import type { AppConfig } from '../../src/config/config';
import { createRedis } from '../../src/redis/redis.module';

export interface BulkPerson {
  /** Numbers the resident (display name 居民<n>); unique within the database. */
  n: number;
  phone: string;
  idNumber: string;
  bankAccount: string;
}

/** Inserts the residents with their profiles; answers each one's user id by `n`. */
export async function insertResidents(
  pool: Pool,
  cipher: PiiCipher,
  people: readonly BulkPerson[],
): Promise<Map<number, string>> {
  const { rows: users } = await pool.query<{ id: string; n: number }>(
    `INSERT INTO user_account (role, display_name, phone_bidx, phone_enc)
     SELECT 'resident', '居民' || n, b, e FROM unnest($1::int[], $2::text[], $3::text[]) AS t(n, b, e)
     RETURNING id, substring(display_name from 3)::int AS n`,
    [
      people.map((p) => p.n),
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
  return idOf;
}

/**
 * Inserts one draft per (applicant, facts) pair of the program version, with its timeline event and
 * both documents (stored under `storagePrefix/<id>/<kind>`, contents never read); answers them in order.
 */
export async function insertCompleteDrafts(
  pool: Pool,
  program: { programId: string; versionId: string; storagePrefix: string },
  drafts: readonly { applicantId: string; facts: Record<string, unknown> }[],
): Promise<{ id: string; applicant_id: string }[]> {
  const { rows: claims } = await pool.query<{ id: string; applicant_id: string }>(
    `INSERT INTO application (code, applicant_id, program_id, program_version_id, status, facts, reserved_fen)
     SELECT 'ZQ-2026-' || lpad(nextval('application_code_seq')::text, 6, '0'), a, $3, $4, 'draft', f::jsonb, 0
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS t(a, f, i) ORDER BY i
     RETURNING id, applicant_id`,
    [
      drafts.map((d) => d.applicantId),
      drafts.map((d) => JSON.stringify(d.facts)),
      program.programId,
      program.versionId,
    ],
  );
  const ids = claims.map((c) => c.id);
  const applicants = claims.map((c) => c.applicant_id);
  await pool.query(
    `INSERT INTO application_event (application_id, at, from_status, to_status, actor_id)
     SELECT id, now(), NULL, 'draft', applicant_id FROM unnest($1::uuid[], $2::uuid[]) AS t(id, applicant_id)`,
    [ids, applicants],
  );
  await pool.query(
    `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, uploaded_by)
     SELECT id, k, 'application/pdf', 1000, md5(id::text || k), $3 || '/' || id || '/' || k, applicant_id
       FROM unnest($1::uuid[], $2::uuid[]) AS t(id, applicant_id), unnest(ARRAY['invoice', 'serial_number_photo']) k`,
    [ids, applicants, program.storagePrefix],
  );
  return claims;
}

/**
 * A client of the run's Redis, once it is ready: the app's clients queue nothing while connecting
 * (`enableOfflineQueue: false`), so a seeder's first command would fail. The caller disconnects it.
 */
export async function readyRedis(config: AppConfig): Promise<Redis> {
  const redis = createRedis(config);
  try {
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', () => resolve());
      redis.once('error', reject);
    });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}

/** Opens a resident session per user id (display name given) and answers each one's cookie header. */
export async function residentCookies(
  config: AppConfig,
  users: readonly { id: string; displayName: string }[],
): Promise<Map<string, string>> {
  const redis = await readyRedis(config);
  try {
    const sessions = new SessionService(redis, new Clock());
    const cookies = new Map<string, string>();
    await Promise.all(
      users.map(async (u) => {
        const sid = await sessions.create({
          id: u.id,
          role: 'resident',
          displayName: u.displayName,
          organizationId: null,
        });
        cookies.set(u.id, `${sessionCookieName(config)}=${sid}`);
      }),
    );
    return cookies;
  } finally {
    redis.disconnect();
  }
}
