import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationEntity } from '../src/applications/application.entity';
import { ChecksProcessor } from '../src/applications/checks.processor';
import { Clock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { WorkerModule } from '../src/worker.module';
import { DAY, useFakeClock, type FakeClock } from './utils/fake-clock';
import { createResident, PDF_BYTES, residentIdentity, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(60_000);

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let serial = 0;
/** The shared eligible appliance-2026 claim as a grade-2 television of 4,000 yuan, numbers of its own. */
const tv = () => {
  serial += 1;
  return eligibleClaim('appliance', {
    'item.category': 'television',
    'item.efficiencyGrade': 2,
    'item.priceFen': 400_000,
    'item.invoiceNo': `2637${String(800_000 + serial).padStart(16, '0')}`,
    'item.invoiceDate': '2026-04-10',
    'item.serialNo': `CHK-SN-${serial}`,
    'oldItem.handedIn': true,
  }).facts;
};

/**
 * The API and a real worker (outbox relay + BullMQ processors) against the same database and
 * Redis: a submitted claim is checked and reaches the review queue with its flags, the resident
 * is notified, and stale claims expire and release their reservation.
 */
describe('automated checks, notifications and expiry (API + worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let clock: FakeClock;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    clock = useFakeClock(t.app, new Date('2026-05-03T02:00:00Z'));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), {
      logger: false,
    });
    await worker.init();
    jest.spyOn(worker.get(Clock), 'now').mockImplementation(() => clock.now());
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker.close();
    clock.restore();
    await t.close();
  });

  /** Each resident submits from their own browser unless a test says otherwise. */
  async function submitted(
    resident: Resident,
    documentBytes?: Buffer,
    userAgent = `Mozilla/5.0 (resident ${resident.id})`,
  ): Promise<string> {
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', resident.cookie)
      .send({ programCode: 'appliance-2026', facts: tv() })
      .expect(201);
    for (const kind of ['invoice', 'energy_label_photo', 'serial_number_photo']) {
      await request(t.server)
        .post(`/api/applications/${res.body.id}/documents`)
        .set('Cookie', resident.cookie)
        .field('kind', kind)
        .attach(
          'file',
          kind === 'invoice' && documentBytes
            ? documentBytes
            : Buffer.concat([PDF_BYTES, Buffer.from(randomUUID())]),
          'f.pdf',
        )
        .expect(201);
    }
    await request(t.server)
      .post(`/api/applications/${res.body.id}/submit`)
      .set('Cookie', resident.cookie)
      .set('User-Agent', userAgent)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    return res.body.id as string;
  }

  const statusOf = async (id: string) =>
    ((await db.query('SELECT status FROM application WHERE id = $1', [id])) as { status: string }[])[0]!
      .status;
  const flagsOf = async (id: string) =>
    (
      (await db.query('SELECT code FROM application_flag WHERE application_id = $1 ORDER BY code', [id])) as {
        code: string;
      }[]
    ).map((r) => r.code);

  it("moves a clean claim submitted → checking → in_review, on the timeline, and notifies the resident in the app and by SMS of submitted and in_review (checking is never seen outside the check's transaction)", async () => {
    const resident = await createResident(t, 3001);
    const id = await submitted(resident);
    await waitFor(async () => ((await statusOf(id)) === 'in_review' ? true : undefined));
    expect(await flagsOf(id)).toEqual([]);
    const detail = await request(t.server)
      .get(`/api/applications/${id}`)
      .set('Cookie', resident.cookie)
      .expect(200);
    expect(detail.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'draft',
      'submitted',
      'checking',
      'in_review',
    ]);
    // Each hop is audited, though the claim's row was written once for both.
    const audited = (await db.query(
      `SELECT detail->>'from' AS "from", detail->>'to' AS "to" FROM audit_log
        WHERE object_id = $1 AND action = 'application.status_changed' ORDER BY seq`,
      [id],
    )) as { from: string; to: string }[];
    expect(audited).toEqual([
      { from: 'draft', to: 'submitted' },
      { from: 'submitted', to: 'checking' },
      { from: 'checking', to: 'in_review' },
    ]);
    const notified = await waitFor(async () => {
      const rows = (await db.query(
        `SELECT params->>'status' AS status, sms_sent_at FROM notification WHERE user_id = $1`,
        [resident.id],
      )) as { status: string; sms_sent_at: Date | null }[];
      return rows.length === 2 && rows.every((r) => r.sms_sent_at) ? rows : undefined;
    });
    expect(notified.map((r) => r.status).sort()).toEqual(['in_review', 'submitted']);
    const inApp = await request(t.server)
      .get('/api/me/notifications')
      .set('Cookie', resident.cookie)
      .expect(200);
    expect(inApp.body).toHaveLength(2);
    expect(inApp.body[0]).toMatchObject({
      kind: 'application_status',
      read: false,
      text: expect.stringContaining('ZQ-2026-'),
    });
    await request(t.server)
      .post(`/api/me/notifications/${inApp.body[0].id}/read`)
      .set('Cookie', resident.cookie)
      .expect(204);
    const after = await request(t.server)
      .get('/api/me/notifications')
      .set('Cookie', resident.cookie)
      .expect(200);
    expect(after.body.filter((n: { read: boolean }) => n.read)).toHaveLength(1);
    const sms = await request(t.server)
      .get('/api/dev/sms-outbox')
      .query({ phone: residentIdentity(3001).phone })
      .expect(200);
    expect(
      sms.body.some((m: { text: string }) => m.text.includes('审核中（自动核验已完成，进入人工审核）')),
    ).toBe(true);
    expect(sms.body.some((m: { text: string }) => m.text.includes('自动核验中'))).toBe(false);
  });

  it('flags the same document used by another applicant and a bank account shared across applicants', async () => {
    const sharedFile = Buffer.concat([PDF_BYTES, Buffer.from('the very same invoice scan')]);
    const first = await createResident(t, 3002);
    const second = await createResident(t, 3003, { bankAccount: residentIdentity(3002).bankAccount });
    const a = await submitted(first, sharedFile);
    await waitFor(async () => ((await statusOf(a)) === 'in_review' ? true : undefined));
    const b = await submitted(second, sharedFile);
    await waitFor(async () => ((await statusOf(b)) === 'in_review' ? true : undefined));
    expect(await flagsOf(b)).toEqual(['DUPLICATE_DOCUMENT', 'SHARED_BANK_ACCOUNT']);
  });

  it('flags the third applicant submitting from the same device (address and browser) within a day', async () => {
    const agent = "Mozilla/5.0 (shared tablet at an agent's shop)";
    const ids = [];
    for (const index of [3101, 3102, 3103]) {
      clock.advance(60_000);
      ids.push(await submitted(await createResident(t, index), undefined, agent));
    }
    for (const id of ids)
      await waitFor(async () => ((await statusOf(id)) === 'in_review' ? true : undefined));
    expect(await flagsOf(ids[0]!)).toEqual([]);
    expect(await flagsOf(ids[1]!)).toEqual([]);
    expect(await flagsOf(ids[2]!)).toEqual(['SAME_DEVICE_PATTERN']);
    const [row] = (await db.query('SELECT submit_device FROM application WHERE id = $1', [ids[2]])) as {
      submit_device: string;
    }[];
    expect(row!.submit_device).not.toContain('127.0.0.1');
  });

  it('a check job run twice changes nothing the second time', async () => {
    const resident = await createResident(t, 3004);
    const id = await submitted(resident);
    await waitFor(async () => ((await statusOf(id)) === 'in_review' ? true : undefined));
    const events = async () =>
      Number(
        (
          (await db.query('SELECT count(*)::int AS n FROM application_event WHERE application_id = $1', [
            id,
          ])) as { n: number }[]
        )[0]!.n,
      );
    const before = await events();
    expect(await worker.get(ChecksProcessor).check(id)).toEqual({ moved: false, flags: [] });
    expect(await events()).toBe(before);
  });

  it('expires untouched drafts after 30 days and returned claims after 15, releasing the reservation', async () => {
    const resident = await createResident(t, 3005);
    const draft = await request(t.server)
      .post('/api/applications')
      .set('Cookie', resident.cookie)
      .send({ programCode: 'appliance-2026', facts: tv() })
      .expect(201);
    const returnedId = await submitted(await createResident(t, 3006));
    await waitFor(async () => ((await statusOf(returnedId)) === 'in_review' ? true : undefined));
    // A reviewer returns it for correction (the review routes come later; the state machine is the same).
    await db.transaction(async (manager) => {
      const application = await manager.getRepository(ApplicationEntity).findOneByOrFail({ id: returnedId });
      await worker
        .get(ApplicationStateService)
        .move(manager, application, { to: 'returned', actorId: null, note: 'invoice unreadable' });
    });
    const reservedBefore = Number(
      (
        (await db.query(`SELECT reserved_fen FROM application WHERE id = $1`, [returnedId])) as {
          reserved_fen: string;
        }[]
      )[0]!.reserved_fen,
    );
    expect(reservedBefore).toBe(60_000);

    // expire() sweeps the whole database, where other suites leave claims of their own (with their
    // own clocks): assert on this test's claims, not on the sweep's count.
    clock.advance(14 * DAY);
    await worker.get(ChecksProcessor).expire();
    expect(await statusOf(returnedId)).toBe('returned');
    expect(await statusOf(draft.body.id)).toBe('draft');
    clock.advance(2 * DAY);
    await worker.get(ChecksProcessor).expire();
    expect(await statusOf(returnedId)).toBe('expired');
    expect(await statusOf(draft.body.id)).toBe('draft');
    const released = (await db.query(
      `SELECT amount_fen FROM budget_ledger WHERE subject_id = $1 AND entry = 'release'`,
      [returnedId],
    )) as { amount_fen: string }[];
    expect(released.map((r) => Number(r.amount_fen))).toEqual([60_000]);

    clock.advance(15 * DAY);
    await worker.get(ChecksProcessor).expire();
    expect(await statusOf(draft.body.id)).toBe('expired');
  });
});
