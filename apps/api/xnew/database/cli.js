"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/* Database maintenance: `node dist/database/cli.js <run|check|generate Name>`. */
require("reflect-metadata");
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const config_1 = require("../config/config");
const data_source_1 = require("./data-source");
const ensure_database_1 = require("./ensure-database");
const schema_drift_1 = require("./schema-drift");
async function main() {
    const [command, name] = process.argv.slice(2);
    const config = (0, config_1.loadConfig)();
    if (config.database.createIfMissing)
        await (0, ensure_database_1.ensureDatabase)(config.database.url);
    const dataSource = (0, data_source_1.createDataSource)(config);
    await dataSource.initialize();
    try {
        if (command === 'run') {
            const ran = await dataSource.runMigrations({ transaction: 'each' });
            console.log(`applied ${ran.length} migration(s)`);
        }
        else if (command === 'check') {
            await dataSource.runMigrations({ transaction: 'each' });
            const pending = await (0, schema_drift_1.pendingSchemaChanges)(dataSource);
            if (pending.up.length) {
                console.error(`entities and migrations disagree:\n${pending.up.join(';\n')}`);
                process.exitCode = 1;
            }
            else
                console.log('entities and migrations agree');
        }
        else if (command === 'generate' && name && /^[A-Z][A-Za-z0-9]+$/.test(name)) {
            await dataSource.runMigrations({ transaction: 'each' });
            const pending = await (0, schema_drift_1.pendingSchemaChanges)(dataSource);
            if (!pending.up.length) {
                console.log('no changes');
                return;
            }
            const stamp = Date.now();
            // __dirname is src/database (tsx) or dist/database (compiled): both sit two levels below the package.
            const file = node_path_1.default.resolve(__dirname, '..', '..', 'src', 'database', 'migrations', `${stamp}-${name}.ts`);
            const lines = (queries) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
            node_fs_1.default.writeFileSync(file, `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(pending.up)}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${lines(pending.down)}\n  }\n}\n`);
            console.log(`wrote ${node_path_1.default.relative(process.cwd(), file)}: add it to migrations/index.ts and review it`);
        }
        else {
            console.error('usage: cli.js run | check | generate <PascalCaseName>');
            process.exitCode = 2;
        }
    }
    finally {
        await dataSource.destroy();
    }
}
main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
//# sourceMappingURL=cli.js.map