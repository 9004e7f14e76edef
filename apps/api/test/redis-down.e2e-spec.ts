import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createIdentityApp } from './utils/identity';
import { createResident } from './utils/residents';
import type { TestApp } from './utils/test-app';

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** A private, throw-away redis-server (never the shared one), answering PING before we go on. */
async function startRedis(port: number): Promise<{ process: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanxin-redis-down-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('PING\r\n');
      });
      socket.on('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return { process: child, dir };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error('private redis-server did not start');
}

/**
 * Issue 9 item 13: with Redis down, a signed-in request cannot resolve its session. It must get
 * 503 SERVICE_UNAVAILABLE in the error shape (a client retries a 503; a 500 says "broken"), and
 * the routes that need no Redis keep working.
 */
describe('Redis down (a private redis-server, stopped by the test)', () => {
  let t: TestApp;
  let redis: { process: ChildProcess; dir: string };
  let cookie: string;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    t = await createIdentityApp({ REDIS_URL: `redis://127.0.0.1:${port}/0` });
    cookie = (await createResident(t, 9201)).cookie;
    await request(t.server).get('/api/auth/me').set('cookie', cookie).expect(200);
    redis.process.kill('SIGKILL');
    await once(redis.process, 'exit');
  });
  afterAll(async () => {
    await t.close();
    if (redis.process.exitCode === null) redis.process.kill('SIGKILL');
    fs.rmSync(redis.dir, { recursive: true, force: true });
  });

  it.each([
    ['GET', '/api/auth/me'],
    ['GET', '/api/me/profile'],
    ['GET', '/api/applications'],
    ['POST', '/api/auth/logout'],
  ])('signed in: %s %s → 503 SERVICE_UNAVAILABLE with Retry-After, not a 500', async (method, url) => {
    const call = request(t.server)[method.toLowerCase() as 'get'](url).set('cookie', cookie);
    const res = await call;
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/unavailable/i) },
    });
  });

  it('an SMS code request fails closed: 503, not a 500', async () => {
    const res = await request(t.server).post('/api/auth/otp').send({ phone: '13905329998' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toEqual(expect.stringMatching(/UNAVAILABLE/));
  });

  it('health says which check is down (503), and public reads that need no Redis still answer', async () => {
    const health = await request(t.server).get('/api/health').expect(503);
    expect(health.body.checks.redis).not.toBe('ok');
    await request(t.server).get('/api/programs').expect(200);
  });
});
