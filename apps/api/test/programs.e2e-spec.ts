import { programCatalogue } from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { createTestApp, type TestApp } from './utils/test-app';

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
    expect(res.body).toHaveLength(programCatalogue.length);
    const byCode = new Map((res.body as { code: string; status: string }[]).map((p) => [p.code, p]));
    expect(byCode.get('car-scrap-2026')).toEqual({
      code: 'car-scrap-2026',
      title: { zh: expect.any(String), en: expect.any(String) },
      kind: expect.any(String),
      status: 'open',
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      budget: {
        totalFen: 5_000_000_000,
        reservedFen: 0,
        committedFen: 0,
        paidFen: 0,
        remainingFen: 5_000_000_000,
      },
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

  it('limits the public eligibility route per client address (429 with Retry-After)', async () => {
    const limited = await createTestApp({ REDIS_PREFIX: `${process.env.REDIS_PREFIX}-limit` });
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
