import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SlaDigestService } from '../src/review/sla/sla-digest.service';
import { ReviewSlaProcessor } from '../src/review/sla/sla.processor';
import { REVIEW_SLA_DIGEST } from '../src/review/sla/sla.jobs';
import { raiseBudget } from './utils/budget';
import { DAY, HOUR, useFakeClock, type FakeClock } from './utils/fake-clock';
import { createAccount, dataSourceOf, DEMO_USERS, signInStaff, uniqueUsername } from './utils/identity';
import { createResident } from './utils/residents';
import { runChecks, submitClaim } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(120_000);

/**
 * The approvers' daily SLA digest with a fake clock. The suite's claims are put in review in
 * December 2019 and the digest runs in January 2020: every other claim of the shared database
 * completed later ("in the future", so `ok`), which makes the counts exact. Residents 9690–9699.
 */
describe('review SLA daily digest (staff notifications)', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  const codes: Record<'overdue' | 'warning' | 'ok', string> = { overdue: '', warning: '', ok: '' };
  // Shanghai 2020-01-02 09:00.
  const morning = new Date('2020-01-02T01:00:00Z');
  let pendingApprover: string;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, new Date('2026-05-03T02:00:00Z'));
    await raiseBudget(t, 'appliance-2026', 10_000_000);
    const ages = { overdue: 15 * DAY + HOUR, warning: 12 * DAY, ok: 12 * DAY - HOUR } as const;
    for (const [i, state] of (['overdue', 'warning', 'ok'] as const).entries()) {
      const claim = await submitClaim(t, await createResident(t, 9690 + i), 'appliance', {
        'item.category': 'air_conditioner',
        'item.invoiceNo': `2641${String(950_000 + i).padStart(16, '0')}`,
        'item.serialNo': `SLA-SN-${i}`,
      });
      await runChecks(t, claim.id);
      await db.query('UPDATE application SET complete_at = $2 WHERE id = $1', [
        claim.id,
        new Date(morning.getTime() - ages[state]),
      ]);
      codes[state] = claim.code;
    }
    const admin = await signInStaff(t, DEMO_USERS.admin);
    pendingApprover = await createAccount(t, admin.cookie, {
      username: uniqueUsername('slapending'),
      role: 'approver',
      pending: true,
    });
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  const activeApprovers = async () =>
    (
      (await db.query(
        `SELECT id FROM user_account WHERE role = 'approver' AND disabled_at IS NULL AND pending_activation_by IS NULL ORDER BY id`,
      )) as { id: string }[]
    ).map((r) => r.id);
  const digests = async (date: string) =>
    (await db.query(
      `SELECT user_id, params, text_zh FROM notification WHERE kind = 'review_sla_digest' AND params->>'date' = $1 ORDER BY user_id`,
      [date],
    )) as { user_id: string; params: Record<string, unknown>; text_zh: string }[];

  it('no warning or overdue case: no notice', async () => {
    clock.set(new Date('2019-12-20T01:00:00Z'));
    expect(await t.app.get(SlaDigestService).notifyApprovers()).toEqual({
      date: '2019-12-20',
      warning: 0,
      overdue: 0,
      notified: 0,
    });
    expect(await digests('2019-12-20')).toEqual([]);
  });

  it('notifies every active approver once, with the counts and the cases’ codes (overdue first)', async () => {
    clock.set(morning);
    const approvers = await activeApprovers();
    expect(approvers.length).toBeGreaterThanOrEqual(1);
    expect(approvers).not.toContain(pendingApprover);
    // Through the scheduled job's handler, as the worker runs it.
    const result = await t.app
      .get(ReviewSlaProcessor)
      .jobs.handle({ name: REVIEW_SLA_DIGEST.name, data: {} } as never);
    expect(result).toEqual({ date: '2020-01-02', warning: 1, overdue: 1, notified: approvers.length });
    const rows = await digests('2020-01-02');
    expect(rows.map((r) => r.user_id)).toEqual(approvers);
    for (const row of rows) {
      expect(row.params).toEqual({
        date: '2020-01-02',
        warning: 1,
        overdue: 1,
        cases: [
          {
            code: codes.overdue,
            programCode: 'appliance-2026',
            slaState: 'overdue',
            dueAt: new Date(morning.getTime() - HOUR).toISOString(),
          },
          {
            code: codes.warning,
            programCode: 'appliance-2026',
            slaState: 'warning',
            dueAt: new Date(morning.getTime() + 3 * DAY).toISOString(),
          },
        ],
      });
      expect(row.text_zh).toBe(
        `【章丘换新】审核时限提醒（2020-01-02）：已超期 1 件，即将到期 1 件：${codes.overdue}（已超期）、${codes.warning}（即将到期）。请登录审核台处理。`,
      );
    }
  });

  it('running again the same day (later that day, twice) notifies nobody again', async () => {
    clock.set(new Date(morning.getTime() + 10 * HOUR)); // 19:00 Shanghai, same date
    const service = t.app.get(SlaDigestService);
    const [a, b] = await Promise.all([service.notifyApprovers(), service.notifyApprovers()]);
    expect(a.notified + b.notified).toBe(0);
    expect((await digests('2020-01-02')).length).toBe((await activeApprovers()).length);
  });

  it('the next day is a new digest; the claim at 80 % turned overdue meanwhile is counted so', async () => {
    clock.set(new Date(morning.getTime() + 4 * DAY));
    const result = await t.app.get(SlaDigestService).notifyApprovers();
    // warning claim: 16 days in review now (overdue); the ok one: 16 days − 1 h (overdue too).
    expect(result).toEqual({
      date: '2020-01-06',
      warning: 0,
      overdue: 3,
      notified: (await activeApprovers()).length,
    });
  });

  it('the approver reads the digest in the app and marks it read; a reviewer has none', async () => {
    clock.set(new Date(morning.getTime() + 4 * DAY + HOUR));
    const approver = await signInStaff(t, DEMO_USERS.approver);
    const list = await request(t.server)
      .get('/api/review/notifications')
      .set('cookie', approver.cookie)
      .expect(200);
    const mine = (
      list.body as { id: string; kind: string; params: { date: string }; text: string; read: boolean }[]
    ).filter((n) => n.kind === 'review_sla_digest');
    expect(mine.map((n) => n.params.date)).toEqual(['2020-01-06', '2020-01-02']);
    expect(mine[1]).toMatchObject({ read: false, text: expect.stringContaining(codes.overdue) });
    await request(t.server)
      .post(`/api/review/notifications/${mine[1]!.id}/read`)
      .set('cookie', approver.cookie)
      .expect(204);
    const after = await request(t.server)
      .get('/api/review/notifications')
      .set('cookie', approver.cookie)
      .expect(200);
    expect(after.body.find((n: { id: string }) => n.id === mine[1]!.id)).toMatchObject({ read: true });
    const reviewer = await signInStaff(t, DEMO_USERS.reviewer);
    const none = await request(t.server)
      .get('/api/review/notifications')
      .set('cookie', reviewer.cookie)
      .expect(200);
    expect(none.body.filter((n: { kind: string }) => n.kind === 'review_sla_digest')).toEqual([]);
  });
});
