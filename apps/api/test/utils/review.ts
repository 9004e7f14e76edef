import { randomUUID } from 'node:crypto';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import { ChecksService } from '../../src/applications/checks.service';
import { StatusNotices } from '../../src/notifications/status-notices';
import { dataSourceOf } from './identity';
import { PDF_BYTES, type Resident } from './residents';
import type { TestApp } from './test-app';

let serial = 0;

/**
 * Invoice numbers 2637…0068xxxx are this helper's (claim-lifecycle uses 60xxxx, worker-crash 700001,
 * person-quota 75xxxx, checks 80xxxx, budget-race 90xxxx).
 *
 * An eligible digital-2026 phone at `priceFen` (15 %, capped at 50,000 fen — the program's
 * four-eyes threshold, reached from 333,334 fen), numbers of its own.
 */
export function reviewPhone(priceFen = 300_000, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return eligibleClaim('digital', {
    'item.priceFen': priceFen,
    'item.invoiceNo': `2637${String(680_000 + serial).padStart(16, '0')}`,
    'item.invoiceDate': '2026-04-02',
    'item.serialNo': `REV-SN-${process.pid}-${serial}`,
    ...overrides,
  }).facts;
}

/**
 * A resident's claim in `in_review` the way production gets it there: drafted and submitted over
 * HTTP (its documents uploaded through the API, so the reviewer can open them), then the automated
 * checks run (ChecksService, as the worker's job would) — which sets `complete_at`.
 */
export async function claimInReview(
  t: TestApp,
  resident: Resident,
  facts: Record<string, unknown> = reviewPhone(),
): Promise<string> {
  const id = await submittedClaim(t, resident, facts);
  await runChecks(t, id);
  return id;
}

/** The same claim, left `submitted` (its automated checks not run yet). */
export async function submittedClaim(
  t: TestApp,
  resident: Resident,
  facts: Record<string, unknown> = reviewPhone(),
): Promise<string> {
  const created = await request(t.server)
    .post('/api/applications')
    .set('cookie', resident.cookie)
    .send({ programCode: 'digital-2026', facts })
    .expect(201);
  const id = created.body.id as string;
  for (const kind of ['invoice', 'serial_number_photo']) {
    await request(t.server)
      .post(`/api/applications/${id}/documents`)
      .set('cookie', resident.cookie)
      .field('kind', kind)
      .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(`% ${randomUUID()}\n`)]), `${kind}.pdf`)
      .expect(201);
  }
  await submitClaim(t, resident, id);
  return id;
}

export async function submitClaim(t: TestApp, resident: Resident, id: string): Promise<void> {
  const res = await request(t.server)
    .post(`/api/applications/${id}/submit`)
    .set('cookie', resident.cookie)
    .set('Idempotency-Key', randomUUID())
    // A device of its own (address + User-Agent): one suite's many residents are not a device pattern.
    .set('User-Agent', `review-suite/${randomUUID()}`);
  if (res.status !== 200) throw new Error(`submit answered ${res.status} ${JSON.stringify(res.body)}`);
}

/** The automated checks (submitted → checking → in_review), as the worker runs them. */
export async function runChecks(t: TestApp, id: string): Promise<void> {
  const { moved } = await t.app.get(ChecksService).check(id);
  if (!moved) throw new Error(`claim ${id} was not submitted`);
}

/** Runs the resident's notification of a claim's newest event, as the worker's job would; returns its text. */
export async function notifyLatest(t: TestApp, applicationId: string): Promise<string> {
  const db = dataSourceOf(t);
  const [event] = (await db.query(
    `SELECT id FROM application_event WHERE application_id = $1 ORDER BY at DESC, seq DESC LIMIT 1`,
    [applicationId],
  )) as { id: string }[];
  await t.app.get(StatusNotices, { strict: false }).notify({ applicationId, eventId: event!.id });
  const [notice] = (await db.query(`SELECT text_zh FROM notification WHERE event_key = $1`, [event!.id])) as {
    text_zh: string;
  }[];
  return notice!.text_zh;
}
