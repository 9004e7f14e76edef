import { randomUUID } from 'node:crypto';
import { PDF_BYTES } from './utils/residents';
import { can, type Permission, programCatalogue, ROLES, type Role } from '@huanxin/shared';
import request from 'supertest';
import { SessionService } from '../src/auth/session.service';
import { SIGNED_IN } from '../src/auth/auth.decorators';
import { clearRateLimits, createIdentityApp, DEMO_USERS, signInStaff } from './utils/identity';
import { createResident } from './utils/residents';
import { listRoutes, type RouteInfo } from './utils/routes';
import type { TestApp } from './utils/test-app';

/**
 * Issue 9 item 8: no input gets a 5xx. Every route of the inventory (checked against the OpenAPI
 * document) receives hostile values in its path parameters, its query string (every declared
 * parameter plus an undeclared one) and its JSON body (every declared field, and inside free-form
 * objects such as `facts`), signed in as a role that passes the guard, so the values reach the
 * validation, the services and PostgreSQL. Any answer ≥ 500 is a failure.
 */

/** Strings PostgreSQL or the runtime choke on, or that look valid to a lax check. */
const STRING_PROBES: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['lone high surrogate', 'a\uD800b'],
  ['lone low surrogate', '\uDC00'],
  ['impossible date', '2026-02-30'],
  ['impossible timestamp', '2026-02-30T25:61:00Z'],
  ['integer past bigint', '99999999999999999999999'],
  ['long', 'x'.repeat(5000)],
];
const NUMBER_PROBES: [string, unknown][] = [
  ['2^63', 2 ** 63],
  ['-2^63-1', -(2 ** 63) - 1024],
  ['1e308', 1e308],
  ['past MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER + 2],
  ['fraction', 0.5],
  ['negative', -1],
];
const SHAPE_PROBES: [string, unknown][] = [
  ['null', null],
  ['boolean', true],
  ['array', ['a\u0000']],
  ['object', { '\u0000': 1 }],
  ['nested 200 deep', nest(200)],
];
const VALUE_PROBES: [string, unknown][] = [...STRING_PROBES, ...NUMBER_PROBES, ...SHAPE_PROBES];

/** Raw (already percent-encoded) values for paths and query strings. */
const URL_PROBES: [string, string][] = [
  ['NUL', 'a%00b'],
  ['lone surrogate (CESU bytes)', '%ED%A0%80'],
  ['bad percent-encoding', '%E0%A4%A'],
  ['impossible date', '2026-02-30'],
  ['impossible timestamp', '2026-02-30T25%3A61%3A00Z'],
  ['integer past bigint', '99999999999999999999999'],
  ['negative past bigint', '-99999999999999999999999'],
  ['1e400', '1e400'],
  ['dot segments', '..%2F..%2Fetc%2Fpasswd'],
  ['long', 'x'.repeat(180)],
];

function nest(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

type Caller = Role | 'anonymous';

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: SchemaRef }> };
}
interface SchemaRef {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaRef & { example?: unknown; enum?: unknown[] }>;
  additionalProperties?: unknown;
}

// The sweeps grow with every route (each declared field × every probe, one request at a time).
jest.setTimeout(180_000);

describe('input sweep: hostile values on every route never get a 5xx', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let doc: {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, SchemaRef> };
  };
  const cookies: Partial<Record<Caller, string>> = {};
  let residentId: string;
  let draftId: string;
  /** `group.field` paths of car-scrap-2026's facts, to put probes where the engine reads them. */
  let factPaths: string[];
  let sent = 0;

  beforeAll(async () => {
    t = await createIdentityApp({ WRITE_LIMIT_PER_MINUTE: '1000000' });
    await clearRateLimits(t.config);
    routes = listRoutes(t.app);
    doc = (await request(t.server).get('/api/docs-json').expect(200)).body;
    const resident = await createResident(t, 9001);
    residentId = resident.id;
    cookies.resident = resident.cookie;
    for (const role of ['dealer', 'reviewer', 'approver', 'finance', 'admin', 'auditor'] as const)
      cookies[role] = (await signInStaff(t, DEMO_USERS[role])).cookie;
    factPaths = programCatalogue
      .find((program) => program.code === 'car-scrap-2026')!
      .factFields.map((field) => field.path);
    draftId = (
      await request(t.server)
        .post('/api/applications')
        .set('cookie', cookies.resident)
        .send({ programCode: 'car-scrap-2026', facts: {} })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A role whose permission passes the guard (public routes: a resident, which reaches more code). */
  function callerFor(route: RouteInfo): Caller {
    if (route.isPublic || route.permission === SIGNED_IN) return 'resident';
    return ROLES.find((role) => can(role, route.permission as Permission)) ?? 'anonymous';
  }

  /** Real-looking values for path parameters, so the probes of the other parts get past them. */
  function concrete(route: RouteInfo, name: string): string {
    if (name === 'code')
      return route.path.startsWith('/api/admin/') ? 'sweep-no-such-program' : 'car-scrap-2026';
    if (name === 'id' && route.path.startsWith('/api/applications')) return draftId;
    if (name === 'id' && route.path.startsWith('/api/residents')) return residentId;
    return randomUUID();
  }

  function fillPath(route: RouteInfo, override?: { name: string; raw: string }): string {
    return route.path.replace(/:(\w+)/g, (_m, name: string) =>
      override?.name === name ? override.raw : concrete(route, name),
    );
  }

  function operation(route: RouteInfo): OpenApiOperation | undefined {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    return doc.paths[openApiPath]?.[route.method.toLowerCase()];
  }

  function bodySchema(route: RouteInfo): SchemaRef | undefined {
    const schema = operation(route)?.requestBody?.content?.['application/json']?.schema;
    if (!schema?.$ref) return schema;
    return doc.components.schemas[schema.$ref.split('/').pop()!];
  }

  /** A body from the documented examples (first enum value otherwise), so one probe at a time is tested. */
  function baseBody(route: RouteInfo): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(bodySchema(route)?.properties ?? {})) {
      if (property.example !== undefined) body[name] = property.example;
      else if (property.enum?.length) body[name] = property.enum[0];
    }
    // Never lock a demo account out with wrong passwords: the run shares one database.
    if (route.path === '/api/auth/login') body.username = 'sweep-nobody';
    if (route.path === '/api/auth/otp') body.phone = '13905329999';
    return body;
  }

  async function send(
    route: RouteInfo,
    path: string,
    body: string | undefined,
  ): Promise<{ status: number; code?: string }> {
    sent += 1;
    if (sent % 40 === 0) await clearRateLimits(t.config);
    const caller = callerFor(route);
    let cookie = cookies[caller];
    // Logging out ends the session: give that route a fresh one each time.
    if (route.path === '/api/auth/logout') {
      const sessionId = await t.app
        .get(SessionService)
        .create({ id: residentId, role: 'resident', displayName: 'sweep', organizationId: null });
      cookie = `hx_sid=${sessionId}`;
    }
    const call = request(t.server)[route.method.toLowerCase() as 'post'](path);
    if (cookie) void call.set('cookie', cookie);
    if (body !== undefined) void call.set('content-type', 'application/json');
    const res = body !== undefined ? await call.send(body) : await call;
    return { status: res.status, code: res.body?.error?.code };
  }

  async function sweep(
    cases: { route: RouteInfo; label: string; path: string; body?: string }[],
  ): Promise<string[]> {
    const failures: string[] = [];
    for (const c of cases) {
      const res = await send(c.route, c.path, c.body);
      if (res.status >= 500)
        failures.push(`${c.route.key} [${c.label}] ${c.path.slice(0, 120)} → ${res.status} ${res.code}`);
    }
    return failures;
  }

  const bodyRoutes = () => routes.filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method));

  it('sweeps every route of the inventory, and the OpenAPI document describes each', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !operation(route)).map((route) => route.key)).toEqual([]);
    expect(routes.filter((route) => callerFor(route) === 'anonymous').map((route) => route.key)).toEqual([]);
  });

  it('path parameters: NUL, broken encodings, impossible dates, huge numbers, dot segments', async () => {
    const cases = routes.flatMap((route) =>
      [...route.path.matchAll(/:(\w+)/g)].flatMap(([, name]) =>
        URL_PROBES.map(([label, raw]) => ({
          route,
          label: `:${name} ${label}`,
          path: fillPath(route, { name: name!, raw }),
          body: ['POST', 'PUT', 'PATCH'].includes(route.method) ? JSON.stringify(baseBody(route)) : undefined,
        })),
      ),
    );
    expect(cases.length).toBeGreaterThan(50);
    expect(await sweep(cases)).toEqual([]);
  });

  it('query strings: every declared parameter and an undeclared one, repeated and bracketed too', async () => {
    const cases = routes.flatMap((route) => {
      const declared = (operation(route)?.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      const body = ['POST', 'PUT', 'PATCH'].includes(route.method)
        ? JSON.stringify(baseBody(route))
        : undefined;
      return [...declared, 'sweep'].flatMap((name) => [
        ...URL_PROBES.map(([label, raw]) => ({
          route,
          label: `?${name} ${label}`,
          path: `${fillPath(route)}?${name}=${raw}`,
          body,
        })),
        { route, label: `?${name} repeated`, path: `${fillPath(route)}?${name}=1&${name}=2`, body },
        { route, label: `?${name} bracketed`, path: `${fillPath(route)}?${name}[a]=1`, body },
      ]);
    });
    expect(cases.length).toBeGreaterThan(100);
    expect(await sweep(cases)).toEqual([]);
  });

  it('JSON bodies: every declared field, and every fact of a program, gets each hostile value', async () => {
    const cases = bodyRoutes().flatMap((route) => {
      const base = baseBody(route);
      const schema = bodySchema(route);
      const fields = Object.entries(schema?.properties ?? {});
      const perField = fields.flatMap(([name, property]) => {
        const freeForm = property.type === 'object' || property.additionalProperties !== undefined;
        const values: [string, unknown][] = freeForm
          ? [
              ...VALUE_PROBES,
              ...VALUE_PROBES.map(([label, value]): [string, unknown] => [`key ${label}`, { k: value }]),
              ...(name === 'facts'
                ? factPaths.flatMap((factPath) =>
                    VALUE_PROBES.map(([label, value]): [string, unknown] => [
                      `${factPath} ${label}`,
                      setPath({}, factPath, value),
                    ]),
                  )
                : []),
            ]
          : VALUE_PROBES;
        return values.map(([label, value]) => ({
          route,
          label: `${name} ${label}`,
          path: fillPath(route),
          body: JSON.stringify({ ...base, [name]: value }),
        }));
      });
      const extra = STRING_PROBES.map(([label, value]) => ({
        route,
        label: `undeclared field ${label}`,
        path: fillPath(route),
        body: JSON.stringify({ ...base, [`sweep${label.replace(/\W/g, '')}`]: value, [value]: 1 }),
      }));
      return [...perField, ...extra];
    });
    expect(cases.length).toBeGreaterThan(300);
    expect(await sweep(cases)).toEqual([]);
  });

  it('JSON bodies: whole-body shapes and nesting thousands of levels deep', async () => {
    const deep = (depth: number) => `{"facts":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
    const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const bodies: [string, string][] = [
      ['array', '[]'],
      ['string', '"x"'],
      ['null', 'null'],
      ['number', '1'],
      ['NUL key', '{"\\u0000":1}'],
      ['__proto__', '{"__proto__":{"admin":true}}'],
      ['constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}'],
      ['arrays 5 000 deep', deep(5000)],
      ['arrays 100 000 deep', deep(100_000)],
      ['objects 20 000 deep', deepObject(20_000)],
    ];
    const cases = bodyRoutes().flatMap((route) =>
      bodies.map(([label, body]) => ({ route, label, path: fillPath(route), body })),
    );
    expect(await sweep(cases)).toEqual([]);
  });

  it('multipart uploads: hostile field values and file names', async () => {
    const uploads = routes.filter((route) => operation(route)?.requestBody?.content?.['multipart/form-data']);
    expect(uploads.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of uploads) {
      for (const [label, value] of STRING_PROBES) {
        for (const part of ['kind', 'filename'] as const) {
          await clearRateLimits(t.config);
          const res = await request(t.server)
            .post(fillPath(route))
            .set('cookie', cookies[callerFor(route)]!)
            .field('kind', part === 'kind' ? value : 'scrap_certificate')
            .attach('file', PDF_BYTES, { filename: part === 'filename' ? `${value}.pdf` : 'a.pdf' });
          if (res.status >= 500) failures.push(`${route.key} [${part} ${label}] → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  describe('the refusals carry the right code (not just "not a 5xx")', () => {
    const profile = (body: Record<string, unknown>) =>
      request(t.server).put('/api/me/profile').set('cookie', cookies.resident!).send(body);
    const eligibility = (body: string) =>
      request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .set('content-type', 'application/json')
        .send(body);

    it.each([
      ['NUL', 'a\u0000b'],
      ['a lone surrogate', 'a\uD800b'],
    ])('%s in a body field → 422 fields.<path> INVALID_CHARACTERS', async (_label, value) => {
      const res = await profile({ bankName: value, name: '张三' }).expect(422);
      expect(res.body.error).toEqual(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          fields: expect.objectContaining({ bankName: 'INVALID_CHARACTERS' }),
        }),
      );
      const nested = await eligibility(JSON.stringify({ facts: { scrap: { certificateNo: value } } })).expect(
        422,
      );
      expect(nested.body.error.fields).toEqual({ 'facts.scrap.certificateNo': 'INVALID_CHARACTERS' });
    });

    it('a NUL in a key → 422 INVALID_CHARACTERS, the key not echoed raw', async () => {
      const res = await eligibility('{"facts":{"a\\u0000b":1}}').expect(422);
      expect(res.body.error.fields).toEqual({ 'facts.a?b': 'INVALID_CHARACTERS' });
    });

    it('an integer past 2^53 in a body → 422 OUT_OF_RANGE', async () => {
      const res = await eligibility('{"facts":{"newVehicle":{"priceFen":99999999999999999999}}}').expect(422);
      expect(res.body.error.fields).toEqual({ 'facts.newVehicle.priceFen': 'OUT_OF_RANGE' });
    });

    it.each([65, 5000, 100_000])('JSON nested %i deep → 400 JSON_TOO_DEEP', async (depth) => {
      const res = await eligibility(`{"facts":${'['.repeat(depth)}${']'.repeat(depth)}}`).expect(400);
      expect(res.body.error.code).toBe('JSON_TOO_DEEP');
    });

    it('nesting up to the cap is accepted by the parser (the DTO decides)', async () => {
      const res = await eligibility(`{"facts":${'{"a":'.repeat(62)}1${'}'.repeat(62)}}`);
      expect(res.status).toBe(422);
      expect(res.body.error.code).not.toBe('JSON_TOO_DEEP');
    });

    it('bytes that are not UTF-8 → 400 MALFORMED_JSON', async () => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .set('content-type', 'application/json')
        // As raw bytes (supertest would otherwise send the Buffer as a JSON object).
        .serialize((body: Buffer) => body as unknown as string)
        .send(
          Buffer.concat([
            Buffer.from('{"facts":{"a":"'),
            Buffer.from([0xed, 0xa0, 0x80]),
            Buffer.from('"}}'),
          ]),
        );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('MALFORMED_JSON');
    });

    it.each([
      ['from', '2026-02-30', 'INVALID_DATE'],
      ['to', '2026-13-01T00:00:00Z', 'INVALID_DATE'],
      ['from', '2026-02-30T25:61:00Z', 'INVALID_DATE'],
      ['beforeSeq', '99999999999999999999999', 'OUT_OF_RANGE'],
      ['action', 'a%00b', 'INVALID_CHARACTERS'],
    ])("GET /api/audit?%s=%s → 422 with the field's code: %s", async (name, raw, code) => {
      const res = await request(t.server)
        .get(`/api/audit?${name}=${raw}`)
        .set('cookie', cookies.auditor!)
        .expect(422);
      expect(res.body.error.fields).toEqual({ [name]: code });
    });

    it('a NUL in a path parameter → 4xx with a code', async () => {
      const res = await request(t.server).get('/api/programs/a%00b');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.code).toEqual(expect.any(String));
    });
  });
});

function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [group, field] = path.split('.') as [string, string];
  return { ...target, [group]: { [field]: value } };
}
