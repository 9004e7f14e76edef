/**
 * Creates the first administrator (production starts with no accounts):
 *   printf '%s' "$ADMIN_PASSWORD" | node apps/api/dist/cli/create-admin.js --username admin --display-name 系统管理员
 * and the first security administrator (三员; `--role security_admin`): an `admin` cannot create one
 * through the API, since role changes are the security administrator's duty.
 * The password is read from standard input (never from the command line, which other users can
 * see), must pass the password policy, and the creation is written to the audit log.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { hashPassword } from '../auth/password.service';
import { checkPassword, loadPasswordBlocklist } from '../auth/password-policy';
import { createLogger } from '../common/logging/logger';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { prepareDatabase } from '../database/prepare';
import { UserEntity } from '../users/user.entity';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string', default: 'admin' },
    },
  });
  const role = values.role;
  if (role !== 'admin' && role !== 'security_admin') throw new Error('--role: admin or security_admin');
  const username = values.username?.trim().toLowerCase();
  if (!username || !/^[a-z][a-z0-9._-]{2,31}$/.test(username))
    throw new Error('--username: 3–32 characters, a–z, 0–9, . _ -, starting with a letter');
  const displayName = values['display-name']?.trim() || username;
  const config = loadConfig();
  loadPasswordBlocklist(config.auth.passwordBlocklistFile);
  const password = await readStdin();
  const weak = checkPassword(password, { username, displayName });
  if (weak)
    throw new Error(`password refused: ${weak} (12–128 characters, not common, not containing the username)`);

  const logger = createLogger({ level: config.log.level, name: 'create-admin' });
  await prepareDatabase(config, logger);
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  try {
    const passwordHash = await hashPassword(password);
    await dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ role, username, displayName, passwordHash })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new Error(`an account named ${username} exists already`);
      await manager.query(
        `INSERT INTO audit_log (action, object_type, object_id, result, detail) VALUES ('user.created', 'user', $1, 'success', $2::jsonb)`,
        [id, JSON.stringify({ role, via: 'cli' })],
      );
    });
    console.log(
      `${role === 'admin' ? 'administrator' : 'security administrator'} ${username} created${config.auth.staffMfa === 'totp' ? '; the first sign-in sets up the authenticator app' : ''}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
