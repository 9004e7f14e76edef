import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import { useFakeClock, MINUTE, type FakeClock } from './utils/fake-clock';
import { DEMO_USERS, signInStaff } from './utils/identity';
import { createResident, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

let invoiceCounter = 0;
/** An eligible appliance-2026 purchase with invoice and serial numbers of its own. */
function fridge() {
  invoiceCounter += 1;
  return eligibleClaim('appliance', {
    'item.invoiceNo': `2638${String(invoiceCounter).padStart(16, '0')}`,
    'item.serialNo': `SN-LIST-${invoiceCounter}`,
    'oldItem.handedIn': true,
  }).facts;
}

/**
 * `GET /api/applications` (issue 10: the resident's list on the read path). It is one raw query,
 * and the lists of residents asking at the same moment are read by one statement: each resident
 * still gets exactly their own claims, newest first, in the shape of the detail, and nothing is
 * cached (a new draft is in the very next list).
 */
describe("a resident's list", () => {
  let t: TestApp;
  let clock: FakeClock;
  let residents: Resident[];
  const drafts = [0, 1, 2, 3, 1];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
    residents = [];
    for (let i = 0; i < drafts.length; i++) {
      const resident = await createResident(t, 9401 + i);
      residents.push(resident);
      for (let d = 0; d < drafts[i]!; d++) {
        clock.advance(MINUTE); // distinct created_at, so "newest first" is one order
        await list(resident, 'post').send({ programCode: 'appliance-2026', facts: fridge() }).expect(201);
      }
    }
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  function list(resident: Resident, method: 'get' | 'post' = 'get') {
    return request(t.server)[method]('/api/applications').set('Cookie', resident.cookie);
  }

  it('each resident gets their own claims, newest first, each as the detail shows it (without the timeline and correction)', async () => {
    for (const [i, resident] of residents.entries()) {
      const res = await list(resident).expect(200);
      expect(res.body).toHaveLength(drafts[i]!);
      const created = (res.body as { createdAt: string }[]).map((c) => c.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      for (const claim of res.body as { id: string }[]) {
        const detail = await request(t.server)
          .get(`/api/applications/${claim.id}`)
          .set('Cookie', resident.cookie)
          .expect(200);
        // The detail adds the timeline, for a returned claim the reviewer's correction, once in
        // a payment batch its payment, and while approved its pay clock.
        const { timeline, correction, payment, payClock, ...view } = detail.body as {
          timeline: unknown;
          correction: unknown;
          payment: unknown;
          payClock: unknown;
        };
        expect(timeline).toBeDefined();
        expect(correction).toBeNull();
        expect(payment).toBeNull();
        expect(payClock).toBeNull();
        expect(claim).toEqual(view);
      }
    }
  });

  it('asked all at once (one batched statement), every resident gets exactly the list they get alone', async () => {
    const alone = new Map<string, unknown>();
    for (const resident of residents) alone.set(resident.id, (await list(resident).expect(200)).body);
    const together = await Promise.all(
      Array.from({ length: 40 }, (_, i) => residents[i % residents.length]!).map(async (resident) => ({
        resident,
        res: await list(resident),
      })),
    );
    for (const { resident, res } of together) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(alone.get(resident.id));
    }
  });

  it('a claim with every field set, odd text in its facts and timestamps to the microsecond is listed exactly as its detail shows it', async () => {
    // The list writes the fields PostgreSQL turned into JSON text; the detail goes through the
    // entity and JSON.stringify. A submitted claim (money reserved, submittedAt set) whose facts
    // hold quotes, backslashes, control characters, U+2028, non-BMP characters and HTML.
    const resident = await createResident(t, 6400);
    const created = await list(resident, 'post')
      .send({ programCode: 'appliance-2026', facts: fridge() })
      .expect(201);
    const odd = 'a "quoted" \\ back\\slash\ttab\nnewline \u2028 </script> 换新 😀 \u0001';
    const db = t.app.get<DataSource>(getDataSourceToken());
    await db.query(
      `UPDATE application
          SET status = 'submitted', reserved_fen = 123456,
              facts = jsonb_set(facts, '{item,brand}', to_jsonb($2::text)),
              submitted_at = '2026-05-01 02:03:04.123999+00', created_at = '2026-04-30 23:59:59.999999+00',
              updated_at = '2026-05-01 02:03:04.000001+00'
        WHERE id = $1`,
      [created.body.id, odd],
    );
    try {
      const res = await list(resident).expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const detail = await request(t.server)
        .get(`/api/applications/${created.body.id}`)
        .set('Cookie', resident.cookie)
        .expect(200);
      const { timeline, correction, payment, payClock, ...view } = detail.body as {
        timeline: unknown;
        correction: unknown;
        payment: unknown;
        payClock: unknown;
      };
      expect(timeline).toBeDefined();
      expect(correction).toBeNull();
      expect(payment).toBeNull();
      expect(payClock).toBeNull();
      expect(res.body).toEqual([view]);
      expect(res.body[0]).toMatchObject({
        status: 'submitted',
        reservedFen: 123456,
        submittedAt: '2026-05-01T02:03:04.123Z',
        createdAt: '2026-04-30T23:59:59.999Z',
        updatedAt: '2026-05-01T02:03:04.000Z',
        facts: { item: { brand: odd } },
      });
      expect(res.body[0].evaluation).toEqual(created.body.evaluation);
      // The same members in the same order as every other answer of a claim.
      expect(Object.keys(res.body[0])).toEqual(Object.keys(view));
    } finally {
      // Back to a draft holding nothing: the forged reservation above has no ledger row, and the
      // suites after this one check that every live claim holds what the ledger moved for it.
      await db.query(
        `UPDATE application SET status = 'draft', reserved_fen = 0, submitted_at = NULL WHERE id = $1`,
        [created.body.id],
      );
    }
  });

  it('nothing is cached: a new draft is in the next list, and is first', async () => {
    const resident = residents[4]!;
    const before = (await list(resident).expect(200)).body as unknown[];
    clock.advance(MINUTE);
    const created = await list(resident, 'post')
      .send({ programCode: 'appliance-2026', facts: fridge() })
      .expect(201);
    const after = (await list(resident).expect(200)).body as { id: string }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]!.id).toBe(created.body.id);
  });

  // Served by Fastify directly (src/common/http/lean-route.ts), not through Nest's router: what the
  // router, the guard and the exception filter gave every route must hold here too.
  describe('as a lean route, it answers as every route does', () => {
    it('echoes the request id and sends the security headers, no-store and JSON', async () => {
      const res = await list(residents[1]!).set('x-request-id', 'list-lean-route-1').expect(200);
      expect(res.headers).toMatchObject({
        'x-request-id': 'list-lean-route-1',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
      });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('no session, or one that ended → 401 UNAUTHENTICATED in the error body', async () => {
      for (const cookie of [undefined, 'hx_sid=' + 'A'.repeat(43)]) {
        const call = request(t.server).get('/api/applications');
        const res = await (cookie ? call.set('Cookie', cookie) : call).expect(401);
        expect(res.body).toEqual({ error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('staff → 403 FORBIDDEN, audited as access.denied with the caller, the route and the request id', async () => {
      const reviewer = await signInStaff(t, DEMO_USERS.reviewer);
      const res = await request(t.server)
        .get('/api/applications')
        .set('Cookie', reviewer.cookie)
        .set('x-request-id', 'list-lean-denied-1')
        .expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      const rows = (await t.app
        .get<DataSource>(getDataSourceToken())
        .query(
          `SELECT actor_id, actor_role, result, detail FROM audit_log WHERE action = 'access.denied' AND request_id = $1`,
          ['list-lean-denied-1'],
        )) as unknown[];
      expect(rows).toEqual([
        {
          actor_id: reviewer.user.id,
          actor_role: 'reviewer',
          result: 'denied',
          detail: { permission: 'applications.own', method: 'GET', route: '/api/applications' },
        },
      ]);
    });
  });
});
