import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import request, { type Response } from 'supertest';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/config';
import { createTestApp, type TestApp } from './test-app';

/** Demo staff and dealer accounts seeded for tests (api-contract.md). */
export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_USERS = {
  reviewer: 'reviewer1',
  approver: 'approver1',
  finance: 'finance1',
  finance2: 'finance2',
  admin: 'admin1',
  // The security administrator (三员): role changes, TOTP resets, unlocks.
  security_admin: 'secadmin1',
  auditor: 'auditor1',
  dealer: 'dealer1',
  dealer2: 'dealer2',
} as const;

/**
 * The real app with the per-IP limits raised: every supertest call comes from 127.0.0.1, so the
 * suites would otherwise share one address's budget. Suites that test those limits pass low values.
 */
export function createIdentityApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  return createTestApp({ OTP_IP_LIMIT_PER_HOUR: '100000', AUTH_IP_LIMIT_PER_HOUR: '100000', ...overrides });
}

export function dataSourceOf(t: TestApp): DataSource {
  return t.app.get<DataSource>(getDataSourceToken());
}

/** The session cookie set by a response as `name=value` (for a Cookie header), or undefined. */
export function sessionCookie(res: Response, config: AppConfig): string | undefined {
  const raw = setCookie(res, config);
  return raw?.split(';')[0];
}

/** The whole Set-Cookie line for the session cookie (to check its attributes). */
export function setCookie(res: Response, config: AppConfig): string | undefined {
  const name = config.auth.secureCookies ? '__Host-hx_sid' : 'hx_sid';
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  return lines.find((line) => line.startsWith(`${name}=`));
}

/** The newest code sent to a phone through the dev outbox. */
export async function latestCode(t: TestApp, phone: string): Promise<string> {
  const res = await request(t.server).get('/api/dev/sms-outbox').query({ phone }).expect(200);
  const [newest] = res.body as { code: string }[];
  if (!newest) throw new Error('no SMS in the dev outbox');
  return newest.code;
}

/** Sends a code and returns the challenge with its code (read from the dev outbox). */
export async function requestCode(t: TestApp, phone: string): Promise<{ challengeId: string; code: string }> {
  const res = await request(t.server).post('/api/auth/otp').send({ phone }).expect(202);
  return { challengeId: res.body.challengeId as string, code: await latestCode(t, phone) };
}

export interface SignedIn {
  cookie: string;
  user: { id: string; role: string; displayName: string; phoneMasked?: string; organizationId?: string };
}

export async function signInResident(t: TestApp, phone: string): Promise<SignedIn> {
  const { challengeId, code } = await requestCode(t, phone);
  const res = await request(t.server).post('/api/auth/otp/verify').send({ challengeId, code }).expect(200);
  return { cookie: sessionCookie(res, t.config)!, user: res.body.user };
}

export async function signInStaff(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const res = await request(t.server).post('/api/auth/login').send({ username, password }).expect(200);
  return { cookie: sessionCookie(res, t.config)!, user: res.body.user };
}

/**
 * Creates a staff or dealer account through the admin API; returns its id. Reviewer and approver
 * accounts (they may reveal personal data) start pending a second administrator: unless
 * `pending: true`, a second admin (created once per app) activates them, as an operator would.
 */
export async function createAccount(
  t: TestApp,
  adminCookie: string,
  account: {
    username: string;
    role: string;
    password?: string;
    organizationId?: string;
    displayName?: string;
    pending?: boolean;
  },
): Promise<string> {
  const { pending, ...body } = account;
  const res = await request(t.server)
    .post('/api/admin/users')
    .set('cookie', adminCookie)
    .send({ displayName: '测试账号', password: STRONG_PASSWORD, ...body })
    .expect(201);
  const id = res.body.id as string;
  if (res.body.pendingActivation === true && !pending) await activateAccount(t, id);
  return id;
}

const secondAdmins = new WeakMap<TestApp, Promise<string>>();

/** The session of a second administrator (created once per app through the admin API). */
export function secondAdmin(t: TestApp): Promise<string> {
  let cookie = secondAdmins.get(t);
  if (!cookie) {
    cookie = (async () => {
      const first = await signInStaff(t, DEMO_USERS.admin);
      const username = uniqueUsername('admin2');
      await request(t.server)
        .post('/api/admin/users')
        .set('cookie', first.cookie)
        .send({ username, role: 'admin', displayName: '第二管理员', password: STRONG_PASSWORD })
        .expect(201);
      return (await signInStaff(t, username, STRONG_PASSWORD)).cookie;
    })();
    secondAdmins.set(t, cookie);
  }
  return cookie;
}

/** A second administrator activates a pending account. */
export async function activateAccount(t: TestApp, id: string): Promise<void> {
  await request(t.server)
    .patch(`/api/admin/users/${id}`)
    .set('cookie', await secondAdmin(t))
    .send({ activate: true })
    .expect(200);
}

/** Passes the staff password policy (long, no common word, no username). */
export const STRONG_PASSWORD = 'violet-kettle-harbour-91';

/** A unique username per call (accounts outlive a suite: the run shares one database). */
let counter = 0;
export function uniqueUsername(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`.toLowerCase().slice(0, 32);
}

/**
 * Deletes the run's rate-limit counters (send limits, login and write limits, per-phone failures),
 * so one test's traffic does not eat another's budget. Keys live under the run's Redis prefix.
 */
export async function clearRateLimits(config: AppConfig): Promise<void> {
  await deleteKeys(config, ['rl:*', 'otp-fail:*']);
}

export async function deleteKeys(config: AppConfig, patterns: string[]): Promise<void> {
  const redis = new Redis(config.redis.url);
  try {
    for (const pattern of patterns) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(
          cursor,
          'MATCH',
          `${config.redis.prefix}:${pattern}`,
          'COUNT',
          1000,
        );
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

/** A raw Redis client (no key prefix) for tests that read or seed keys; disconnect it after. */
export function rawRedis(config: AppConfig): Redis {
  return new Redis(config.redis.url);
}
