import { performance } from 'node:perf_hooks';
import { programCatalogue } from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Clock } from '../src/common/clock';
import { PROGRAMS_REFRESH_MS, ProgramsCache } from '../src/programs/programs.cache';
import { useFakeClock } from './utils/fake-clock';
import { signInStaff } from './utils/identity';
import { sleep } from './utils/raw-http';
import { createTestApp, type TestApp } from './utils/test-app';

/** Polls `read` until `done` holds; returns the milliseconds it took (fails after `limitMs`). */
async function within(limitMs: number, read: () => Promise<unknown>, done: (value: unknown) => boolean) {
  const started = performance.now();
  for (;;) {
    const value = await read();
    const elapsed = performance.now() - started;
    if (done(value)) return elapsed;
    if (elapsed > limitMs) throw new Error(`not seen within ${limitMs} ms: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/** A complete, eligible car-scrap-2026 claim: a 2012 gasoline car scrapped, a 2026 NEV bought. */
const eligibleCarScrap = eligibleClaim('carScrap').facts;

describe('programs (public routes, real database)', () => {
  let t: TestApp;
  const day = (iso: string) => new Date(`${iso}T04:00:00Z`);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(day('2026-05-01'));
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists every catalogue program with status, window and live budget figures', async () => {
    const res = await request(t.server).get('/api/programs').expect(200);
    // Every catalogue program, plus any program an administrator created and published in this
    // run (the versions suites publish copies under new codes; the list shows them like any other).
    const listed = (res.body as { code: string }[]).map((p) => p.code);
    const catalogue = new Set(programCatalogue.map((p) => p.code));
    expect(listed.filter((code) => catalogue.has(code))).toHaveLength(programCatalogue.length);
    const added = listed.filter((code) => !catalogue.has(code));
    const adminMade = (await t.app.get<DataSource>(getDataSourceToken()).query(
      `SELECT p.code FROM program p WHERE p.code = ANY($1)
          AND EXISTS (SELECT 1 FROM program_version v WHERE v.program_id = p.id AND v.published_by IS NOT NULL)`,
      [added],
    )) as { code: string }[];
    expect(adminMade.map((row) => row.code).sort()).toEqual([...added].sort());
    const byCode = new Map((res.body as { code: string; status: string }[]).map((p) => [p.code, p]));
    // The live figures are the budget row's (other suites of the run may have moved its money).
    const [row] = (await t.app.get<DataSource>(getDataSourceToken()).query(
      `SELECT b.total_fen::float8 AS "totalFen", b.reserved_fen::float8 AS "reservedFen",
                b.committed_fen::float8 AS "committedFen", b.paid_fen::float8 AS "paidFen",
                b.remaining_fen::float8 AS "remainingFen"
           FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = 'car-scrap-2026'`,
    )) as Record<string, number>[];
    expect(row!.totalFen).toBeGreaterThanOrEqual(5_000_000_000);
    expect(byCode.get('car-scrap-2026')).toEqual({
      code: 'car-scrap-2026',
      title: { zh: expect.any(String), en: expect.any(String) },
      kind: expect.any(String),
      status: 'open',
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      budget: row,
    });
    expect(byCode.get('car-scrap-2025')?.status).toBe('closed');
  });

  it('derives the status from the date: upcoming before the window, closed after it', async () => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(day('2025-12-31'));
    const before = await request(t.server).get('/api/programs').expect(200);
    expect(before.body.find((p: { code: string }) => p.code === 'car-scrap-2026').status).toBe('upcoming');
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(day('2027-01-01'));
    const after = await request(t.server).get('/api/programs').expect(200);
    expect(after.body.find((p: { code: string }) => p.code === 'car-scrap-2026').status).toBe('closed');
  });

  it('shows a program with its clauses (citation, provenance), documents, fact fields and definition', async () => {
    const res = await request(t.server).get('/api/programs/car-scrap-2026').expect(200);
    expect(res.body.version).toBe(1);
    expect(res.body.clauses.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['vehicle-type', 'old-vehicle-age', 'nev-to-fuel', 'once-per-year']),
    );
    for (const clause of res.body.clauses) {
      expect(clause).toEqual({
        id: expect.any(String),
        title: { zh: expect.any(String), en: expect.any(String) },
        citation: expect.any(String),
        provenance: expect.stringMatching(/^(sourced|unverified|sample)$/),
      });
    }
    expect(res.body.documents.length).toBeGreaterThan(0);
    expect(res.body.factFields.map((f: { path: string }) => f.path)).toContain('newVehicle.priceFen');
    expect(res.body.definition.code).toBe('car-scrap-2026');
  });

  it.each(['no-such-program', 'car-scrap-2099'])(
    'unknown program %s → 404 PROGRAM_NOT_FOUND',
    async (code) => {
      const res = await request(t.server).get(`/api/programs/${code}`).expect(404);
      expect(res.body.error.code).toBe('PROGRAM_NOT_FOUND');
      const eligibility = await request(t.server)
        .post(`/api/programs/${code}/eligibility`)
        .send({ facts: {} })
        .expect(404);
      expect(eligibility.body.error.code).toBe('PROGRAM_NOT_FOUND');
    },
  );

  it('a malformed program code → 422 on the code', async () => {
    const res = await request(t.server).get('/api/programs/NOT_A_CODE').expect(422);
    expect(res.body.error.fields).toEqual({ code: 'INVALID_FORMAT' });
  });

  describe('POST /api/programs/:code/eligibility', () => {
    it('an eligible anonymous claim: every clause passes but the history clause, which is unknown; amount 12 % of the price', async () => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send({ facts: eligibleCarScrap })
        .expect(200);
      const results = Object.fromEntries(
        res.body.clauses.map((c: { id: string; result: string }) => [c.id, c.result]),
      );
      expect(results['once-per-year']).toBe('unknown');
      expect(
        Object.entries(results)
          .filter(([id]) => id !== 'once-per-year')
          .every(([, r]) => r === 'pass' || r === 'not_applicable'),
      ).toBe(true);
      expect(res.body.eligible).toBe(false);
      expect(res.body.amountFen).toBe(1_800_000);
      for (const clause of res.body.clauses)
        expect(clause).toMatchObject({
          citation: expect.any(String),
          provenance: expect.any(String),
          reason: expect.any(String),
        });
    });

    it('caps the NEV amount at 2,000,000 fen', async () => {
      const facts = {
        ...eligibleCarScrap,
        newVehicle: { ...eligibleCarScrap.newVehicle, priceFen: 30_000_000 },
      };
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send({ facts })
        .expect(200);
      expect(res.body.amountFen).toBe(2_000_000);
    });

    it.each([
      ['2013-06-30', 'pass'],
      ['2013-07-01', 'fail'],
    ])('gasoline first registered %s → old-vehicle-age %s', async (firstRegisteredOn, expected) => {
      const facts = {
        ...eligibleCarScrap,
        oldVehicle: { ...eligibleCarScrap.oldVehicle, firstRegisteredOn },
      };
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send({ facts })
        .expect(200);
      expect(res.body.clauses.find((c: { id: string }) => c.id === 'old-vehicle-age').result).toBe(expected);
      if (expected === 'fail') expect(res.body.amountFen).toBe(0);
    });

    it('evaluates at asOf: scrapping after the window fails scrapped-in-window', async () => {
      const facts = { ...eligibleCarScrap, scrap: { ...eligibleCarScrap.scrap, scrappedOn: '2027-01-02' } };
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send({ facts, asOf: '2027-01-05' })
        .expect(200);
      expect(res.body.clauses.find((c: { id: string }) => c.id === 'scrapped-in-window').result).toBe('fail');
      expect(res.body.eligible).toBe(false);
    });

    it('missing facts make clauses unknown, never a crash', async () => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send({ facts: {} })
        .expect(200);
      expect(res.body.eligible).toBe(false);
      expect(
        res.body.clauses.every(
          (c: { result: string }) => c.result === 'unknown' || c.result === 'not_applicable',
        ),
      ).toBe(true);
    });

    it.each([
      [{ newVehicle: { priceFen: 'lots' } }, 'facts.newVehicle.priceFen'],
      [{ newVehicle: { priceFen: 12.5 } }, 'facts.newVehicle.priceFen'],
      [{ oldVehicle: { firstRegisteredOn: '2013-13-01' } }, 'facts.oldVehicle.firstRegisteredOn'],
      [{ oldVehicle: { fuelType: 'steam' } }, 'facts.oldVehicle.fuelType'],
      [{ oldVehicle: { colour: 'red' } }, 'facts.oldVehicle.colour'],
      [{ newVehicle: { vin: '1M8GDM9A1KP042788' } }, 'facts.newVehicle.vin'],
    ])('facts of the wrong type %p → 422 with fields[%s]', async (facts, field) => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send({ facts })
        .expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.fields)).toContain(field);
    });

    it.each([
      [{ facts: 'x' }, 'facts'],
      [{}, 'facts'],
      [{ facts: {}, asOf: '2026-02-30' }, 'asOf'],
      [{ facts: {}, asOf: 'tomorrow' }, 'asOf'],
    ])('a bad body %p → 422 on %s', async (body, field) => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send(body)
        .expect(422);
      expect(Object.keys(res.body.error.fields)).toContain(field);
    });

    it('the 6,000-yuan digital price limit: 600,000 fen passes, 600,001 fails', async () => {
      const item = (priceFen: number) => ({ item: { category: 'phone', priceFen } });
      const ok = await request(t.server)
        .post('/api/programs/digital-2026/eligibility')
        .send({ facts: item(600_000) })
        .expect(200);
      const over = await request(t.server)
        .post('/api/programs/digital-2026/eligibility')
        .send({ facts: item(600_001) })
        .expect(200);
      expect(ok.body.clauses.find((c: { id: string }) => c.id === 'price-limit').result).toBe('pass');
      expect(over.body.clauses.find((c: { id: string }) => c.id === 'price-limit').result).toBe('fail');
      expect(over.body.amountFen).toBe(0);
    });
  });

  it('evaluates history clauses for a signed-in resident (anonymous: unknown)', async () => {
    const phone = '13912345670';
    const sent = await request(t.server).post('/api/auth/otp').send({ phone }).expect(202);
    const outbox = await request(t.server).get('/api/dev/sms-outbox').query({ phone }).expect(200);
    const verified = await request(t.server)
      .post('/api/auth/otp/verify')
      .send({ challengeId: sent.body.challengeId, code: outbox.body[0].code })
      .expect(200);
    const cookie = verified.headers['set-cookie'] as unknown as string[];
    const res = await request(t.server)
      .post('/api/programs/car-scrap-2026/eligibility')
      .set('Cookie', cookie)
      .send({ facts: eligibleCarScrap })
      .expect(200);
    expect(res.body.clauses.find((c: { id: string }) => c.id === 'once-per-year').result).toBe('pass');
    expect(res.body.eligible).toBe(true);
    expect(res.body.amountFen).toBe(1_800_000);
  });

  describe('served from memory', () => {
    const budgetOf = async (app: TestApp, code: string) =>
      (await request(app.server).get('/api/programs').expect(200)).body.find(
        (p: { code: string }) => p.code === code,
      ).budget.totalFen as number;

    it('answers the list and a program without a database query while the figures are fresh; one refresh (two small queries) serves a burst', async () => {
      // A snapshot read just now (not one nearly a second old from an earlier test).
      t.app.get(ProgramsCache).invalidate();
      await request(t.server).get('/api/programs').expect(200);
      const queries = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          request(t.server).get(i % 2 ? '/api/programs' : '/api/programs/car-scrap-2026'),
        ),
      );
      expect(burst.map((res) => res.status)).toEqual(Array(40).fill(200));
      // Unknown codes are answered from memory too: a flood of made-up codes never reaches the database.
      await request(t.server).get('/api/programs/made-up-2026').expect(404);
      const fresh = queries.mock.calls.length;
      await sleep(PROGRAMS_REFRESH_MS + 100);
      const later = await Promise.all(
        Array.from({ length: 30 }, () => request(t.server).get('/api/programs')),
      );
      expect(later.map((res) => res.status)).toEqual(Array(30).fill(200));
      const sql = queries.mock.calls.map(([text]) => text);
      expect(fresh).toBe(0);
      // Single flight: the version stamp and the budget rows, once for all 30; no definition read.
      expect(sql).toHaveLength(2);
      expect(sql.some((text) => text.includes('definition'))).toBe(false);
    });

    it('the shapes are unchanged: a detail carries the summary, version, clauses, documents, fields and definition', async () => {
      const list = (await request(t.server).get('/api/programs').expect(200)).body as Record<
        string,
        unknown
      >[];
      const detail = (await request(t.server).get('/api/programs/digital-2026').expect(200)).body;
      expect(Object.keys(list[0]!).sort()).toEqual(
        ['budget', 'closesOn', 'code', 'kind', 'opensOn', 'status', 'title'].sort(),
      );
      expect(Object.keys(detail).sort()).toEqual(
        [
          'budget',
          'closesOn',
          'code',
          'kind',
          'opensOn',
          'status',
          'title',
          'version',
          'clauses',
          'documents',
          'factFields',
          'definition',
        ].sort(),
      );
      expect(detail).toMatchObject(list.find((p) => p.code === 'digital-2026')!);
    });

    it('the list carries a strong ETag and Cache-Control: no-cache; If-None-Match with it → 304 without a body, another tag → 200', async () => {
      const first = await request(t.server).get('/api/programs').expect(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
      for (const sent of [etag, `W/${etag}`, `"stale", ${etag}`, '*']) {
        const res = await request(t.server).get('/api/programs').set('If-None-Match', sent).expect(304);
        expect(res.text).toBe('');
        expect(res.headers.etag).toBe(etag);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
      const other = await request(t.server).get('/api/programs').set('If-None-Match', '"stale"').expect(200);
      expect(other.body).toEqual(first.body);
      expect(other.headers.etag).toBe(etag);
    });

    it('the tag follows the bytes: a new day (statuses change) is a new tag, and the same day again the old one', async () => {
      const tagOn = async (iso: string) => {
        jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(day(iso));
        const res = await request(t.server).get('/api/programs').expect(200);
        return { etag: res.headers.etag as string, body: res.body as { code: string; status: string }[] };
      };
      const may = await tagOn('2026-05-01');
      const newYear = await tagOn('2027-01-01');
      expect(newYear.etag).not.toBe(may.etag);
      expect(newYear.body.find((p) => p.code === 'car-scrap-2026')?.status).toBe('closed');
      await request(t.server).get('/api/programs').set('If-None-Match', may.etag).expect(200);
      expect((await tagOn('2026-05-01')).etag).toBe(may.etag);
    });

    describe('with a second API instance on the same database and Redis', () => {
      let other: TestApp;
      let db: DataSource;
      beforeAll(async () => {
        other = await createTestApp();
        db = t.app.get<DataSource>(getDataSourceToken());
      });
      afterAll(async () => {
        await other.close();
      });

      it('a budget PATCH is seen at once by the instance that made it and within ~1 s by the other', async () => {
        const before = await budgetOf(other, 'digital-2026');
        const admin = await signInStaff(t, 'admin1');
        const raised = await request(t.server)
          .patch('/api/admin/programs/digital-2026')
          .set('Cookie', admin.cookie)
          .send({ budgetTotalFen: before + 123_400 })
          .expect(200);
        expect(raised.body.budget.totalFen).toBe(before + 123_400);
        expect(await budgetOf(t, 'digital-2026')).toBe(before + 123_400);
        const seen = await within(
          PROGRAMS_REFRESH_MS + 500,
          () => budgetOf(other, 'digital-2026'),
          (total) => total === before + 123_400,
        );
        expect(seen).toBeLessThan(PROGRAMS_REFRESH_MS + 500);
        await request(t.server)
          .patch('/api/admin/programs/digital-2026')
          .set('Cookie', admin.cookie)
          .send({ budgetTotalFen: before })
          .expect(200);
      });

      it('both instances give the same figures the same ETag; a budget PATCH on one is a new tag on both, and the old tag then gets 200 with the new figures', async () => {
        const tagOf = async (app: TestApp) =>
          (await request(app.server).get('/api/programs').expect(200)).headers.etag as string;
        // The same day on both (statuses follow it), both snapshots fresh: the same bytes.
        jest.spyOn(other.app.get(Clock), 'now').mockReturnValue(day('2026-05-01'));
        t.app.get(ProgramsCache).invalidate();
        other.app.get(ProgramsCache).invalidate();
        const old = await tagOf(t);
        expect(await tagOf(other)).toBe(old);
        const before = await budgetOf(t, 'digital-2026');
        const admin = await signInStaff(t, 'admin1');
        await request(t.server)
          .patch('/api/admin/programs/digital-2026')
          .set('Cookie', admin.cookie)
          .send({ budgetTotalFen: before + 7_700 })
          .expect(200);
        try {
          const changed = await request(t.server).get('/api/programs').set('If-None-Match', old).expect(200);
          expect(changed.headers.etag).not.toBe(old);
          await within(
            PROGRAMS_REFRESH_MS + 500,
            () => tagOf(other),
            (tag) => tag === changed.headers.etag,
          );
          const fromOther = await request(other.server)
            .get('/api/programs')
            .set('If-None-Match', old)
            .expect(200);
          expect(
            fromOther.body.find((p: { code: string }) => p.code === 'digital-2026').budget.totalFen,
          ).toBe(before + 7_700);
        } finally {
          await request(t.server)
            .patch('/api/admin/programs/digital-2026')
            .set('Cookie', admin.cookie)
            .send({ budgetTotalFen: before })
            .expect(200);
        }
      });

      it('a reservation written by anyone (here straight to the budget row) is in the figures within ~1 s', async () => {
        const figures = async (app: TestApp) =>
          (await request(app.server).get('/api/programs/digital-2026').expect(200)).body.budget;
        const before = await figures(other);
        await db.transaction(async (manager) => {
          await manager.query(
            `UPDATE budget SET remaining_fen = remaining_fen - 500, reserved_fen = reserved_fen + 500
              WHERE program_id = (SELECT id FROM program WHERE code = 'digital-2026')`,
          );
        });
        try {
          for (const app of [t, other]) {
            await within(
              PROGRAMS_REFRESH_MS + 500,
              () => figures(app),
              (b) => (b as { reservedFen: number }).reservedFen === before.reservedFen + 500,
            );
          }
        } finally {
          await db.query(
            `UPDATE budget SET remaining_fen = remaining_fen + 500, reserved_fen = reserved_fen - 500
              WHERE program_id = (SELECT id FROM program WHERE code = 'digital-2026')`,
          );
        }
      });

      it('a newly published version replaces the cached definition in every instance within ~1 s', async () => {
        const [current] = (await db.query(
          `SELECT p.id, p.current_version_id, v.definition FROM program p JOIN program_version v ON v.id = p.current_version_id WHERE p.code = 'digital-2026'`,
        )) as { id: string; current_version_id: string; definition: { title: { zh: string; en: string } } }[];
        const next = {
          ...current!.definition,
          version: 2,
          title: { zh: '数码产品补贴（第二版）', en: 'Digital products subsidy (v2)' },
        };
        const [published] = (await db.query(
          // Current through the pointer only (effective 9999-12-31): once the pointer goes back,
          // it never becomes current by its date (ProgramsRepository).
          `INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on, published_at)
           SELECT program_id, 2, $2::jsonb, opens_on, closes_on, 'published', '9999-12-31', now() FROM program_version WHERE id = $1 RETURNING id`,
          [current!.current_version_id, JSON.stringify(next)],
        )) as { id: string }[];
        await db.query(`UPDATE program SET current_version_id = $2 WHERE id = $1`, [
          current!.id,
          published!.id,
        ]);
        try {
          for (const app of [t, other]) {
            await within(
              PROGRAMS_REFRESH_MS + 500,
              async () => (await request(app.server).get('/api/programs/digital-2026').expect(200)).body,
              (body) => {
                const detail = body as {
                  version: number;
                  title: { en: string };
                  definition: { version: number };
                };
                return (
                  detail.version === 2 && detail.definition.version === 2 && detail.title.en.endsWith('(v2)')
                );
              },
            );
            const list = (await request(app.server).get('/api/programs').expect(200)).body;
            expect(list.find((p: { code: string }) => p.code === 'digital-2026').title.en).toMatch(/\(v2\)$/);
          }
        } finally {
          await db.query(`UPDATE program SET current_version_id = $2 WHERE id = $1`, [
            current!.id,
            current!.current_version_id,
          ]);
        }
      });
    });
  });

  it('the cached reads have a per-address limit sized for carrier NAT: 300 list reads from one address all pass', async () => {
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(
        ...(await Promise.all(Array.from({ length: 50 }, () => request(t.server).get('/api/programs')))),
      );
    expect(results.filter((res) => res.status !== 200)).toEqual([]);
  });

  it('limits the cached reads per client address in memory (PUBLIC_READ_IP_LIMIT_PER_MINUTE): 429 with Retry-After, other addresses unaffected, a new minute starts afresh', async () => {
    const limited = await createTestApp({ PUBLIC_READ_IP_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1' });
    const clock = useFakeClock(limited.app, new Date('2026-05-01T04:00:10Z'));
    try {
      const from = (address: string, path = '/api/programs') =>
        request(limited.server).get(path).set('X-Forwarded-For', address);
      for (let i = 0; i < 3; i++) await from('10.1.1.1').expect(200);
      for (let i = 0; i < 2; i++) await from('10.1.1.1', '/api/programs/digital-2026').expect(200);
      const refused = await from('10.1.1.1').expect(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(refused.headers['retry-after']).toBe('50');
      await from('10.1.1.1', '/api/programs/digital-2026').expect(429);
      await from('10.2.2.2').expect(200);
      clock.advance(50_000);
      await from('10.1.1.1').expect(200);
    } finally {
      clock.restore();
      await limited.close();
    }
  });

  it('limits the anonymous eligibility route per client address (429 with Retry-After)', async () => {
    const limited = await createTestApp({
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-limit`,
      ELIGIBILITY_IP_LIMIT_PER_MINUTE: '60',
    });
    try {
      let last: request.Response | undefined;
      for (let i = 0; i < 61; i++) {
        last = await request(limited.server)
          .post('/api/programs/digital-2026/eligibility')
          .send({ facts: {} });
        if (last.status === 429) break;
      }
      expect(last?.status).toBe(429);
      expect(last?.body.error.code).toBe('RATE_LIMITED');
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
