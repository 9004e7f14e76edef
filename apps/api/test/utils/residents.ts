import { PRIVACY_CONSENT_VERSION } from '@huanxin/shared';
import { bankCardNumber, mobileNumber, residentIdNumber } from '@huanxin/shared/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SessionService } from '../../src/auth/session.service';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import type { AppConfig } from '../../src/config/config';
import { sessionCookieName } from '../../src/auth/session-cookie';
import type { TestApp } from './test-app';

export interface Resident {
  id: string;
  cookie: string;
  idNumber: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Indexes are one namespace for the whole run (every suite shares the database, and phone and ID
 * numbers are unique). Ranges in use: 1–6 applications, 1000–1999 budget-race, 3001–3999 checks,
 * 4001/5001–5002 worker-crash and outbox, 6000–6099 claim-lifecycle, 7000–7550 person-quota,
 * 8001–8299 documents, 9001 input-sweep, 9101–9103 reveal, 9201 redis-down, 9401–9405 resident-list,
 * 9600–9699 review risk, sampling, reports and SLA, 9700–9899 review workbench, 9951–9999
 * short-transactions; 10000–19999 belong to the vouchers, returns and administration suites
 * (see each suite's header); 20001–20099 notifications. Take a free range.
 */
/**
 * Personal data for the applications suites (index < 100,000). Each block of 10,000 has its own
 * phone prefix (1390532…, 1390533…) and birth year (1960, 1961, …); within a block, IDs are born
 * on the 1st–10th of March and bank cards are 62-cards.
 */
export function residentIdentity(index: number) {
  if (!Number.isInteger(index) || index < 0 || index >= 100_000)
    throw new RangeError('index must be 0–99,999');
  const block = Math.floor(index / 10_000);
  const inBlock = index % 10_000;
  return {
    phone: mobileNumber(inBlock, { prefix: `139053${2 + block}` }),
    idNumber: residentIdNumber({
      birthDate: `${1960 + block}-03-${pad(1 + Math.floor(inBlock / 1000), 2)}`,
      sequence: inBlock % 1000,
    }),
    bankAccount: bankCardNumber(index + 500_000),
  };
}

/**
 * A resident with real-name details and a signed-in session, written straight to the database
 * through the app's own cipher and session service (the HTTP sign-in is proved in the auth suites;
 * the race suites need hundreds of residents quickly).
 */
export async function createResident(
  t: TestApp,
  index: number,
  options: { bankAccount?: string } = {},
): Promise<Resident> {
  const cipher = t.app.get(PiiCipher);
  const sessions = t.app.get(SessionService);
  const dataSource = t.app.get<DataSource>(getDataSourceToken());
  const identity = residentIdentity(index);
  const bankAccount = options.bankAccount ?? identity.bankAccount;
  const [user] = (await dataSource.query(
    `INSERT INTO user_account (role, display_name, phone_bidx, phone_enc) VALUES ('resident', $1, $2, $3) RETURNING id`,
    [
      `居民${index}`,
      cipher.blindIndex(identity.phone, 'phone'),
      cipher.encrypt(identity.phone, 'user.phone'),
    ],
  )) as { id: string }[];
  await dataSource.query(
    `INSERT INTO resident_profile (user_id, name_enc, id_number_enc, id_number_bidx, street, address_enc, bank_name, bank_account_enc, bank_account_bidx, consent_version, consent_at)
     VALUES ($1, $2, $3, $4, 'mingshui', $5, '中国农业银行章丘支行', $6, $7, $8, now())`,
    [
      user!.id,
      cipher.encrypt('测试居民', 'profile.name'),
      cipher.encrypt(identity.idNumber, 'profile.id_number'),
      cipher.blindIndex(identity.idNumber, 'id_number'),
      cipher.encrypt('明水街道测试路1号', 'profile.address'),
      cipher.encrypt(bankAccount, 'profile.bank_account'),
      cipher.blindIndex(bankAccount, 'bank_account'),
      PRIVACY_CONSENT_VERSION,
    ],
  );
  const sessionId = await sessions.create({
    id: user!.id,
    role: 'resident',
    displayName: `居民${index}`,
    organizationId: null,
  });
  return {
    id: user!.id,
    cookie: `${sessionCookieName(t.config as AppConfig)}=${sessionId}`,
    idNumber: identity.idNumber,
  };
}

/** A minimal real PDF header (the upload check reads magic bytes, not names). */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
