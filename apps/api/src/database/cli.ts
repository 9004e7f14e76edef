/* Database maintenance: `node dist/database/cli.js <run|check|generate Name>`. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { createDataSource } from './data-source';
import { ensureDatabase } from './ensure-database';
import { pendingSchemaChanges } from './schema-drift';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  if (config.database.createIfMissing) await ensureDatabase(config.database.url);
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      console.log(`applied ${ran.length} migration(s)`);
    } else if (command === 'check') {
      await dataSource.runMigrations({ transaction: 'each' });
      const pending = await pendingSchemaChanges(dataSource);
      if (pending.up.length) {
        console.error(`entities and migrations disagree:\n${pending.up.join(';\n')}`);
        process.exitCode = 1;
      } else console.log('entities and migrations agree');
    } else if (command === 'generate' && name && /^[A-Z][A-Za-z0-9]+$/.test(name)) {
      await dataSource.runMigrations({ transaction: 'each' });
      const pending = await pendingSchemaChanges(dataSource);
      if (!pending.up.length) {
        console.log('no changes');
        return;
      }
      const stamp = Date.now();
      // __dirname is src/database (tsx) or dist/database (compiled): both sit two levels below the package.
      const file = path.resolve(
        __dirname,
        '..',
        '..',
        'src',
        'database',
        'migrations',
        `${stamp}-${name}.ts`,
      );
      const lines = (queries: string[]) =>
        queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
      fs.writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(pending.up)}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${lines(pending.down)}\n  }\n}\n`,
      );
      console.log(`wrote ${path.relative(process.cwd(), file)}: add it to migrations/index.ts and review it`);
    } else {
      console.error('usage: cli.js run | check | generate <PascalCaseName>');
      process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
