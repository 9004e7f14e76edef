import type { FastifyReply } from 'fastify';
import { loadConfig } from '../config/config';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from './session-cookie';

function recordingReply() {
  const calls: { name: string; options: Record<string, unknown> }[] = [];
  const reply = {
    setCookie: (name: string, _value: string, options: Record<string, unknown>) => {
      calls.push({ name, options });
      return reply;
    },
    clearCookie: (name: string, options: Record<string, unknown>) => {
      calls.push({ name, options });
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, calls };
}

const production = loadConfig({
  NODE_ENV: 'production',
  APP_SECRET: 'k3Jd9s0Qm2Lx7Vb4Nc8Zr1Tf6Hy5Wg0Pa',
  PII_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  PII_INDEX_KEY: 'Qw8Er4Ty2Ui6Op0As3Df7Gh1Jk5Lz9Xc',
  SMS_TRANSPORT: 'http',
  SMS_HTTP_URL: 'https://sms-gateway.invalid/send',
  PUBLIC_ORIGIN: 'https://huanxin.zhangqiu.gov.cn',
});

describe('session cookie attributes', () => {
  it('production: __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/ (set and cleared alike)', () => {
    const { reply, calls } = recordingReply();
    setSessionCookie(production, reply, 'x'.repeat(43));
    clearSessionCookie(production, reply);
    for (const call of calls) {
      expect(call.name).toBe('__Host-hx_sid');
      expect(call.options).toEqual(
        expect.objectContaining({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' }),
      );
    }
  });

  it('development over plain HTTP: no prefix and not Secure (a browser would drop it)', () => {
    const development = loadConfig({ PUBLIC_ORIGIN: 'http://localhost:3000' });
    const { reply, calls } = recordingReply();
    setSessionCookie(development, reply, 'x'.repeat(43));
    expect(sessionCookieName(development)).toBe('hx_sid');
    expect(calls[0]!.options).toEqual(expect.objectContaining({ secure: false, httpOnly: true }));
  });
});
