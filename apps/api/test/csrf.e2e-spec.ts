import request from 'supertest';
import { PHONES } from './fixtures/pii';
import {
  clearRateLimits,
  createIdentityApp,
  dataSourceOf,
  DEMO_USERS,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

const phone = PHONES.csrf;

/**
 * CSRF (api-contract.md "Conventions"): an unsafe request that carries an Origin (or, failing that,
 * a Referer) must come from the portal's own origin; requests with neither are allowed.
 */
describe('CSRF: the Origin/Referer rule', () => {
  let t: TestApp;
  let own: string;
  let admin: string;

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    own = await listen(t);
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
  });
  beforeEach(async () => {
    await clearRateLimits(t.config);
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * supertest would listen on a new ephemeral port per request; listening once gives the app one
   * address, so its own origin (http://<Host header>) is known.
   */
  async function listen(app: TestApp): Promise<string> {
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  }

  const otp = (headers: Record<string, string>, target = phone[0]) => {
    const call = request(t.server).post('/api/auth/otp');
    for (const [name, value] of Object.entries(headers)) void call.set(name, value);
    return call.send({ phone: target });
  };
  it('no Origin and no Referer (a non-browser client) → allowed', async () => {
    await otp({}).expect(202);
  });

  it('the portal’s own Origin → allowed', async () => {
    await otp({ origin: own }, phone[1]).expect(202);
  });

  it('the portal’s own Referer without Origin → allowed', async () => {
    await otp({ referer: `${own}/login?next=/me` }, phone[2]).expect(202);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['the same host on another port', 'http://127.0.0.1:1'],
    ['the same host over https', () => own.replace('http:', 'https:')],
    ['a look-alike host', () => `${own}.evil.example`],
    ['an opaque origin (sandboxed frame)', 'null'],
    ['garbage', 'not a url'],
  ])('a foreign Origin (%s) → 403 CSRF_ORIGIN_MISMATCH', async (_label, origin) => {
    const value = typeof origin === 'function' ? origin() : origin;
    const res = await otp({ origin: value }, phone[3]).expect(403);
    expect(res.body).toEqual({ error: { code: 'CSRF_ORIGIN_MISMATCH', message: expect.any(String) } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a foreign Referer without Origin → 403', async () => {
    const res = await otp({ referer: 'https://evil.example/page' }, phone[4]).expect(403);
    expect(res.body.error.code).toBe('CSRF_ORIGIN_MISMATCH');
  });

  it('the Origin wins over the Referer: a foreign Origin with the own Referer → 403', async () => {
    await otp({ origin: 'https://evil.example', referer: `${own}/` }, phone[5]).expect(403);
  });

  it('no SMS is sent for a refused request', async () => {
    await otp({ origin: 'https://evil.example' }, phone[6]).expect(403);
    const outbox = await request(t.server).get('/api/dev/sms-outbox').query({ phone: phone[6] }).expect(200);
    expect(outbox.body).toEqual([]);
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)(
    '%s with a signed-in cookie and a foreign Origin → 403 and the handler never runs',
    async (method) => {
      const username = uniqueUsername(`csrf${method}`);
      const path =
        method === 'post'
          ? '/api/admin/users'
          : method === 'put'
            ? '/api/me/profile'
            : '/api/admin/users/00000000-0000-4000-8000-000000000000';
      const agent = request(t.server);
      const res = await agent[method](path)
        .set('cookie', admin)
        .set('origin', 'https://evil.example')
        .send({ username, displayName: 'csrf', role: 'admin', password: STRONG_PASSWORD })
        .expect(403);
      expect(res.body.error.code).toBe('CSRF_ORIGIN_MISMATCH');
      const n = (
        (await dataSourceOf(t).query('SELECT count(*)::int AS n FROM user_account WHERE username = $1', [
          username,
        ])) as { n: number }[]
      )[0]!.n;
      expect(n).toBe(0);
    },
  );

  it('the same cookie and body from the own origin goes through', async () => {
    const username = uniqueUsername('csrfok');
    await request(t.server)
      .post('/api/admin/users')
      .set('cookie', admin)
      .set('origin', own)
      .send({ username, displayName: 'csrf', role: 'finance', password: STRONG_PASSWORD })
      .expect(201);
  });

  it('safe methods are not checked: GET with a foreign Origin → 200', async () => {
    await request(t.server)
      .get('/api/auth/me')
      .set('cookie', admin)
      .set('origin', 'https://evil.example')
      .expect(200);
  });

  describe('with PUBLIC_ORIGIN set (behind a proxy)', () => {
    let proxied: TestApp;
    let proxiedHost: string;
    beforeAll(async () => {
      proxied = await createIdentityApp({ PUBLIC_ORIGIN: 'https://huanxin.zhangqiu.example' });
      proxiedHost = await listen(proxied);
    });
    afterAll(async () => {
      await proxied.close();
    });

    it('the configured origin → allowed; the Host-derived origin → 403', async () => {
      await request(proxied.server)
        .post('/api/auth/otp')
        .set('origin', 'https://huanxin.zhangqiu.example')
        .send({ phone: phone[7] })
        .expect(202);
      await request(proxied.server)
        .post('/api/auth/otp')
        .set('origin', proxiedHost)
        .send({ phone: phone[8] })
        .expect(403);
    });

    it('a forged Host header does not make a foreign Origin "own"', async () => {
      await request(proxied.server)
        .post('/api/auth/otp')
        .set('host', 'evil.example')
        .set('origin', 'http://evil.example')
        .send({ phone: phone[9] })
        .expect(403);
    });
  });
});
