import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { raiseBudget } from './utils/budget';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { createResident } from './utils/residents';
import { moveClaim, runChecks, submitClaim } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(120_000);

const PROGRAM = 'digital-2026';

/**
 * Post-approval audit samples through HTTP (operations.md §7): drawn over a program's approved and
 * paid claims, uniform or weighted by risk, reproducible from the seed; one outcome per sampled
 * case, a clawback opening a receivable from the payee; approvers only. Residents 9650–9679.
 */
describe('review samples (POST /api/review/samples …)', () => {
  let t: TestApp;
  let db: DataSource;
  let approver: string;
  let reviewer: string;
  const approved: { id: string; code: string; applicantId: string }[] = [];
  const notApproved: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    await raiseBudget(t, PROGRAM, 10_000_000);
    approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
    reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
    for (let i = 0; i < 12; i += 1) {
      const resident = await createResident(t, 9650 + i);
      const claim = await submitClaim(t, resident, 'digital', {
        'item.invoiceNo': `2639${String(970_000 + i).padStart(16, '0')}`,
        'item.serialNo': `SMP-IMEI-${i}`,
      });
      await runChecks(t, claim.id);
      await moveClaim(t, claim.id, i % 3 === 0 ? 'paid' : 'approved');
      approved.push({ ...claim, applicantId: resident.id });
    }
    // One claim left in review and one rejected: never part of a sample.
    for (const [i, to] of [
      [12, null],
      [13, 'rejected'],
    ] as const) {
      const resident = await createResident(t, 9650 + i);
      const claim = await submitClaim(t, resident, 'digital', {
        'item.invoiceNo': `2639${String(970_000 + i).padStart(16, '0')}`,
        'item.serialNo': `SMP-IMEI-${i}`,
      });
      await runChecks(t, claim.id);
      if (to) await moveClaim(t, claim.id, to);
      notApproved.push(claim.id);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const draw = (body: Record<string, unknown>, cookie = approver) =>
    request(t.server).post('/api/review/samples').set('cookie', cookie).send(body);

  it('draws a uniform sample of approved and paid claims of the program, with its seed, and reproduces it from the seed', async () => {
    const first = await draw({ programCode: PROGRAM, size: 5, riskWeighted: false }).expect(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      seed: expect.stringMatching(/^[0-9a-f]{32}$/),
      items: expect.any(Array),
    });
    const items = first.body.items as { applicationId: string }[];
    expect(items).toHaveLength(5);
    expect(new Set(items.map((i) => i.applicationId)).size).toBe(5);
    const rows = (await db.query(
      `SELECT a.status, p.code FROM application a JOIN program p ON p.id = a.program_id WHERE a.id = ANY($1::uuid[])`,
      [items.map((i) => i.applicationId)],
    )) as { status: string; code: string }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(['approved', 'paid']).toContain(row.status);
      expect(row.code).toBe(PROGRAM);
    }
    const again = await draw({
      programCode: PROGRAM,
      size: 5,
      riskWeighted: false,
      seed: first.body.seed,
    }).expect(201);
    expect(again.body.id).not.toBe(first.body.id);
    expect(again.body.seed).toBe(first.body.seed);
    expect(again.body.items).toEqual(first.body.items);
    const other = await draw({
      programCode: PROGRAM,
      size: 5,
      riskWeighted: false,
      seed: 'another-seed',
    }).expect(201);
    expect(other.body.items).not.toEqual(first.body.items);
  });

  it('draws every approved and paid claim of the program and nothing else (not in review, not rejected)', async () => {
    const all = await draw({
      programCode: PROGRAM,
      size: 500,
      riskWeighted: false,
      seed: 'everything',
    }).expect(201);
    const drawn = new Set((all.body.items as { applicationId: string }[]).map((i) => i.applicationId));
    for (const claim of approved) expect(drawn.has(claim.id)).toBe(true);
    for (const id of notApproved) expect(drawn.has(id)).toBe(false);
    const [{ count }] = (await db.query(
      `SELECT count(*)::int AS count FROM application a JOIN program p ON p.id = a.program_id
        WHERE p.code = $1 AND a.status IN ('approved', 'paid')`,
      [PROGRAM],
    )) as [{ count: number }];
    expect(drawn.size).toBe(count);
    const detail = await request(t.server)
      .get(`/api/review/samples/${all.body.id}`)
      .set('cookie', approver)
      .expect(200);
    expect(detail.body).toMatchObject({
      programCode: PROGRAM,
      size: 500,
      population: count,
      riskWeighted: false,
    });
  });

  it('risk-weighted: a claim with a far higher risk score is drawn first', async () => {
    const risky = approved[7]!;
    await db.query('UPDATE application SET risk_score = 1000000 WHERE id = $1', [risky.id]);
    try {
      for (const seed of ['w1', 'w2', 'w3']) {
        const res = await draw({ programCode: PROGRAM, size: 3, riskWeighted: true, seed }).expect(201);
        expect(res.body.items[0]).toEqual({ applicationId: risky.id });
      }
    } finally {
      await db.query('UPDATE application SET risk_score = 0 WHERE id = $1', [risky.id]);
    }
  });

  it('records one outcome per sampled case; a clawback opens an audited receivable from the payee', async () => {
    const ids = new Set(approved.map((c) => c.id));
    const sample = await draw({
      programCode: PROGRAM,
      size: 500,
      riskWeighted: false,
      seed: 'outcomes',
    }).expect(201);
    const mine = (sample.body.items as { applicationId: string }[]).filter((i) => ids.has(i.applicationId));
    const [confirmed, clawed] = [mine[0]!.applicationId, mine[1]!.applicationId];
    const url = (applicationId: string) => `/api/review/samples/${sample.body.id}/items/${applicationId}`;

    const ok = await request(t.server)
      .post(url(confirmed))
      .set('cookie', approver)
      .send({ outcome: 'confirmed', note: '材料齐全，核对无误' })
      .expect(200);
    expect(ok.body).toEqual({ applicationId: confirmed, outcome: 'confirmed', receivableId: null });
    const twice = await request(t.server)
      .post(url(confirmed))
      .set('cookie', approver)
      .send({ outcome: 'clawback', note: '改判' })
      .expect(409);
    expect(twice.body.error.code).toBe('SAMPLE_OUTCOME_RECORDED');

    const noReason = await request(t.server)
      .post(url(clawed))
      .set('cookie', approver)
      .send({ outcome: 'clawback' })
      .expect(422);
    expect(noReason.body.error.fields).toEqual({ note: 'REQUIRED' });

    const back = await request(t.server)
      .post(url(clawed))
      .set('cookie', approver)
      .send({ outcome: 'clawback', note: '发票经税务核验为作废发票' })
      .expect(200);
    expect(back.body).toEqual({
      applicationId: clawed,
      outcome: 'clawback',
      receivableId: expect.any(String),
    });
    const [receivable] = (await db.query(
      `SELECT r.application_id, r.payee_kind, r.payee_user_id, r.payee_organization_id, r.amount_fen::int AS amount_fen,
              r.reason, r.status, a.reserved_fen::int AS held, a.applicant_id
         FROM receivable r JOIN application a ON a.id = r.application_id WHERE r.id = $1`,
      [back.body.receivableId],
    )) as Record<string, unknown>[];
    expect(receivable).toEqual({
      application_id: clawed,
      payee_kind: 'resident',
      payee_user_id: receivable!.applicant_id,
      payee_organization_id: null,
      amount_fen: receivable!.held,
      reason: '发票经税务核验为作废发票',
      status: 'open',
      held: expect.any(Number),
      applicant_id: approved.find((c) => c.id === clawed)!.applicantId,
    });
    expect(receivable!.held).toBeGreaterThan(0);
    const audits = (await db.query(
      `SELECT action, detail FROM audit_log WHERE object_id = $1 AND action = 'review.sample.outcome'`,
      [clawed],
    )) as { action: string; detail: Record<string, unknown> }[];
    expect(audits).toEqual([
      {
        action: 'review.sample.outcome',
        detail: expect.objectContaining({
          sampleId: sample.body.id,
          outcome: 'clawback',
          receivableId: back.body.receivableId,
        }),
      },
    ]);

    const detail = await request(t.server)
      .get(`/api/review/samples/${sample.body.id}`)
      .set('cookie', approver)
      .expect(200);
    const items = detail.body.items as {
      applicationId: string;
      outcome: string | null;
      receivableId: string | null;
    }[];
    expect(items.find((i) => i.applicationId === clawed)).toMatchObject({
      outcome: 'clawback',
      receivableId: back.body.receivableId,
    });
    expect(items.find((i) => i.applicationId === confirmed)).toMatchObject({
      outcome: 'confirmed',
      receivableId: null,
    });
    const list = await request(t.server)
      .get('/api/review/samples')
      .query({ program: PROGRAM })
      .set('cookie', approver)
      .expect(200);
    expect(list.body.find((s: { id: string }) => s.id === sample.body.id)).toMatchObject({
      decided: 2,
      clawbacks: 1,
    });
  });

  it('two outcomes for one case at once: exactly one is recorded', async () => {
    const sample = await draw({ programCode: PROGRAM, size: 1, riskWeighted: false, seed: 'race' }).expect(
      201,
    );
    const url = `/api/review/samples/${sample.body.id}/items/${sample.body.items[0].applicationId}`;
    const answers = await Promise.all(
      ['confirmed', 'clawback'].map((outcome) =>
        request(t.server).post(url).set('cookie', approver).send({ outcome, note: '并发' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [{ count }] = (await db.query(
      `SELECT count(*)::int AS count FROM review_sample_item WHERE sample_id = $1 AND outcome IS NOT NULL`,
      [sample.body.id],
    )) as [{ count: number }];
    expect(count).toBe(1);
  });

  it.each([
    ['size 0', { programCode: PROGRAM, size: 0, riskWeighted: false }, 422, 'VALIDATION_FAILED', 'size'],
    ['size 501', { programCode: PROGRAM, size: 501, riskWeighted: false }, 422, 'VALIDATION_FAILED', 'size'],
    [
      'size not an integer',
      { programCode: PROGRAM, size: 2.5, riskWeighted: false },
      422,
      'VALIDATION_FAILED',
      'size',
    ],
    [
      'riskWeighted not a boolean',
      { programCode: PROGRAM, size: 2, riskWeighted: 'yes' },
      422,
      'VALIDATION_FAILED',
      'riskWeighted',
    ],
    [
      'a malformed seed',
      { programCode: PROGRAM, size: 2, riskWeighted: false, seed: 'a b' },
      422,
      'VALIDATION_FAILED',
      'seed',
    ],
    [
      'an unknown field',
      { programCode: PROGRAM, size: 2, riskWeighted: false, status: 'x' },
      422,
      'VALIDATION_FAILED',
      'status',
    ],
    ['no program', { size: 2, riskWeighted: false }, 422, 'VALIDATION_FAILED', 'programCode'],
    [
      'an unknown program',
      { programCode: 'no-such-program', size: 2, riskWeighted: false },
      404,
      'PROGRAM_NOT_FOUND',
      null,
    ],
    [
      'a program with nothing approved',
      { programCode: 'car-replace-2025', size: 2, riskWeighted: false },
      409,
      'NOTHING_TO_SAMPLE',
      null,
    ],
  ] as const)('refuses %s', async (_name, body, status, code, field) => {
    const before = ((await db.query('SELECT count(*)::int AS n FROM review_sample')) as { n: number }[])[0]!
      .n;
    const res = await draw(body).expect(status);
    expect(res.body.error.code).toBe(code);
    if (field) expect(Object.keys(res.body.error.fields)).toContain(field);
    const after = ((await db.query('SELECT count(*)::int AS n FROM review_sample')) as { n: number }[])[0]!.n;
    expect(after).toBe(before);
  });

  it('outcome errors: unknown sample 404, case not in the sample 404, bad outcome 422, malformed ids 4xx', async () => {
    const sample = await draw({ programCode: PROGRAM, size: 1, riskWeighted: false, seed: 'errors' }).expect(
      201,
    );
    const inSample = sample.body.items[0].applicationId as string;
    const notIn = approved.map((c) => c.id).find((id) => id !== inSample)!;
    const post = (path: string, body: Record<string, unknown>) =>
      request(t.server).post(path).set('cookie', approver).send(body);
    expect(
      (
        await post(`/api/review/samples/${randomUUID()}/items/${inSample}`, { outcome: 'confirmed' }).expect(
          404,
        )
      ).body.error.code,
    ).toBe('SAMPLE_NOT_FOUND');
    expect(
      (
        await post(`/api/review/samples/${sample.body.id}/items/${notIn}`, { outcome: 'confirmed' }).expect(
          404,
        )
      ).body.error.code,
    ).toBe('SAMPLE_ITEM_NOT_FOUND');
    const bad = await post(`/api/review/samples/${sample.body.id}/items/${inSample}`, {
      outcome: 'rejected',
    }).expect(422);
    expect(bad.body.error.fields).toHaveProperty('outcome');
    const malformed = await post(`/api/review/samples/not-a-uuid/items/${inSample}`, {
      outcome: 'confirmed',
    });
    expect([400, 404, 422]).toContain(malformed.status);
    await request(t.server).get(`/api/review/samples/${randomUUID()}`).set('cookie', approver).expect(404);
    // Nothing was recorded by any of these.
    const detail = await request(t.server)
      .get(`/api/review/samples/${sample.body.id}`)
      .set('cookie', approver)
      .expect(200);
    expect(detail.body.items).toEqual([expect.objectContaining({ applicationId: inSample, outcome: null })]);
  });

  it('a reviewer may not draw samples or record outcomes (approvers only)', async () => {
    const res = await draw({ programCode: PROGRAM, size: 1, riskWeighted: false }, reviewer).expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    await request(t.server).get('/api/review/samples').set('cookie', reviewer).expect(403);
  });
});
