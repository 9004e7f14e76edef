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

  it('sends security headers: CSP self only, nosniff, frame denial', async () => {
    const res = await request(t.server).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
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
});
