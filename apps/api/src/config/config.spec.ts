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
    const config = loadConfig({ PORT: '8080', REDIS_PREFIX: 'run-1', DATABASE_POOL_SIZE: '4', PUBLIC_ORIGIN: 'https://hx.example.gov.cn/' });
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

  it('stops a production start without a strong secret, with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/APP_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: 'short' })).toThrow(/APP_SECRET: too weak/);
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: DEV_APP_SECRET })).toThrow(/too weak/);
    const config = loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(16) + 'Y'.repeat(16) + 'z' });
    expect(config.isProduction).toBe(true);
    expect(config.database.createIfMissing).toBe(false);
  });

  it('declares every variable to turbo, which drops undeclared ones inside tasks', () => {
    const turbo = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'turbo.json'), 'utf8')) as {
      globalPassThroughEnv: string[];
    };
    const missing = ENV_KEYS.filter((key) => !turbo.globalPassThroughEnv.includes(key));
    expect(missing).toEqual([]);
  });
});
