import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { STALE_ACCOUNT_DAYS } from '../src/accounts/accounts.jobs';
import { AccountsProcessor } from '../src/accounts/accounts.processor';
import { loadConfig } from '../src/config/config';
import { WorkerModule } from '../src/worker.module';
import { PHONES } from './fixtures/pii';
import { DAY, useFakeClock, type FakeClock } from './utils/fake-clock';
import {
  clearRateLimits,
  createAccount,
  createIdentityApp,
  DEMO_USERS,
  signInResident,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

/**
 * The stale-account job (等保 8.1.4.2: disable idle accounts): staff unused for 90 days are disabled
 * and signed out. The job disables every idle staff account of the run's database, so the accounts
 * enabled before are enabled again afterwards for the suites that follow.
 */
describe('accounts job: staff unused for 90 days are disabled', () => {
  let worker: INestApplicationContext;
  let job: AccountsProcessor;
  let db: DataSource;
  let t: TestApp;
  let clock: FakeClock;
  let enabledBefore: string[];

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), {
      logger: false,
    });
    await worker.init();
    job = worker.get(AccountsProcessor);
    db = worker.get<DataSource>(getDataSourceToken());
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    enabledBefore = (
      (await db.query('SELECT id FROM user_account WHERE disabled_at IS NULL')) as { id: string }[]
    ).map((row) => row.id);
  });
  beforeEach(() => {
    clock = useFakeClock(worker);
  });
  afterEach(() => clock.restore());
  afterAll(async () => {
    await db.query('UPDATE user_account SET disabled_at = NULL WHERE id = ANY($1::uuid[])', [enabledBefore]);
    await t.close();
    await worker.close();
  });

  it(`at ${STALE_ACCOUNT_DAYS - 1} days an account stays; after ${STALE_ACCOUNT_DAYS} days it is disabled, signed out and audited; residents never`, async () => {
    const admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    const username = uniqueUsername('stale');
    const id = await createAccount(t, admin, { username, role: 'reviewer' });
    const staff = await signInStaff(t, username, STRONG_PASSWORD);
    const resident = await signInResident(t, PHONES.accounts[0]!);
    const disabledAt = async (userId: string) =>
      (
        (await db.query('SELECT disabled_at FROM user_account WHERE id = $1', [userId])) as {
          disabled_at: Date | null;
        }[]
      )[0]!.disabled_at;

    clock.advance((STALE_ACCOUNT_DAYS - 1) * DAY);
    await job.disableStale();
    expect(await disabledAt(id)).toBeNull();
    await request(t.server).get('/api/auth/me').set('cookie', staff.cookie).expect(200);

    clock.advance(2 * DAY);
    const count = await job.disableStale();
    expect(count).toBeGreaterThanOrEqual(1);
    expect((await disabledAt(id))?.getTime()).toBe(clock.now().getTime());
    expect(await disabledAt(resident.user.id)).toBeNull();

    // Signed out at once, and the password no longer works.
    await request(t.server).get('/api/auth/me').set('cookie', staff.cookie).expect(401);
    await request(t.server).post('/api/auth/login').send({ username, password: STRONG_PASSWORD }).expect(401);
    await request(t.server).get('/api/auth/me').set('cookie', resident.cookie).expect(200);

    const rows = (await db.query(
      `SELECT actor_id, object_id, result, detail FROM audit_log WHERE action = 'user.disabled' AND object_id = $1`,
      [id],
    )) as Record<string, unknown>[];
    expect(rows).toEqual([
      { actor_id: null, object_id: id, result: 'success', detail: { reason: 'unused_90_days' } },
    ]);
    const n = (
      (await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.disabled' AND object_id IS NULL`,
      )) as { n: number }[]
    )[0]!.n;
    expect(n).toBe(0);
  });

  it('is idempotent: a second run disables nothing more', async () => {
    clock.advance((STALE_ACCOUNT_DAYS + 2) * DAY);
    await job.disableStale();
    expect(await job.disableStale()).toBe(0);
  });

  it('a recent sign-in keeps an account alive', async () => {
    await db.query('UPDATE user_account SET disabled_at = NULL WHERE id = ANY($1::uuid[])', [enabledBefore]);
    const admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    const username = uniqueUsername('active');
    const id = await createAccount(t, admin, { username, role: 'finance' });
    await db.query(
      `UPDATE user_account SET created_at = now() - interval '200 days', last_login_at = now() - interval '10 days' WHERE id = $1`,
      [id],
    );
    await job.disableStale();
    const [row] = (await db.query('SELECT disabled_at FROM user_account WHERE id = $1', [id])) as {
      disabled_at: Date | null;
    }[];
    expect(row!.disabled_at).toBeNull();
  });
});
