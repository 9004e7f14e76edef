import { randomBytes } from 'node:crypto';
import { ErrorCode, type ProgramDefinition } from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ProgramVersionsService } from '../src/admin/versions/program-versions.service';
import type { RetroactiveRepricer } from '../src/admin/versions/repricing/retroactive-repricer';
import { DomainError } from '../src/common/errors/domain-error';
import { seedPrograms } from '../src/database/seeds/programs.seed';
import { PROGRAMS_REFRESH_MS } from '../src/programs/programs.cache';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident } from './utils/residents';
import { sleep } from './utils/raw-http';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(120_000);

/** 2026-05-01 10:00 in Shanghai: inside every 2026 window. */
const START = new Date('2026-05-01T02:00:00Z');
const TODAY = '2026-05-01';
/** The demo program the copies are made from (digital-2026: 15 % of the price, at most 500 yuan). */
const SOURCE = 'digital-2026';

type Json = Record<string, unknown>;

/** Polls `read` until `done` holds (fails after `limitMs`). */
async function within<T>(limitMs: number, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() - started > limitMs)
      throw new Error(`not seen within ${limitMs} ms: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/**
 * Program versions through HTTP against the real database (operations.md §10): drafts validated
 * with the path of the bad node and nothing stored, publish by a second administrator only, once,
 * never from a stale base (also when two publish at once), a later effective date keeps the old
 * version current until that date (fake clock), the public list and cache follow, the table's
 * trigger keeps published versions immutable, and re-applying the catalogue touches nothing.
 * Every program it publishes is its own copy of digital-2026 under a fresh code, so no demo
 * program's current version changes under other suites. Residents 13000–13499 (two drafts only:
 * no money moves).
 */
describe('program versions', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let admin1: string;
  let admin2: string;
  let source: ProgramDefinition;
  const suffix = randomBytes(3).toString('hex');
  let copies = 0;
  /** The app's own repricer (none until the integrator wires one): the retroactive tests swap it. */
  let wiredRepricer: RetroactiveRepricer | undefined;

  const signIn = async () => {
    admin1 = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    admin2 = (await signInStaff(t, 'admin2')).cookie;
  };
  const api = (cookie: string) => ({
    get: (path: string) => request(t.server).get(path).set('cookie', cookie),
    post: (path: string, body: object) => request(t.server).post(path).set('cookie', cookie).send(body),
  });
  /** A copy of digital-2026 under a new code, as `POST /api/admin/programs` takes it. */
  const copyOf = (changes: Partial<ProgramDefinition> = {}): ProgramDefinition => ({
    ...structuredClone(source),
    code: `versions-${suffix}-${++copies}`,
    title: { zh: `版本测试项目 ${copies}`, en: `Versions test program ${copies}` },
    ...changes,
  });
  /** A new program (admin1's draft v1) published by admin2; returns its code. */
  const publishedCopy = async (): Promise<string> => {
    const definition = copyOf();
    await api(admin1)
      .post('/api/admin/programs', { definition, documentNo: `测试〔2026〕${copies}号` })
      .expect(201);
    await api(admin2)
      .post(`/api/admin/programs/${definition.code}/versions/1/publish`, { retroactive: false })
      .expect(200);
    return definition.code;
  };
  const draft = (cookie: string, code: string, definition: ProgramDefinition, extra: Json = {}) =>
    api(cookie).post(`/api/admin/programs/${code}/versions`, {
      definition,
      effectiveOn: TODAY,
      documentNo: '济商务字〔2026〕15号',
      note: '补贴比例调整',
      ...extra,
    });
  const publish = (cookie: string, code: string, version: number, retroactive = false) =>
    api(cookie).post(`/api/admin/programs/${code}/versions/${version}/publish`, { retroactive });
  const versionsOf = async (code: string) =>
    (await api(admin1).get(`/api/admin/programs/${code}/versions`).expect(200)).body as Json[];
  const currentOf = async (code: string) =>
    (
      (await db.query(
        `SELECT v.version FROM program p JOIN program_version v ON v.id = p.current_version_id WHERE p.code = $1`,
        [code],
      )) as { version: number }[]
    )[0]?.version;
  const publicDetail = (app: TestApp, code: string) => request(app.server).get(`/api/programs/${code}`);
  const withRate = (definition: ProgramDefinition, basisPoints: number): ProgramDefinition => ({
    ...structuredClone(definition),
    amount: {
      ...(definition.amount as Extract<ProgramDefinition['amount'], { type: 'percent' }>),
      basisPoints,
    },
  });
  const auditCount = async (action: string, objectId?: string) =>
    (
      (await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND ($2::text IS NULL OR object_id = $2)`,
        [action, objectId ?? null],
      )) as { n: number }[]
    )[0]!.n;
  const versionId = async (code: string, version: number) =>
    (
      (await db.query(
        `SELECT v.id FROM program_version v JOIN program p ON p.id = v.program_id WHERE p.code = $1 AND v.version = $2`,
        [code, version],
      )) as { id: string }[]
    )[0]!.id;
  const service = () => t.app.get(ProgramVersionsService) as unknown as { repricer?: RetroactiveRepricer };

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, START);
    wiredRepricer = service().repricer;
    await signIn();
    const res = await api(admin1).get(`/api/admin/programs/${SOURCE}/versions/1`).expect(200);
    source = res.body.definition as ProgramDefinition;
  });
  afterAll(async () => {
    service().repricer = wiredRepricer;
    clock.restore();
    await t.close();
  });

  it('a demo program lists its catalogue version: published, in effect from its opening day, by nobody', async () => {
    const list = await versionsOf(SOURCE);
    expect(list.at(-1)).toMatchObject({
      version: 1,
      status: 'published',
      effectiveOn: source.opensOn,
      documentNo: null,
      createdBy: null,
      publishedBy: null,
    });
    expect(source).toMatchObject({ code: SOURCE, version: 1 });
    await api(admin1).get('/api/admin/programs/no-such-program/versions').expect(404);
    const missing = await api(admin1).get(`/api/admin/programs/${SOURCE}/versions/999`).expect(404);
    expect(missing.body.error.code).toBe(ErrorCode.VERSION_NOT_FOUND);
  });

  describe('a new program by copy', () => {
    it('is a draft version 1 that nobody outside the admin sees, until a second administrator publishes it', async () => {
      const definition = copyOf();
      const created = await api(admin1)
        .post('/api/admin/programs', { definition, documentNo: '济商务字〔2026〕20号', note: '新增项目' })
        .expect(201);
      expect(created.body).toMatchObject({
        programCode: definition.code,
        version: 1,
        status: 'draft',
        effectiveOn: definition.opensOn,
        documentNo: '济商务字〔2026〕20号',
        note: '新增项目',
        createdBy: DEMO_USERS.admin,
        publishedBy: null,
        basedOnVersion: null,
        publishedAt: null,
      });
      expect(created.body.definition).toEqual({ ...definition, version: 1 });
      // The draft is not a program anyone can see or claim under.
      await publicDetail(t, definition.code).expect(404);
      const list = (await request(t.server).get('/api/programs').expect(200)).body as { code: string }[];
      expect(list.map((p) => p.code)).not.toContain(definition.code);
      await request(t.server)
        .post(`/api/programs/${definition.code}/eligibility`)
        .send({ facts: eligibleClaim('digital').facts })
        .expect(404);
      // Its budget exists and balances from the start.
      const [budget] = (await db.query(
        `SELECT b.total_fen::float8 AS total, b.remaining_fen::float8 AS remaining FROM budget b
           JOIN program p ON p.id = b.program_id WHERE p.code = $1`,
        [definition.code],
      )) as { total: number; remaining: number }[];
      expect(budget).toEqual({ total: source.budget.totalFen, remaining: source.budget.totalFen });
      expect(await auditCount('program.created')).toBeGreaterThanOrEqual(1);

      // Four eyes: its author cannot publish it; nothing changes.
      const self = await publish(admin1, definition.code, 1).expect(403);
      expect(self.body.error.code).toBe(ErrorCode.SELF_PUBLISH);
      expect((await versionsOf(definition.code))[0]).toMatchObject({ status: 'draft', publishedBy: null });
      expect(await currentOf(definition.code)).toBeUndefined();
      const [refused] = (await db.query(
        `SELECT result, detail FROM audit_log WHERE action = 'program.version_publish_refused'
           AND object_id = (SELECT id::text FROM program WHERE code = $1)`,
        [definition.code],
      )) as { result: string; detail: Json }[];
      expect(refused).toEqual({
        result: 'denied',
        detail: { code: definition.code, version: 1, reason: ErrorCode.SELF_PUBLISH },
      });

      const published = await publish(admin2, definition.code, 1);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({
        programCode: definition.code,
        version: 1,
        status: 'published',
        createdBy: DEMO_USERS.admin,
        publishedBy: 'admin2',
        current: true,
        repricing: null,
      });
      expect(published.body.publishedAt).toEqual(expect.any(String));
      // This replica serves it at once.
      const detail = await publicDetail(t, definition.code).expect(200);
      expect(detail.body).toMatchObject({ code: definition.code, version: 1 });
      const after = (await request(t.server).get('/api/programs').expect(200)).body as { code: string }[];
      expect(after.map((p) => p.code)).toContain(definition.code);
      expect(await auditCount('program.version_published', await versionId(definition.code, 1))).toBe(1);

      // Publishing twice is refused.
      const twice = await publish(admin1, definition.code, 1).expect(409);
      expect(twice.body.error.code).toBe(ErrorCode.ALREADY_PUBLISHED);
    });

    it('a code that exists is refused 409 PROGRAM_CODE_TAKEN, whether a demo program or a copy; nothing is created', async () => {
      const count = async () =>
        ((await db.query(`SELECT count(*)::int AS n FROM program`)) as { n: number }[])[0]!.n;
      const before = await count();
      const demo = await api(admin1)
        .post('/api/admin/programs', { definition: source, documentNo: '重复〔2026〕1号' })
        .expect(409);
      expect(demo.body.error).toMatchObject({ code: ErrorCode.PROGRAM_CODE_TAKEN, path: '/code' });
      const code = await publishedCopy();
      const again = await api(admin2)
        .post('/api/admin/programs', { definition: { ...copyOf(), code }, documentNo: '重复〔2026〕2号' })
        .expect(409);
      expect(again.body.error.code).toBe(ErrorCode.PROGRAM_CODE_TAKEN);
      expect(await count()).toBe(before + 1);
      expect((await versionsOf(code)).map((v) => v.version)).toEqual([1]);
    });
  });

  describe('a draft with a bad definition is refused with the JSON path of the bad node, and nothing is stored', () => {
    let code: string;
    beforeAll(async () => {
      code = await publishedCopy();
    });

    const clause = (def: ProgramDefinition, test: unknown): ProgramDefinition => {
      const next = structuredClone(def);
      (next.clauses[0] as { test: unknown }).test = test;
      return next;
    };
    const cases: [string, (def: ProgramDefinition) => unknown, string][] = [
      ['a wrong type', (d) => ({ ...d, budget: { totalFen: 'a lot' } }), '/budget/totalFen'],
      ['a missing member', (d) => ({ ...d, clauses: undefined }), '/clauses'],
      ['an unknown member', (d) => ({ ...d, colour: 'red' }), '/colour'],
      ['an unknown operator', (d) => clause(d, { frobnicate: [1, 2] }), '/clauses/0/test'],
      [
        'a fact that is not declared',
        (d) => clause(d, { '==': [{ var: 'item.nope' }, 1] }),
        '/clauses/0/test',
      ],
      [
        'a program in stacksWith that does not exist',
        (d) => ({ ...d, stacksWith: ['no-such-program'] }),
        '/stacksWith/0',
      ],
      [
        'a program stacking with itself (a circular reference)',
        (d) => ({ ...d, stacksWith: [d.code] }),
        '/stacksWith',
      ],
      ['a negative amount', (d) => ({ ...d, amount: { type: 'fixed', fen: -100 } }), '/amount'],
      [
        'an uncapped percentage',
        (d) => ({ ...d, amount: { type: 'percent', of: { var: 'item.priceFen' }, basisPoints: 1500 } }),
        '/amount',
      ],
      [
        'a window that ends before it starts',
        (d) => ({ ...d, opensOn: '2026-06-01', closesOn: '2026-05-31' }),
        '/closesOn',
      ],
      ['a date that is not a date', (d) => ({ ...d, closesOn: '2026-02-30' }), '/closesOn'],
      [
        'a lottery without its rounds',
        (d) => ({ ...d, settings: { ...d.settings, allocationMode: 'lottery' } }),
        '/settings',
      ],
      ['another program code', (d) => ({ ...d, code: 'appliance-2026' }), '/code'],
      ['another kind', (d) => ({ ...d, kind: 'goods' }), '/kind'],
    ];

    it.each(cases)('%s', async (_name, change, path) => {
      const before = await versionsOf(code);
      const current = await publicDetail(t, code).expect(200);
      const definition = change(
        (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body.definition,
      );
      const res = await draft(admin1, code, definition as ProgramDefinition).expect(422);
      expect(res.body.error.code).toBe(ErrorCode.INVALID_PROGRAM_DEFINITION);
      expect(res.body.error.path).toEqual(expect.stringMatching(new RegExp(`^${path}(/|$)`)));
      expect(res.body.error.details).toEqual({ path: res.body.error.path });
      expect(await versionsOf(code)).toEqual(before);
      expect((await publicDetail(t, code).expect(200)).body).toEqual(current.body);
    });

    it('the exact path for an unknown operator and a negative fixed amount', async () => {
      const def = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body.definition;
      const operator = await draft(admin1, code, clause(def, { and: [true, { frobnicate: [1] }] })).expect(
        422,
      );
      expect(operator.body.error.path).toBe('/clauses/0/test/and/1/frobnicate');
      const negative = await draft(admin1, code, { ...def, amount: { type: 'fixed', fen: -100 } }).expect(
        422,
      );
      expect(negative.body.error.path).toBe('/amount/fen');
    });

    it('an effectiveOn outside the window, a missing document number or no definition: 422 on the field', async () => {
      const before = await versionsOf(code);
      const def = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body.definition;
      const early = await draft(admin1, code, def, { effectiveOn: '2025-12-31' }).expect(422);
      expect(early.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { effectiveOn: 'OUT_OF_RANGE' },
      });
      const late = await draft(admin1, code, def, { effectiveOn: '2027-01-01' }).expect(422);
      expect(late.body.error.fields).toEqual({ effectiveOn: 'OUT_OF_RANGE' });
      const notADate = await draft(admin1, code, def, { effectiveOn: '2026-13-01' }).expect(422);
      expect(notADate.body.error.fields).toEqual({ effectiveOn: 'INVALID_DATE' });
      const blank = await draft(admin1, code, def, { documentNo: '   ' }).expect(422);
      expect(blank.body.error.fields).toEqual({ documentNo: 'REQUIRED' });
      const noDefinition = await api(admin1)
        .post(`/api/admin/programs/${code}/versions`, { effectiveOn: TODAY, documentNo: '1号' })
        .expect(422);
      expect(noDefinition.body.error.fields).toHaveProperty('definition');
      const notAnObject = await draft(admin1, code, 'rules' as unknown as ProgramDefinition).expect(422);
      expect(notAnObject.body.error.fields).toHaveProperty('definition');
      expect(await versionsOf(code)).toEqual(before);
      // A new program: the same checks.
      const bad = await api(admin1)
        .post('/api/admin/programs', {
          definition: { ...copyOf(), closesOn: '2025-01-01' },
          documentNo: '1号',
        })
        .expect(422);
      expect(bad.body.error.path).toBe('/closesOn');
      const badRef = await api(admin1)
        .post('/api/admin/programs', {
          definition: copyOf({ stacksWith: ['ghost-2026'] }),
          documentNo: '1号',
        })
        .expect(422);
      expect(badRef.body.error.path).toBe('/stacksWith/0');
      await draft(admin1, 'no-such-program', def).expect(404);
    });

    it('publish bodies and parameters are checked: retroactive is required, the version a number', async () => {
      await api(admin2).post(`/api/admin/programs/${code}/versions/1/publish`, {}).expect(422);
      await api(admin2)
        .post(`/api/admin/programs/${code}/versions/1/publish`, { retroactive: 'yes' })
        .expect(422);
      await api(admin2)
        .post(`/api/admin/programs/${code}/versions/one/publish`, { retroactive: false })
        .expect(422);
      const missing = await publish(admin2, code, 42).expect(404);
      expect(missing.body.error.code).toBe(ErrorCode.VERSION_NOT_FOUND);
      await publish(admin2, 'no-such-program', 1).expect(404);
    });
  });

  it('a published version replaces the current one on every replica; the draft before it is seen by no one', async () => {
    const code = await publishedCopy();
    const other = await createTestApp();
    try {
      const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
        .definition as ProgramDefinition;
      const created = await draft(admin1, code, withRate(v1, 2000)).expect(201);
      expect(created.body).toMatchObject({
        version: 2,
        status: 'draft',
        basedOnVersion: 1,
        effectiveOn: TODAY,
      });
      expect(created.body.definition).toMatchObject({ version: 2, amount: { basisPoints: 2000 } });
      expect(await auditCount('program.version_drafted', await versionId(code, 2))).toBe(1);
      // The editor's diff reads both versions.
      const one = await api(admin2).get(`/api/admin/programs/${code}/versions/1`).expect(200);
      expect(one.body).toMatchObject({ status: 'published', definition: { amount: { basisPoints: 1500 } } });
      // A draft is never current: public routes (both replicas) and the engine still use v1.
      for (const app of [t, other]) {
        const detail = await publicDetail(app, code).expect(200);
        expect(detail.body).toMatchObject({ version: 1, definition: { amount: { basisPoints: 1500 } } });
      }

      await publish(admin2, code, 2).expect(200);
      expect(await currentOf(code)).toBe(2);
      const here = await publicDetail(t, code).expect(200);
      expect(here.body).toMatchObject({
        version: 2,
        definition: { version: 2, amount: { basisPoints: 2000 } },
      });
      // Another replica sees it within its refresh interval (the version stamp).
      await within(
        PROGRAMS_REFRESH_MS + 1000,
        async () => (await publicDetail(other, code).expect(200)).body as { version: number },
        (body) => body.version === 2,
      );
      const list = (await request(other.server).get('/api/programs').expect(200)).body as Json[];
      expect(list.find((p) => p.code === code)).toBeDefined();
      expect((await versionsOf(code)).map((v) => [v.version, v.status, v.publishedBy])).toEqual([
        [2, 'published', 'admin2'],
        [1, 'published', 'admin2'],
      ]);
    } finally {
      await other.close();
    }
  });

  it('the engine uses the current version, and every claim keeps the version it was evaluated under', async () => {
    const code = await publishedCopy();
    const facts = eligibleClaim('digital').facts; // a 2,000 yuan phone
    const check = async () =>
      (await request(t.server).post(`/api/programs/${code}/eligibility`).send({ facts }).expect(200))
        .body as {
        eligible: boolean;
        amountFen: number;
      };
    expect(await check()).toMatchObject({ amountFen: 30_000 }); // 15 %
    const first = await createResident(t, 13_000);
    const before = await request(t.server)
      .post('/api/applications')
      .set('cookie', first.cookie)
      .send({ programCode: code, facts })
      .expect(201);
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    await draft(admin1, code, withRate(v1, 2000)).expect(201);
    expect(await check()).toMatchObject({ amountFen: 30_000 }); // a draft changes nothing
    await publish(admin2, code, 2).expect(200);
    expect(await check()).toMatchObject({ amountFen: 40_000 }); // 20 %
    const second = await createResident(t, 13_001);
    const after = await request(t.server)
      .post('/api/applications')
      .set('cookie', second.cookie)
      .send({ programCode: code, facts })
      .expect(201);
    const versions = (await db.query(
      `SELECT a.id, v.version FROM application a JOIN program_version v ON v.id = a.program_version_id WHERE a.id = ANY($1)`,
      [[before.body.id, after.body.id]],
    )) as { id: string; version: number }[];
    expect(Object.fromEntries(versions.map((row) => [row.id, row.version]))).toEqual({
      [before.body.id]: 1,
      [after.body.id]: 2,
    });
  });

  it('a version effective later keeps the old one current until its date, then takes over everywhere (fake clock)', async () => {
    const code = await publishedCopy();
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    await draft(admin1, code, withRate(v1, 1000), { effectiveOn: '2026-05-11' }).expect(201);
    const res = await publish(admin2, code, 2).expect(200);
    expect(res.body).toMatchObject({ status: 'published', effectiveOn: '2026-05-11', current: false });
    // Published, but v1 is the version in force until 10 May ends (Shanghai).
    expect(await currentOf(code)).toBe(1);
    expect((await publicDetail(t, code).expect(200)).body.version).toBe(1);

    clock.set(new Date('2026-05-10T15:59:00Z')); // 23:59 on 10 May in Shanghai
    await sleep(PROGRAMS_REFRESH_MS + 50);
    expect((await publicDetail(t, code).expect(200)).body.version).toBe(1);

    clock.set(new Date('2026-05-10T16:00:00Z')); // 00:00 on 11 May in Shanghai
    const detail = await within(
      PROGRAMS_REFRESH_MS + 1000,
      async () =>
        (await publicDetail(t, code).expect(200)).body as { version: number; definition: ProgramDefinition },
      (body) => body.version === 2,
    );
    expect(detail.definition.amount).toMatchObject({ basisPoints: 1000 });
    // Without any write: the pointer still names v1, the current version is found by the date.
    expect(await currentOf(code)).toBe(1);

    // Back to the start for the tests after this one (and staff sessions idle out).
    clock.set(START);
    await signIn();
    await within(
      PROGRAMS_REFRESH_MS + 1000,
      async () => (await publicDetail(t, code).expect(200)).body as { version: number },
      (body) => body.version === 1,
    );
  });

  it('a draft made before another version was published is stale: 409 STALE_DRAFT, nothing changes', async () => {
    const code = await publishedCopy();
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    await draft(admin1, code, withRate(v1, 1600)).expect(201); // v2, from v1
    await draft(admin2, code, withRate(v1, 1700)).expect(201); // v3, from v1
    await publish(admin1, code, 3).expect(200); // admin2's draft, published by admin1
    const stale = await publish(admin2, code, 2).expect(409);
    expect(stale.body.error).toMatchObject({
      code: ErrorCode.STALE_DRAFT,
      latestVersion: 3,
      basedOnVersion: 1,
    });
    expect((await versionsOf(code)).map((v) => [v.version, v.status])).toEqual([
      [3, 'published'],
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect(await currentOf(code)).toBe(3);
    // A draft from the newest version publishes.
    const v3 = (await api(admin1).get(`/api/admin/programs/${code}/versions/3`)).body
      .definition as ProgramDefinition;
    const fresh = await draft(admin1, code, withRate(v3, 1800)).expect(201);
    expect(fresh.body).toMatchObject({ version: 4, basedOnVersion: 3 });
    await publish(admin2, code, 4).expect(200);
    expect(await currentOf(code)).toBe(4);
  });

  it('two administrators publishing two drafts of the same version at once: exactly one wins', async () => {
    const code = await publishedCopy();
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    await draft(admin2, code, withRate(v1, 1100)).expect(201); // v2
    await draft(admin2, code, withRate(v1, 1200)).expect(201); // v3
    const third = (await signInStaff(t, DEMO_USERS.admin)).cookie; // admin1 again, a second session
    const results = await Promise.all([publish(admin1, code, 2), publish(third, code, 3)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe(ErrorCode.STALE_DRAFT);
    const published = (await versionsOf(code)).filter((v) => v.status === 'published').map((v) => v.version);
    const winner = results.find((r) => r.status === 200)!.body.version as number;
    expect(published).toEqual([winner, 1]);
    expect(await currentOf(code)).toBe(winner);
    expect((await publicDetail(t, code).expect(200)).body.version).toBe(winner);
  });

  it('one draft published twice at once: one 200, one 409 ALREADY_PUBLISHED', async () => {
    const code = await publishedCopy();
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    await draft(admin1, code, withRate(v1, 1900)).expect(201);
    const second = (await signInStaff(t, 'admin2')).cookie;
    const results = await Promise.all([publish(admin2, code, 2), publish(second, code, 2)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe(ErrorCode.ALREADY_PUBLISHED);
    expect(await auditCount('program.version_published', await versionId(code, 2))).toBe(1);
  });

  it('the database refuses any change to a published version and any deletion (the trigger)', async () => {
    const code = await publishedCopy();
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    await draft(admin1, code, withRate(v1, 1300)).expect(201);
    const published = await versionId(code, 1);
    const drafted = await versionId(code, 2);
    const refusals: [string, string, unknown[]][] = [
      ['the definition', `UPDATE program_version SET definition = '{}'::jsonb WHERE id = $1`, [published]],
      ['the date', `UPDATE program_version SET effective_on = '2026-12-01' WHERE id = $1`, [published]],
      [
        'back to draft',
        `UPDATE program_version SET status = 'draft', published_at = NULL WHERE id = $1`,
        [published],
      ],
      ['delete a published one', `DELETE FROM program_version WHERE id = $1`, [published]],
      ['delete a draft', `DELETE FROM program_version WHERE id = $1`, [drafted]],
      ['truncate', `TRUNCATE program_version CASCADE`, []],
    ];
    const before = await db.query(`SELECT * FROM program_version WHERE id = ANY($1) ORDER BY version`, [
      [published, drafted],
    ]);
    for (const [name, sql, params] of refusals) {
      await expect(db.query(sql, params)).rejects.toThrow(/immutable|refused/);
      void name;
    }
    expect(
      await db.query(`SELECT * FROM program_version WHERE id = ANY($1) ORDER BY version`, [
        [published, drafted],
      ]),
    ).toEqual(before);
  });

  describe('retroactive publish (through RetroactiveRepricer, in the publish transaction)', () => {
    afterEach(() => {
      service().repricer = wiredRepricer;
    });

    it('calls the repricer with the program, the new version and the publisher, and answers its figures', async () => {
      const code = await publishedCopy();
      const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
        .definition as ProgramDefinition;
      await draft(admin1, code, withRate(v1, 2500), { effectiveOn: '2026-04-01' }).expect(201);
      const reprice = jest.fn<
        ReturnType<RetroactiveRepricer['reprice']>,
        Parameters<RetroactiveRepricer['reprice']>
      >(async () => ({ changed: 0, deltaFen: 0 }));
      service().repricer = { reprice };
      const res = await publish(admin2, code, 2, true).expect(200);
      expect(res.body).toMatchObject({ version: 2, current: true, repricing: { changed: 0, deltaFen: 0 } });
      const [programRow] = (await db.query(`SELECT id FROM program WHERE code = $1`, [code])) as {
        id: string;
      }[];
      const admin2Id = (
        (await db.query(`SELECT id FROM user_account WHERE username = 'admin2'`)) as { id: string }[]
      )[0]!.id;
      expect(reprice).toHaveBeenCalledTimes(1);
      expect(reprice.mock.calls[0]![1]).toEqual({
        programId: programRow!.id,
        versionId: await versionId(code, 2),
        actorId: admin2Id,
      });
      expect(await currentOf(code)).toBe(2);
    });

    it('a shortfall in the repricer rolls the publish back: still a draft, the old version current, nothing audited', async () => {
      const code = await publishedCopy();
      const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
        .definition as ProgramDefinition;
      await draft(admin1, code, withRate(v1, 3000)).expect(201);
      service().repricer = {
        reprice: async (manager) => {
          // Whatever it wrote inside the transaction goes too.
          await manager.query(
            `UPDATE budget SET total_fen = total_fen + 1, remaining_fen = remaining_fen + 1
                                WHERE program_id = (SELECT id FROM program WHERE code = $1)`,
            [code],
          );
          throw new DomainError(ErrorCode.BUDGET_SHORTFALL, 'short', { extra: { shortfallFen: 12_345 } });
        },
      };
      const budgetBefore = await db.query(
        `SELECT b.* FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = $1`,
        [code],
      );
      const res = await publish(admin2, code, 2, true).expect(409);
      expect(res.body.error).toMatchObject({ code: ErrorCode.BUDGET_SHORTFALL, shortfallFen: 12_345 });
      expect((await versionsOf(code))[0]).toMatchObject({ version: 2, status: 'draft', publishedBy: null });
      expect(await currentOf(code)).toBe(1);
      expect((await publicDetail(t, code).expect(200)).body.version).toBe(1);
      expect(await auditCount('program.version_published', await versionId(code, 2))).toBe(0);
      expect(
        await db.query(`SELECT b.* FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = $1`, [
          code,
        ]),
      ).toEqual(budgetBefore);
    });

    it('a retroactive version dated later is refused (422 on retroactive); nothing changes', async () => {
      const code = await publishedCopy();
      const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
        .definition as ProgramDefinition;
      await draft(admin1, code, withRate(v1, 3000), { effectiveOn: '2026-06-01' }).expect(201);
      const reprice = jest.fn(async () => ({ changed: 0, deltaFen: 0 }));
      service().repricer = { reprice };
      const res = await publish(admin2, code, 2, true).expect(422);
      expect(res.body.error.fields).toEqual({ retroactive: 'OUT_OF_RANGE' });
      expect(reprice).not.toHaveBeenCalled();
      expect((await versionsOf(code))[0]).toMatchObject({ status: 'draft' });
    });
  });

  it('allocation mode and lottery rounds are editable through a draft (the definition holds them)', async () => {
    const code = await publishedCopy();
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    const lottery = {
      ...structuredClone(v1),
      settings: {
        ...v1.settings,
        allocationMode: 'lottery' as const,
        lottery: { roundDays: 7, drawTime: '20:00' },
      },
    };
    const res = await draft(admin1, code, lottery).expect(201);
    expect(res.body.definition.settings).toMatchObject({
      allocationMode: 'lottery',
      lottery: { roundDays: 7 },
    });
  });

  it('re-applying the catalogue neither overwrites nor duplicates a version, demo or admin-published', async () => {
    const code = await publishedCopy();
    const v1 = (await api(admin1).get(`/api/admin/programs/${code}/versions/1`)).body
      .definition as ProgramDefinition;
    await draft(admin1, code, withRate(v1, 1400)).expect(201);
    await publish(admin2, code, 2).expect(200);
    const snapshot = () =>
      db.query(`SELECT v.id, v.program_id, v.version, v.status, v.definition, p.current_version_id
                  FROM program_version v JOIN program p ON p.id = v.program_id ORDER BY v.id`);
    const before = await snapshot();
    // The catalogue as shipped, and one "new release" that would change the copy's and a demo program's rules.
    expect(await seedPrograms(db)).toEqual([]);
    expect(await seedPrograms(db, [withRate(v1, 9999), withRate(source, 9999)])).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await publicDetail(t, code).expect(200)).body.version).toBe(2);
  });

  it('the money invariants hold after the suite (new programs start balanced; the repricer test moved nothing)', async () => {
    const problems = (await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] })).filter(
      (invariant) => invariant.problems.length > 0,
    );
    expect(problems).toEqual([]);
  });
});
