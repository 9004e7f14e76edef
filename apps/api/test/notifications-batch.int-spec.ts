import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChecksProcessor } from '../src/applications/checks.processor';
import { ChecksService } from '../src/applications/checks.service';
import { StatusNotices } from '../src/notifications/status-notices';
import { dataSourceOf } from './utils/identity';
import { createResident, residentIdentity } from './utils/residents';
import { reviewPhone, submittedClaim } from './utils/review';
import { createTestApp, type TestApp } from './utils/test-app';

/**
 * The status notices of a check batch (issue 10: the worker drains at least twice as fast as
 * residents submit): the batch's move writes ONE notice job for all of its claims, each event is
 * still notified once, and a gateway that refuses one message fails only that message — the job
 * fails, and its retry sends only what was not sent. A submission queues one job, its check, which
 * also sends the submission's notice. Residents 20001–20004.
 */
describe('status notices of a check batch: one job, each event notified once', () => {
  let t: TestApp;
  let gateway: Server;
  const posts: string[] = [];
  const refused = new Set<string>();
  const indexes = [20001, 20002, 20003];
  /** A claim of the resident with this index: invoice numbers 2661…index are this suite's. */
  const claimOf = async (index: number) =>
    submittedClaim(
      t,
      await createResident(t, index),
      reviewPhone(300_000, {
        'item.invoiceNo': `2661${String(index).padStart(16, '0')}`,
        'item.serialNo': `NOTICE-SN-${index}`,
      }),
    );

  beforeAll(async () => {
    // The SMS gateway (SMS_TRANSPORT=http): records each message's phone, refuses those in `refused`.
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { phone } = JSON.parse(body) as { phone: string };
        posts.push(phone);
        res.writeHead(refused.has(phone) ? 503 : 200).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const { port } = gateway.address() as AddressInfo;
    t = await createTestApp({ SMS_TRANSPORT: 'http', SMS_HTTP_URL: `http://127.0.0.1:${port}/send` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('writes one notice job for the batch; a refused message fails the job and only it is sent again', async () => {
    const db = dataSourceOf(t);
    const ids: string[] = [];
    for (const index of indexes) ids.push(await claimOf(index));

    const results = await t.app.get(ChecksService).checkMany(ids);
    expect(results.map((r) => r.moved)).toEqual([true, true, true]);
    const inReview = (await db.query(
      `SELECT application_id, id FROM application_event
        WHERE application_id = ANY($1::uuid[]) AND to_status = 'in_review'`,
      [ids],
    )) as { application_id: string; id: string }[];
    const eventOf = new Map(inReview.map((e) => [e.application_id, e.id]));
    const jobs = (await db.query(
      `SELECT job_name, job_id, payload FROM outbox
        WHERE job_name LIKE 'notifications.%' AND payload::text LIKE ANY($1::text[])`,
      [[...eventOf.values()].map((id) => `%${id}%`)],
    )) as { job_name: string; job_id: string; payload: { events: unknown[] } }[];
    // In the move's lock order (by claim id).
    const events = [...ids]
      .sort((a, b) => (a < b ? -1 : 1))
      .map((id) => ({ applicationId: id, eventId: eventOf.get(id)! }));
    expect(jobs).toEqual([
      {
        job_name: 'notifications.application-statuses',
        job_id: `notify-all-${events[0]!.eventId}`,
        payload: { events },
      },
    ]);

    // The gateway refuses the second event's message: the others are sent and marked sent, the
    // job fails (BullMQ retries it with backoff).
    // Messages sent to each event's resident, in the events' order.
    const phoneOf = new Map(ids.map((id, i) => [id, residentIdentity(indexes[i]!).phone]));
    const phones = events.map((e) => phoneOf.get(e.applicationId)!);
    const sentCount = () => phones.map((phone) => posts.filter((p) => p === phone).length);
    refused.add(phones[1]!);
    const notices = t.app.get(StatusNotices, { strict: false });
    await expect(notices.notifyAll(events)).rejects.toThrow('SMS gateway answered 503');
    // The batch's three sends, then (the batch failed) the refused one once more on its own.
    expect(sentCount()).toEqual([1, 2, 1]);
    const sentAt = async () =>
      (
        (await db.query(
          `SELECT n.sms_sent_at IS NOT NULL AS sent FROM notification n
            JOIN unnest($1::text[]) WITH ORDINALITY AS e(key, i) ON e.key = n.event_key ORDER BY e.i`,
          [events.map((e) => e.eventId)],
        )) as { sent: boolean }[]
      ).map((r) => r.sent);
    expect(await sentAt()).toEqual([true, false, true]);

    // The retry, the gateway accepting again: only the message not yet sent goes out.
    refused.clear();
    await expect(notices.notifyAll(events)).resolves.toEqual({ notified: 3, skipped: 0 });
    expect(sentCount()).toEqual([1, 3, 1]);
    expect(await sentAt()).toEqual([true, true, true]);
    const rows = (await db.query(
      `SELECT count(*)::int AS n FROM notification WHERE event_key = ANY($1::text[])`,
      [events.map((e) => e.eventId)],
    )) as { n: number }[];
    expect(rows).toEqual([{ n: 3 }]);
  });

  it("a submission's one job checks the claim and sends its notice; a refused notice fails the job, and the retry repeats neither", async () => {
    const db = dataSourceOf(t);
    const id = await claimOf(20004);
    const jobs = (await db.query(
      `SELECT job_name, payload FROM outbox WHERE payload->>'applicationId' = $1`,
      [id],
    )) as { job_name: string; payload: { applicationId: string; eventId: string } }[];
    expect(jobs.map((j) => j.job_name)).toEqual(['applications.check']);
    const [submittedEvent] = (await db.query(
      `SELECT id FROM application_event WHERE application_id = $1 AND to_status = 'submitted'`,
      [id],
    )) as { id: string }[];
    expect(jobs[0]!.payload).toEqual({ applicationId: id, eventId: submittedEvent!.id });

    const phone = residentIdentity(20004).phone;
    const sends = () => posts.filter((p) => p === phone).length;
    const noticeSent = async () =>
      (
        (await db.query(`SELECT sms_sent_at IS NOT NULL AS sent FROM notification WHERE event_key = $1`, [
          submittedEvent!.id,
        ])) as { sent: boolean }[]
      ).map((r) => r.sent);
    const status = async () =>
      ((await db.query(`SELECT status FROM application WHERE id = $1`, [id])) as { status: string }[])[0]!
        .status;
    const checks = t.app.get(ChecksProcessor, { strict: false });

    // The gateway refuses: the claim is checked all the same, the job fails.
    refused.add(phone);
    await expect(checks.checkAndNotify(jobs[0]!.payload)).rejects.toThrow('SMS gateway answered 503');
    expect(await status()).toBe('in_review');
    expect(await noticeSent()).toEqual([false]);
    expect(sends()).toBe(1);

    // The retry: the claim is no longer `submitted` (nothing moves again), the notice goes out once.
    refused.clear();
    await expect(checks.checkAndNotify(jobs[0]!.payload)).resolves.toEqual({ moved: false, flags: [] });
    expect(sends()).toBe(2);
    expect(await noticeSent()).toEqual([true]);
    const timeline = (await db.query(
      `SELECT to_status FROM application_event WHERE application_id = $1 ORDER BY at, seq`,
      [id],
    )) as { to_status: string }[];
    expect(timeline.map((e) => e.to_status)).toEqual(['draft', 'submitted', 'checking', 'in_review']);
  });
});
