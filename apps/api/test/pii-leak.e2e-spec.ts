import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import request from 'supertest';
import { ALL_PII, BAD_ID_NUMBERS, BANK_CARDS, ID_NUMBERS, PHONES, profileBody } from './fixtures/pii';
import {
  clearRateLimits,
  createIdentityApp,
  DEMO_USERS,
  signInResident,
  signInStaff,
} from './utils/identity';
import { claimWithStatus } from './utils/claims';
import type { TestApp } from './utils/test-app';

/**
 * Runs LAST (test/utils/sequencer.js): after every other suite has written to the run's database
 * and log file, neither may hold a plaintext ID, phone or card number (PIPL Art. 51; ASVS 16.2.5;
 * security-reliability.md §1.1 "CI log scanner" and §1.2 "pg_dump … 0 hits").
 *
 * The regexes of the checklist are applied between digit boundaries, so that a longer number (a
 * UUID's hex group that happens to be all digits) is not read as a shorter one, and not after a
 * decimal point: pino's `responseTime` (e.g. 6.270890000014333 ms) is a fraction, not a card.
 */
const ID_SHAPE = /(?<![\w.-])\d{17}[\dXx](?![\w-])/g;
const PHONE_SHAPE = /(?<![\w.-])(?:\+?86)?1[3-9]\d{9}(?![\w-])/g;
const CARD_SHAPE = /(?<![\w.-])62\d{14,17}(?![\w-])/g;
/**
 * The checklist's shapes, taken as whole tokens: a number inside an identifier is not a phone.
 * Digit runs occur by chance inside UUIDs (a hex group ending in 11 digits: about 1 in 2,500) and
 * base64url ciphertexts; both failed this suite at random before the boundaries included letters
 * and '-'. A real leak — a value in JSON, a URL, a message — stands as its own token.
 */
const WHOLE_TOKENS = [ID_SHAPE, PHONE_SHAPE, CARD_SHAPE];

function found(text: string, values: string[]): string[] {
  const lower = text.toLowerCase();
  return values.filter((value) => lower.includes(value.toLowerCase()));
}

describe('no personal data in the database dump or the logs', () => {
  let t: TestApp;

  // This suite's own traffic, so that it proves something even when run alone.
  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    const phone = PHONES.piiLeak[0]!;
    const resident = await signInResident(t, phone);
    await request(t.server)
      .put('/api/me/profile')
      .set('cookie', resident.cookie)
      .send(profileBody('piiLeak', 0, { idNumber: BAD_ID_NUMBERS[6] }))
      .expect(422);
    await request(t.server)
      .put('/api/me/profile')
      .set('cookie', resident.cookie)
      .send(profileBody('piiLeak', 0))
      .expect(200);
    const reviewer = await signInStaff(t, DEMO_USERS.reviewer);
    const claim = await claimWithStatus(t, resident.cookie, 'in_review');
    await request(t.server)
      .post(`/api/residents/${resident.user.id}/reveal`)
      .set('cookie', reviewer.cookie)
      .send({
        applicationId: claim,
        field: 'idNumber',
        reason: 'identity_check',
        note: `re ${ID_NUMBERS.piiLeak[0]}`,
      })
      .expect(200);
    await request(t.server)
      .post('/api/auth/login')
      .send({ username: BANK_CARDS.piiLeak[0], password: 'x' })
      .expect(401);
    // Identifiers in a path, a query string and a malformed body.
    await request(t.server).get(`/api/residents/${ID_NUMBERS.piiLeak[1]}/${PHONES.piiLeak[1]}`).expect(404);
    await request(t.server).get('/api/dev/sms-outbox').query({ phone: PHONES.piiLeak[2] }).expect(200);
    await request(t.server)
      .post('/api/auth/otp')
      .set('content-type', 'application/json')
      .send(`{"phone":"${PHONES.piiLeak[3]}",`)
      .expect(400);
    await request(t.server)
      .post('/api/auth/otp')
      .send({ phone: `${PHONES.piiLeak[4]}0` })
      .expect(422);
    await t.close();
  });

  describe('pg_dump of the run’s database', () => {
    let dump: string;
    let identityTables: string;

    beforeAll(() => {
      const url = process.env.DATABASE_URL!;
      dump = execFileSync('pg_dump', ['--data-only', '--no-owner', '--dbname', url], {
        maxBuffer: 512 * 1024 * 1024,
      }).toString('utf8');
      identityTables = execFileSync(
        'pg_dump',
        [
          '--data-only',
          '-t',
          'user_account',
          '-t',
          'resident_profile',
          '-t',
          'consent_record',
          '--dbname',
          url,
        ],
        {
          maxBuffer: 512 * 1024 * 1024,
        },
      ).toString('utf8');
    });

    it('holds the suites’ residents (the dump is not empty)', () => {
      expect(identityTables).toContain('COPY public.resident_profile');
      expect(
        identityTables.split('\n').filter((line) => /^[0-9a-f-]{36}\t/.test(line)).length,
      ).toBeGreaterThan(5);
    });

    it('contains none of the plaintext ID, phone and card numbers the suites used', () => {
      expect(found(dump, ALL_PII)).toEqual([]);
    });

    it('has no ID-, phone- or card-shaped value in the user and profile tables', () => {
      for (const shape of WHOLE_TOKENS) expect(identityTables.match(shape) ?? []).toEqual([]);
    });
  });

  describe('the run’s log file (every test app at level trace)', () => {
    let log: string;

    beforeAll(() => {
      const file = process.env.HUANXIN_TEST_LOG_FILE;
      if (!file) throw new Error('HUANXIN_TEST_LOG_FILE is not set: run through jest (global-setup sets it)');
      log = fs.readFileSync(file, 'utf8');
    });

    it('was written (requests are logged)', () => {
      expect(log.split('\n').filter(Boolean).length).toBeGreaterThan(50);
      expect(log).toContain('"level":"info"');
    });

    it('contains none of the fixture values', () => {
      expect(found(log, ALL_PII)).toEqual([]);
    });

    it('uses shapes that catch a real leak and ignore identifiers that merely contain digits', () => {
      const leaks = [
        '{"phone":"13800138000"}',
        'url":"/api/x?phone=13800138000"',
        'id 11010519491231002X',
        'card 6230514630000424473',
        '+8613800138000',
      ];
      expect(leaks.map((text) => WHOLE_TOKENS.some((shape) => (text.match(shape) ?? []).length > 0))).toEqual(
        [true, true, true, true, true],
      );
      const benign = [
        '"reqId":"0b7e3a4e-6f62-4c1a-9a53-a13412706261"',
        'v1.dev.Ab13412706261x.tag',
        '"responseTime":6.270890000014333',
      ];
      expect(benign.flatMap((text) => WHOLE_TOKENS.flatMap((shape) => text.match(shape) ?? []))).toEqual([]);
    });

    it.each([
      ['ID numbers', ID_SHAPE],
      ['mobile numbers', PHONE_SHAPE],
      ['bank cards', CARD_SHAPE],
    ])('has 0 hits for %s (%s)', (_label, shape) => {
      const hits = log.match(shape) ?? [];
      expect(hits).toEqual([]);
    });

    it('holds no session cookie, password or SMS text', () => {
      expect(log).not.toMatch(/hx_sid=[A-Za-z0-9_-]{20,}/);
      expect(log).not.toContain('demo-password-2026');
      expect(log).not.toContain('验证码为');
    });
  });
});
