import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { seedPrograms } from '../src/database/seeds/programs.seed';
import { loadConfig } from '../src/config/config';

const API_ROOT = path.join(__dirname, '..');

describe('program catalogue seed', () => {
  it('does not overwrite an existing program on a restart (budget and version kept)', async () => {
    const dataSource = createDataSource(loadConfig());
    await dataSource.initialize();
    try {
      await dataSource.query(
        `UPDATE budget SET total_fen = total_fen + 123, remaining_fen = remaining_fen + 123 WHERE program_id = (SELECT id FROM program WHERE code = 'ebike-2026')`,
      );
      const before = (await dataSource.query(
        `SELECT b.total_fen, p.current_version_id FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = 'ebike-2026'`,
      )) as unknown[];
      expect(await seedPrograms(dataSource)).toEqual([]);
      const after = (await dataSource.query(
        `SELECT b.total_fen, p.current_version_id FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = 'ebike-2026'`,
      )) as unknown[];
      expect(after).toEqual(before);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('create-admin CLI (the first administrator in production)', () => {
  const run = (args: string[], password: string) =>
    spawnSync(
      process.execPath,
      [
        path.join(API_ROOT, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'src/cli/create-admin.ts',
        ...args,
      ],
      {
        cwd: API_ROOT,
        input: password,
        env: { ...process.env, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('creates an administrator from a password on standard input, audited', async () => {
    const result = run(
      ['--username', 'chiefadmin', '--display-name', '区商务中心管理员'],
      'violet-kettle-harbour-77',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const dataSource = createDataSource(loadConfig());
    await dataSource.initialize();
    try {
      const [user] = (await dataSource.query(
        `SELECT id, role, password_hash FROM user_account WHERE username = 'chiefadmin'`,
      )) as { id: string; role: string; password_hash: string }[];
      expect(user).toMatchObject({ role: 'admin', password_hash: expect.stringMatching(/^\$argon2id\$/) });
      const audit = (await dataSource.query(
        `SELECT detail FROM audit_log WHERE action = 'user.created' AND object_id = $1`,
        [user!.id],
      )) as { detail: { via: string } }[];
      expect(audit[0]!.detail.via).toBe('cli');
    } finally {
      await dataSource.destroy();
    }
  }, 60_000);

  it.each([
    [['--username', 'weakadmin'], 'password1234', /PASSWORD_TOO_COMMON/],
    [['--username', 'shortadmin'], 'short', /PASSWORD_TOO_SHORT/],
    [['--username', 'X'], 'violet-kettle-harbour-77', /--username/],
    [['--username', 'chiefadmin'], 'violet-kettle-harbour-78', /exists already/],
  ])(
    'refuses %p and exits non-zero with a clear message',
    (args, password, message) => {
      const result = run(args, password);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    },
    60_000,
  );
});
