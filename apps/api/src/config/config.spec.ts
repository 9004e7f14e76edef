import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, DEV_APP_SECRET, loadConfig } from './config';
import { ENV_KEYS } from './env.schema';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/huanxin');
    expect(config.database.createIfMissing).toBe(true);
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379/0', prefix: 'huanxin' });
    expect(config.storage.dataDir).toBe(path.resolve('./data'));
    expect(config.secrets.appSecret).toBe(DEV_APP_SECRET);
  });

  it('parses numbers and keeps given values', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_PREFIX: 'run-1',
      DATABASE_POOL_SIZE: '4',
      PUBLIC_ORIGIN: 'https://hx.example.gov.cn/',
    });
    expect(config.http.port).toBe(8080);
    expect(config.redis.prefix).toBe('run-1');
    expect(config.database.poolSize).toBe(4);
    expect(config.http.publicOrigin).toBe('https://hx.example.gov.cn');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ REDIS_PREFIX: 'has space' }, 'REDIS_PREFIX'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %p naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems.some((problem) => problem.startsWith(`${name}:`))).toBe(true);
    }
  });

  const production = {
    NODE_ENV: 'production',
    APP_SECRET: 'k3Jd9s0Qm2Lx7Vb4Nc8Zr1Tf6Hy5Wg0Pa',
    PII_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    PII_INDEX_KEY: 'Qw8Er4Ty2Ui6Op0As3Df7Gh1Jk5Lz9Xc',
    SMS_TRANSPORT: 'http',
    SMS_HTTP_URL: 'https://sms-gateway.internal/send',
    PUBLIC_ORIGIN: 'https://huanxin.zhangqiu.gov.cn',
  };

  it('starts in production with strong secrets, no database creation, no demo password, TOTP for staff', () => {
    const config = loadConfig(production);
    expect(config.isProduction).toBe(true);
    expect(config.database.createIfMissing).toBe(false);
    expect(config.auth.demoPassword).toBeUndefined();
    expect(config.auth.staffMfa).toBe('totp');
    expect(config.pii.keys.map((key) => key.id)).toEqual(['k1']);
  });

  it.each([
    ['APP_SECRET', { APP_SECRET: undefined }, /APP_SECRET: required in production/],
    ['APP_SECRET', { APP_SECRET: 'short' }, /APP_SECRET: too weak/],
    ['APP_SECRET', { APP_SECRET: DEV_APP_SECRET }, /APP_SECRET: too weak/],
    [
      'PII_ENCRYPTION_KEYS',
      { PII_ENCRYPTION_KEYS: undefined },
      /PII_ENCRYPTION_KEYS: required in production/,
    ],
    ['PII_ENCRYPTION_KEYS', { PII_ENCRYPTION_KEYS: 'k1:tooshort' }, /PII_ENCRYPTION_KEYS must be/],
    ['PII_INDEX_KEY', { PII_INDEX_KEY: 'weak' }, /PII_INDEX_KEY: required in production/],
    ['SMS_TRANSPORT', { SMS_TRANSPORT: 'dev-outbox' }, /dev-outbox does not exist in production/],
    ['SMS_TRANSPORT', { SMS_TRANSPORT: 'console' }, /console does not exist in production/],
    ['PUBLIC_ORIGIN', { PUBLIC_ORIGIN: undefined }, /PUBLIC_ORIGIN: required in production/],
    ['PUBLIC_ORIGIN', { PUBLIC_ORIGIN: 'http://huanxin.zhangqiu.gov.cn' }, /PUBLIC_ORIGIN: must be https/],
  ])('stops a production start on a missing or weak %s, with a clear message', (_name, change, message) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(message);
  });

  describe('production defaults are safe whatever else is set (issue 9 item 13)', () => {
    it('session cookies are Secure in production, even if the origin check were bypassed', () => {
      expect(loadConfig(production).auth.secureCookies).toBe(true);
      expect(loadConfig({ PUBLIC_ORIGIN: 'http://localhost:3000' }).auth.secureCookies).toBe(false);
      expect(loadConfig({ PUBLIC_ORIGIN: 'https://hx.example.gov.cn' }).auth.secureCookies).toBe(true);
    });

    it.each([
      [{}, true],
      [{ API_DOCS: 'off' }, false],
      [production, false],
      [{ ...production, API_DOCS: 'on' }, true],
      [{ ...production, API_DOCS: 'off' }, false],
    ])('OpenAPI docs for %p: %s', (env, on) => {
      expect(loadConfig(env).http.apiDocs).toBe(on);
    });

    it('refuses an unknown API_DOCS value', () => {
      expect(() => loadConfig({ API_DOCS: 'yes' })).toThrow(/API_DOCS/);
    });
  });

  it('limits reveals to 20 per reviewer per day by default (REVEAL_LIMIT_PER_DAY)', () => {
    expect(loadConfig({}).reveal.limitPerDay).toBe(20);
    expect(loadConfig({ REVEAL_LIMIT_PER_DAY: '3' }).reveal.limitPerDay).toBe(3);
    expect(() => loadConfig({ REVEAL_LIMIT_PER_DAY: '0' })).toThrow(/REVEAL_LIMIT_PER_DAY/);
  });

  it('keeps demo accounts and the dev SMS outbox outside production only', () => {
    const config = loadConfig({});
    expect(config.auth.demoPassword).toBe('demo-password-2026');
    expect(config.sms.transport).toBe('dev-outbox');
    expect(config.auth.staffMfa).toBe('off');
  });

  it('declares every variable to turbo, which drops undeclared ones inside tasks', () => {
    const turbo = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'turbo.json'), 'utf8'),
    ) as {
      globalPassThroughEnv: string[];
    };
    const missing = ENV_KEYS.filter((key) => !turbo.globalPassThroughEnv.includes(key));
    expect(missing).toEqual([]);
  });
});
