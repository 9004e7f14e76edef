import request from 'supertest';
import { createTestApp, type TestApp } from './utils/test-app';

describe('HTTP foundation (real app, real Postgres and Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/health answers 200 with database, redis and queue checks', async () => {
    const res = await request(t.server).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok', queue: 'ok' } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a well-formed incoming request id and replaces a malformed one', async () => {
    const good = await request(t.server).get('/api/health').set('x-request-id', 'trace-abc-12345');
    expect(good.headers['x-request-id']).toBe('trace-abc-12345');
    const bad = await request(t.server).get('/api/health').set('x-request-id', 'bad id!');
    expect(bad.headers['x-request-id']).not.toBe('bad id!');
  });

  it.each([
    ['65 characters', 'a'.repeat(65)],
    ['a log-forging attempt', 'abc12345"}{"level":60'],
    ['a path', 'trace/../12345'],
    ['too short to be unique', 'abc'],
  ])('replaces a client request id that is %s with its own', async (_label, sent) => {
    const res = await request(t.server).get('/api/health').set('x-request-id', sent);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  /** The security headers of an answer (HSTS is production's only). */
  const securityOf = (res: request.Response) =>
    Object.fromEntries(
      Object.entries(res.headers).filter(([name]) =>
        /^(content-security-policy|cross-origin-|origin-agent-cluster|referrer-policy|x-content-type|x-dns|x-download|x-frame|x-permitted|x-xss|strict-transport)/.test(
          name,
        ),
      ),
    );

  it("API answers (and their refusals) carry the API's security headers: nothing may load, no framing, nosniff", async () => {
    const api = {
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    };
    expect(securityOf(await request(t.server).get('/api/health').expect(200))).toEqual(api);
    expect(securityOf(await request(t.server).get('/api/applications').expect(401))).toEqual(api);
    expect(securityOf(await request(t.server).get('/api/no-such-route').expect(404))).toEqual(api);
  });

  it("everything else (the web app, its files) carries the page headers: CSP of the app's own sources", async () => {
    const page = securityOf(await request(t.server).get('/no-such-file.txt'));
    expect(page['content-security-policy']).toContain("default-src 'self'");
    expect(page['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page).toMatchObject({
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
  });

  it('serves the OpenAPI document describing the routes', async () => {
    const res = await request(t.server).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/programs',
        '/api/programs/{code}',
        '/api/programs/{code}/eligibility',
      ]),
    );
  });

  describe('bad input gets the error shape, never a 500', () => {
    it('malformed JSON → 400 MALFORMED_JSON', async () => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .set('content-type', 'application/json')
        .send('{"facts": {')
        .expect(400);
      expect(res.body).toEqual({ error: { code: 'MALFORMED_JSON', message: expect.any(String) } });
    });

    it('unknown fields → 422 with fields', async () => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .send({ facts: {}, role: 'admin', amountFen: 1 })
        .expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields).toEqual({ role: 'UNKNOWN_FIELD', amountFen: 'UNKNOWN_FIELD' });
    });

    it('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
      const big = JSON.stringify({ facts: { note: 'x'.repeat(t.config.http.bodyLimitBytes + 10) } });
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .set('content-type', 'application/json')
        .send(big)
        .expect(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('an unsupported content type → 415', async () => {
      const res = await request(t.server)
        .post('/api/programs/car-scrap-2026/eligibility')
        .set('content-type', 'application/xml')
        .send('<a/>')
        .expect(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('an unknown API route → 404 in the error shape', async () => {
      const res = await request(t.server).get('/api/no-such-thing').expect(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    });
  });

  // Both are set by the first onRequest hook, so refusals by the hooks after it carry them too.
  it('every answer carries the request id and, under /api/, no-store: a 404, a CSRF refusal, a route that sets its own', async () => {
    const answers = [
      await request(t.server).get('/api/no-such-thing').set('x-request-id', 'foundation-404-1').expect(404),
      await request(t.server)
        .post('/api/auth/logout')
        .set('origin', 'https://evil.example')
        .set('x-request-id', 'foundation-csrf-1')
        .expect(403),
    ];
    expect(answers.map((res) => [res.headers['x-request-id'], res.headers['cache-control']])).toEqual([
      ['foundation-404-1', 'no-store'],
      ['foundation-csrf-1', 'no-store'],
    ]);
    const programs = await request(t.server).get('/api/programs').expect(200);
    expect(programs.headers['cache-control']).toBe('no-cache');
    expect(programs.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** Issue 9 item 13: what a production start serves, with the secrets a deployment must give. */
describe('production defaults (real app with NODE_ENV=production)', () => {
  const production = {
    NODE_ENV: 'production',
    APP_SECRET: 'k3Jd9s0Qm2Lx7Vb4Nc8Zr1Tf6Hy5Wg0Pa',
    PII_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    PII_INDEX_KEY: 'Qw8Er4Ty2Ui6Op0As3Df7Gh1Jk5Lz9Xc',
    SMS_TRANSPORT: 'http',
    SMS_HTTP_URL: 'https://sms-gateway.invalid/send',
    PUBLIC_ORIGIN: 'https://huanxin.zhangqiu.gov.cn',
  };

  it('serves no OpenAPI document or UI unless API_DOCS=on', async () => {
    const t = await createTestApp(production);
    try {
      const json = await request(t.server).get('/api/docs-json').expect(404);
      expect(json.body.error.code).toBe('ROUTE_NOT_FOUND');
      await request(t.server).get('/api/docs').expect(404);
      expect(t.config.auth.secureCookies).toBe(true);
    } finally {
      await t.close();
    }
    const withDocs = await createTestApp({ ...production, API_DOCS: 'on' });
    try {
      const res = await request(withDocs.server).get('/api/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
    } finally {
      await withDocs.close();
    }
  });
});
