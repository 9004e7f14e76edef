import type { ApplicationStatus, ProgramDefinition } from '@huanxin/shared';
import { Worker } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '../src/common/clock';
import { ServerEvaluator } from '../src/eligibility/server-evaluator';
import { MOVABLE_STATUSES } from '../src/admin/versions/what-if/claim-reevaluation';
import { WhatIfProcessor } from '../src/admin/versions/what-if/what-if.processor';
import { bullConnection, bullPrefix } from '../src/queue/queue.factory';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { createResident, residentIdentity } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';
import {
  addDraft,
  createTestProgram,
  hideProgram,
  moveTo,
  staffId,
  submitProgramClaim,
  type ClaimPlace,
} from './utils/what-if';

/**
 * What-if of a draft version on real claims (issue 15, api-contract.md "Admin and audit"). The
 * suite's own program (a copy of digital-2026, `whatif-digital-2026`) holds claims in many
 * statuses; the draft raises the rate from 15 % to 20 % and lowers the price limit from 6,000 to
 * 4,000 yuan. Each claim's expected before/after is computed here with the server evaluator's
 * single-claim path (the one a submit uses) and compared exactly with the route's batch answer.
 * Residents 13500–13599.
 */
const CODE = 'whatif-digital-2026';
const PRICES: { place: ClaimPlace; priceFen: number }[] = [
  { place: 'submitted', priceFen: 100_000 }, // 15,000 → 20,000
  { place: 'checking', priceFen: 200_000 }, // 30,000 → 40,000
  { place: 'in_review', priceFen: 300_000 }, // 45,000 → 50,000 (cap)
  { place: 'in_review', priceFen: 500_000 }, // 50,000 → not eligible (above 4,000 yuan)
  { place: 'returned', priceFen: 400_000 }, // 50,000 → 50,000: unchanged
  { place: 'approved', priceFen: 150_000 }, // 22,500 → 30,000
  { place: 'approved-released-batch', priceFen: 120_000 }, // changes, but frozen: no delta
  { place: 'paid', priceFen: 180_000 }, // changes, no delta
  { place: 'rejected', priceFen: 160_000 }, // changes, no delta
  { place: 'withdrawn', priceFen: 550_000 }, // eligible → not: changes, no delta
  { place: 'expired', priceFen: 240_000 }, // changes, no delta
];

interface WhatIfBody {
  evaluated: number;
  changed: {
    applicationCode: string;
    status: ApplicationStatus;
    before: { eligible: boolean; amountFen: number };
    after: { eligible: boolean; amountFen: number };
  }[];
  deltaFen: number;
  byStatus: Record<string, { evaluated: number; changed: number; deltaFen: number }>;
  retroactive: { raised: number; kept: number; deltaFen: number };
}

describe('what-if of a draft version on real claims', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let programId: string;
  let v1: ProgramDefinition;
  let draft: ProgramDefinition;
  const claims: { id: string; code: string; place: ClaimPlace }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    const program = await createTestProgram(t, CODE, 100_000_000);
    programId = program.programId;
    v1 = program.definition;
    draft = {
      ...v1,
      amount: { type: 'percent', of: { var: 'item.priceFen' }, basisPoints: 2000, capFen: 50_000 },
      clauses: v1.clauses.map((clause) =>
        clause.id === 'price-limit'
          ? { ...clause, test: { '<=': [{ var: 'item.priceFen' }, 400_000] } }
          : clause,
      ),
    } as ProgramDefinition;
    await addDraft(t, programId, 2, draft, '章商务〔2026〕测1号');
    const staff = {
      finance: await staffId(t, DEMO_USERS.finance),
      finance2: await staffId(t, DEMO_USERS.finance2),
    };
    for (const [i, { place, priceFen }] of PRICES.entries()) {
      const resident = await createResident(t, 13_500 + i);
      const claim = await submitProgramClaim(t, resident, CODE, 13_500 + i, priceFen);
      await moveTo(t, claim.id, place, staff);
      claims.push({ ...claim, place });
    }
    // A draft claim is not evaluated.
    await request(t.server)
      .post('/api/applications')
      .set('Cookie', (await createResident(t, 13_590)).cookie)
      .send({ programCode: CODE, facts: {} })
      .expect(201);
  });
  afterAll(async () => {
    await hideProgram(t, programId);
    await t.close();
  });

  /** The expected report: every claim evaluated one by one with the single-claim evaluator. */
  async function expected(definition: ProgramDefinition): Promise<WhatIfBody> {
    const evaluator = t.app.get(ServerEvaluator);
    const rows = (await db.query(
      `SELECT a.id, a.code, a.status, a.applicant_id, a.facts, a.reserved_fen, a.submitted_at, v.definition,
              EXISTS (SELECT 1 FROM payment_line l JOIN payment_batch b ON b.id = l.batch_id
                       WHERE l.application_id = a.id AND b.status = 'released') AS frozen
         FROM application a JOIN program_version v ON v.id = a.program_version_id
        WHERE a.program_id = $1 AND a.status <> 'draft' ORDER BY a.id`,
      [programId],
    )) as {
      id: string;
      code: string;
      status: ApplicationStatus;
      applicant_id: string;
      facts: Record<string, unknown>;
      reserved_fen: string;
      submitted_at: Date;
      definition: ProgramDefinition;
      frozen: boolean;
    }[];
    const body: WhatIfBody = {
      evaluated: 0,
      changed: [],
      deltaFen: 0,
      byStatus: {},
      retroactive: { raised: 0, kept: 0, deltaFen: 0 },
    };
    for (const row of rows) {
      const options = {
        applicantId: row.applicant_id,
        excludeId: row.id,
        asOf: shanghaiDate(row.submitted_at),
      };
      const b = await evaluator.evaluate(row.definition, row.facts, options);
      const a = await evaluator.evaluate(definition, row.facts, options);
      const before = { eligible: b.eligible, amountFen: b.amountFen };
      const after = { eligible: a.eligible, amountFen: a.amountFen };
      const status = (body.byStatus[row.status] ??= { evaluated: 0, changed: 0, deltaFen: 0 });
      body.evaluated += 1;
      status.evaluated += 1;
      const movable = MOVABLE_STATUSES.includes(row.status) && !row.frozen;
      const held = Number(row.reserved_fen);
      if (movable && after.eligible && after.amountFen > held) {
        body.retroactive.raised += 1;
        body.retroactive.deltaFen += after.amountFen - held;
      } else if (movable && (!after.eligible || after.amountFen < held)) body.retroactive.kept += 1;
      if (before.eligible === after.eligible && before.amountFen === after.amountFen) continue;
      status.changed += 1;
      body.changed.push({ applicationCode: row.code, status: row.status, before, after });
      if (movable) {
        const delta = (after.eligible ? after.amountFen : 0) - (before.eligible ? before.amountFen : 0);
        status.deltaFen += delta;
        body.deltaFen += delta;
      }
    }
    return body;
  }

  it('answers at once with exactly what the per-claim evaluation gives, by status, drafts left out', async () => {
    const res = await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/2/what-if`)
      .set('Cookie', admin)
      .expect(200);
    const want = await expected(draft);
    expect(res.body).toEqual(want);
    // The hand-checked figures (the comments of PRICES), so the comparison above cannot pass vacuously.
    expect(res.body.evaluated).toBe(PRICES.length);
    const byCode = new Map((res.body as WhatIfBody).changed.map((c) => [c.applicationCode, c]));
    const of = (i: number) => byCode.get(claims[i]!.code);
    expect(of(0)).toEqual({
      applicationCode: claims[0]!.code,
      status: 'submitted',
      before: { eligible: true, amountFen: 15_000 },
      after: { eligible: true, amountFen: 20_000 },
    });
    expect(of(1)?.status).toBe('checking');
    expect(of(2)?.after).toEqual({ eligible: true, amountFen: 50_000 });
    expect(of(3)?.after).toEqual({ eligible: false, amountFen: 0 });
    expect(of(4)).toBeUndefined(); // 50,000 either way
    expect(res.body.changed).toHaveLength(PRICES.length - 1);
    // Movable: +5,000 +10,000 +5,000 −50,000 +7,500 (the released batch, paid and closed claims add nothing).
    expect(res.body.deltaFen).toBe(5_000 + 10_000 + 5_000 - 50_000 + 7_500);
    expect(res.body.byStatus.in_review).toEqual({ evaluated: 2, changed: 2, deltaFen: 5_000 - 50_000 });
    expect(res.body.byStatus.approved).toEqual({ evaluated: 2, changed: 2, deltaFen: 7_500 });
    expect(res.body.byStatus.paid).toEqual({ evaluated: 1, changed: 1, deltaFen: 0 });
    expect(res.body.byStatus.draft).toBeUndefined();
    // A retroactive publish would raise four (never lower one) and keep the one priced out.
    expect(res.body.retroactive).toEqual({ raised: 4, kept: 1, deltaFen: 5_000 + 10_000 + 5_000 + 7_500 });
  });

  it('the report carries codes and amounts only: no personal data', async () => {
    const res = await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/2/what-if`)
      .set('Cookie', admin)
      .expect(200);
    const text = JSON.stringify(res.body);
    for (const i of PRICES.keys()) {
      const identity = residentIdentity(13_500 + i);
      expect(text).not.toContain(identity.idNumber);
      expect(text).not.toContain(identity.phone);
      expect(text).not.toContain(`IMEI-WI-${13_500 + i}`);
    }
    expect(text).not.toMatch(/applicant|facts|居民/);
    expect(Object.keys(res.body.changed[0]).sort()).toEqual(['after', 'applicationCode', 'before', 'status']);
  });

  it('a published version is refused (409 VERSION_PUBLISHED); an unknown one is 404; bad input 422', async () => {
    const published = await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/1/what-if`)
      .set('Cookie', admin)
      .expect(409);
    expect(published.body.error.code).toBe('VERSION_PUBLISHED');
    const unknown = await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/9/what-if`)
      .set('Cookie', admin)
      .expect(404);
    expect(unknown.body.error.code).toBe('VERSION_NOT_FOUND');
    await request(t.server)
      .post(`/api/admin/programs/no-such-program/versions/1/what-if`)
      .set('Cookie', admin)
      .expect(404);
    const bad = await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/0/what-if`)
      .set('Cookie', admin)
      .expect(422);
    expect(bad.body.error.fields).toEqual({ version: 'INVALID_FORMAT' });
    await request(t.server)
      .get(`/api/admin/programs/${CODE}/versions/2/what-if/not-a-job`)
      .set('Cookie', admin)
      .expect(422);
  });

  it('only an administrator may run it (403 for a reviewer, 401 signed out)', async () => {
    const reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
    await request(t.server)
      .post(`/api/admin/programs/${CODE}/versions/2/what-if`)
      .set('Cookie', reviewer)
      .expect(403);
    await request(t.server).post(`/api/admin/programs/${CODE}/versions/2/what-if`).expect(401);
  });

  describe('over WHAT_IF_SYNC_MAX_CLAIMS: a job with progress', () => {
    let small: TestApp;
    let worker: Worker;
    const progress: unknown[] = [];

    beforeAll(async () => {
      small = await createTestApp({ WHAT_IF_SYNC_MAX_CLAIMS: '3' });
      const processor = small.app.get(WhatIfProcessor);
      worker = new Worker(
        'programs',
        async (job) => {
          const answer = await processor.jobs.handle(job);
          return answer;
        },
        { connection: bullConnection(small.config, true), prefix: bullPrefix(small.config), autorun: false },
      );
      worker.on('progress', (_job, value) => progress.push(value));
    });
    afterAll(async () => {
      await worker.close();
      await small.close();
    });

    it('202 { jobId }; the job reports { done, total } and its result is the synchronous answer', async () => {
      const smallAdmin = (await signInStaff(small, DEMO_USERS.admin)).cookie;
      const started = await request(small.server)
        .post(`/api/admin/programs/${CODE}/versions/2/what-if`)
        .set('Cookie', smallAdmin)
        .expect(202);
      expect(Object.keys(started.body)).toEqual(['jobId']);
      const jobId = started.body.jobId as string;
      const url = `/api/admin/programs/${CODE}/versions/2/what-if/${jobId}`;
      // Before a worker takes it: waiting, nothing done.
      const waiting = await request(small.server).get(url).set('Cookie', smallAdmin).expect(200);
      expect(waiting.body).toEqual({ jobId, state: 'waiting', progress: { done: 0, total: PRICES.length } });
      void worker.run();
      let view = waiting.body as {
        state: string;
        progress: { done: number; total: number };
        result?: WhatIfBody;
      };
      for (let i = 0; i < 100 && view.state !== 'completed' && view.state !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        view = (await request(small.server).get(url).set('Cookie', smallAdmin).expect(200)).body;
      }
      expect(view.state).toBe('completed');
      expect(view.progress).toEqual({ done: PRICES.length, total: PRICES.length });
      expect(view.result).toEqual(await expected(draft));
      // Progress after the count and after each page (one page here).
      expect(progress).toEqual([
        { done: 0, total: PRICES.length },
        { done: PRICES.length, total: PRICES.length },
      ]);
      // Another version's path, or a made-up id, does not find the job.
      await request(small.server)
        .get(`/api/admin/programs/${CODE}/versions/3/what-if/${jobId}`)
        .set('Cookie', smallAdmin)
        .expect(404);
      await request(small.server)
        .get(`/api/admin/programs/${CODE}/versions/2/what-if/what-if-00000000-0000-4000-8000-000000000000`)
        .set('Cookie', smallAdmin)
        .expect(404);
    });
  });
});
