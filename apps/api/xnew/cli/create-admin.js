"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Creates the first administrator (production starts with no accounts):
 *   printf '%s' "$ADMIN_PASSWORD" | node apps/api/dist/cli/create-admin.js --username admin --display-name 系统管理员
 * and the first security administrator (三员; `--role security_admin`): an `admin` cannot create one
 * through the API, since role changes are the security administrator's duty.
 * The password is read from standard input (never from the command line, which other users can
 * see), must pass the password policy, and the creation is written to the audit log.
 */
require("reflect-metadata");
const node_util_1 = require("node:util");
const password_service_1 = require("../auth/password.service");
const password_policy_1 = require("../auth/password-policy");
const logger_1 = require("../common/logging/logger");
const config_1 = require("../config/config");
const data_source_1 = require("../database/data-source");
const prepare_1 = require("../database/prepare");
const user_entity_1 = require("../users/user.entity");
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '');
}
async function main() {
    const { values } = (0, node_util_1.parseArgs)({
        options: {
            username: { type: 'string' },
            'display-name': { type: 'string' },
            role: { type: 'string', default: 'admin' },
        },
    });
    const role = values.role;
    if (role !== 'admin' && role !== 'security_admin')
        throw new Error('--role: admin or security_admin');
    const username = values.username?.trim().toLowerCase();
    if (!username || !/^[a-z][a-z0-9._-]{2,31}$/.test(username))
        throw new Error('--username: 3–32 characters, a–z, 0–9, . _ -, starting with a letter');
    const displayName = values['display-name']?.trim() || username;
    const config = (0, config_1.loadConfig)();
    (0, password_policy_1.loadPasswordBlocklist)(config.auth.passwordBlocklistFile);
    const password = await readStdin();
    const weak = (0, password_policy_1.checkPassword)(password, { username, displayName });
    if (weak)
        throw new Error(`password refused: ${weak} (12–128 characters, not common, not containing the username)`);
    const logger = (0, logger_1.createLogger)({ level: config.log.level, name: 'create-admin' });
    await (0, prepare_1.prepareDatabase)(config, logger);
    const dataSource = (0, data_source_1.createDataSource)(config);
    await dataSource.initialize();
    try {
        const passwordHash = await (0, password_service_1.hashPassword)(password);
        await dataSource.transaction(async (manager) => {
            const inserted = await manager
                .createQueryBuilder()
                .insert()
                .into(user_entity_1.UserEntity)
                .values({ role, username, displayName, passwordHash })
                .orIgnore()
                .returning(['id'])
                .execute();
            const id = inserted.raw[0]?.id;
            if (!id)
                throw new Error(`an account named ${username} exists already`);
            await manager.query(`INSERT INTO audit_log (action, object_type, object_id, result, detail) VALUES ('user.created', 'user', $1, 'success', $2::jsonb)`, [id, JSON.stringify({ role, via: 'cli' })]);
        });
        console.log(`${role === 'admin' ? 'administrator' : 'security administrator'} ${username} created${config.auth.staffMfa === 'totp' ? '; the first sign-in sets up the authenticator app' : ''}`);
    }
    finally {
        await dataSource.destroy();
    }
}
main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
//# sourceMappingURL=create-admin.js.map