import { createHash } from 'node:crypto';
import request from 'supertest';
import { SESSION_CACHE, SESSION_TOUCH_INTERVAL_MS } from '../src/auth/session.service';
import type { TrackedCache } from '../src/redis/tracked-cache';
import { PHONES } from './fixtures/pii';
import { MINUTE, SECOND, useFakeClock, type FakeClock } from './utils/fake-clock';
import {
  clearRateLimits,
  createAccount,
  createIdentityApp,
  DEMO_USERS,
  rawRedis,
  signInResident,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

/** The sessions suite's phones 0–4 are its own; this suite takes 8–11 of the same slice. */
const phone = PHONES.sessions.slice(8);

/**
 * Sessions with two API replicas on one database and Redis prefix (issue 10: the read path keeps
 * sessions on the server). Session look-ups are batched (one MGET for the requests of a loop turn)
 * and kept in each process only until Redis invalidates them (src/redis/tracked-cache.ts; each
 * replica here has that cache on, as in production), so an ended session is refused by every
 * replica on its next request; the idle
 * timeout is slid at most once per SESSION_TOUCH_INTERVAL_MS, so a session ends no later than its
 * idle timeout after the last slide (up to one interval earlier than after the last request).
 */
describe('sessions across replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;

  beforeAll(async () => {
    a = await createIdentityApp();
    b = await createIdentityApp();
    await clearRateLimits(a.config);
    admin = (await signInStaff(a, DEMO_USERS.admin)).cookie;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const me = (t: TestApp, cookie: string) => request(t.server).get('/api/auth/me').set('cookie', cookie);

  it('logout on replica A → replica B refuses the cookie on its very next request', async () => {
    const { cookie, user } = await signInResident(a, phone[0]!);
    expect((await me(b, cookie).expect(200)).body.user.id).toBe(user.id);
    await request(a.server).post('/api/auth/logout').set('cookie', cookie).expect(204);
    await me(b, cookie).expect(401);
    await request(b.server).get('/api/applications').set('cookie', cookie).expect(401);
  });

  it('a session B serves from memory: logout on A → B refuses it on its very next request', async () => {
    const cache = b.app.get<TrackedCache>(SESSION_CACHE);
    const { cookie } = await signInStaff(a, DEMO_USERS.auditor);
    // Until B answers it without asking Redis (its cache starts with its first look-up).
    for (let attempt = 0; ; attempt++) {
      const hits = cache.stats().hits;
      await me(b, cookie).expect(200);
      if (cache.stats().hits > hits) break;
      if (attempt > 200) throw new Error('B never served the session from memory');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await request(a.server).post('/api/auth/logout').set('cookie', cookie).expect(204);
    await me(b, cookie).expect(401);
  });

  it('an account disabled on A → each of its sessions refused by B at once', async () => {
    const username = uniqueUsername('replica');
    const id = await createAccount(a, admin, { username, role: 'finance' });
    const sessions = [
      await signInStaff(a, username, STRONG_PASSWORD),
      await signInStaff(b, username, STRONG_PASSWORD),
    ];
    for (const s of sessions) await me(b, s.cookie).expect(200);
    await request(a.server)
      .patch(`/api/admin/users/${id}`)
      .set('cookie', admin)
      .send({ disabled: true })
      .expect(200);
    for (const s of sessions) {
      await me(b, s.cookie).expect(401);
      await me(a, s.cookie).expect(401);
    }
  });

  it('requests arriving together (one batched look-up) each get their own user; an unknown cookie among them is 401', async () => {
    const signedIn = [
      await signInStaff(a, DEMO_USERS.finance),
      await signInStaff(a, DEMO_USERS.auditor),
      await signInStaff(a, DEMO_USERS.reviewer),
      await signInStaff(a, DEMO_USERS.dealer),
    ];
    const cookies = [...signedIn.map((s) => s.cookie), `hx_sid=${'B'.repeat(43)}`];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => me(b, cookies[i % cookies.length]!)),
    );
    answers.forEach((res, i) => {
      const expected = signedIn[i % cookies.length];
      if (expected) {
        expect(res.status).toBe(200);
        expect(res.body.user.id).toBe(expected.user.id);
      } else {
        expect(res.status).toBe(401);
      }
    });
  });

  describe('the throttled idle-timeout touch (fake clock on both replicas)', () => {
    let clocks: FakeClock[];
    beforeEach(async () => {
      await clearRateLimits(a.config);
      const start = new Date();
      clocks = [useFakeClock(a.app, start), useFakeClock(b.app, start)];
    });
    afterEach(() => clocks.forEach((clock) => clock.restore()));
    const advance = (ms: number) => clocks.forEach((clock) => clock.advance(ms));

    /** What Redis holds for the session (the stored lastSeenAt, in the fake clock's ms). */
    const stored = async (cookie: string) => {
      const id = cookie.split('=')[1]!;
      const key = `${a.config.redis.prefix}:sess:${createHash('sha256').update(id).digest('base64url')}`;
      const redis = rawRedis(a.config);
      try {
        const raw = await redis.get(key);
        return raw ? (JSON.parse(raw) as { lastSeenAt: number }) : null;
      } finally {
        redis.disconnect();
      }
    };

    it('a request within the interval does not rewrite the session; one after it does', async () => {
      const { cookie } = await signInResident(a, phone[1]!);
      const signedInAt = clocks[0]!.now().getTime();
      expect((await stored(cookie))?.lastSeenAt).toBe(signedInAt);
      advance(SESSION_TOUCH_INTERVAL_MS - SECOND);
      await me(b, cookie).expect(200);
      expect((await stored(cookie))?.lastSeenAt).toBe(signedInAt);
      advance(2 * SECOND);
      await me(a, cookie).expect(200);
      expect((await stored(cookie))?.lastSeenAt).toBe(signedInAt + SESSION_TOUCH_INTERVAL_MS + SECOND);
    });

    it('a resident active every 30 s, alternating replicas, stays signed in for 45 minutes', async () => {
      const { cookie } = await signInResident(a, phone[2]!);
      for (let elapsed = 0; elapsed < 45 * MINUTE; elapsed += 30 * SECOND) {
        advance(30 * SECOND);
        await me(elapsed % MINUTE ? a : b, cookie).expect(200);
      }
    });

    it('idle 30 min after the last slide → 401 on both replicas, though a later request (not recorded) came 50 s after it; idle exactly 30 min after a slide is still signed in', async () => {
      const { cookie } = await signInResident(a, phone[3]!);
      advance(SESSION_TOUCH_INTERVAL_MS);
      await me(a, cookie).expect(200); // slides: the idle timeout now counts from here
      advance(50 * SECOND);
      await me(b, cookie).expect(200); // within the interval: not recorded
      advance(30 * MINUTE - 50 * SECOND);
      await me(b, cookie).expect(200); // exactly 30 min after the slide: still signed in (and slides)
      advance(50 * SECOND);
      await me(a, cookie).expect(200); // not recorded
      advance(30 * MINUTE - 50 * SECOND + SECOND);
      await me(b, cookie).expect(401);
      await me(a, cookie).expect(401);
      expect(await stored(cookie)).toBeNull();
    });
  });
});
