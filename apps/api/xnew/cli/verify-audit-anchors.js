"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Verifies a database's audit log against the anchors the worker wrote outside it:
 *   node apps/api/dist/cli/verify-audit-anchors.js --anchors /mnt/worm/anchors.jsonl \
 *     --database-url postgres://auditor@db/huanxin
 * A dump is verified by restoring it into a scratch database first (`createdb scratch &&
 * pg_restore -d scratch dump`, or `psql scratch < dump.sql`) and pointing `--database-url` at it.
 *
 * It only reads (no migrations, no writes), so it can run with a read-only role. Prints the
 * report as JSON; exit code 0 when the chain verifies and every anchor matches, 1 when not, 2
 * when it could not check (bad arguments, no database).
 */
require("reflect-metadata");
const node_util_1 = require("node:util");
const typeorm_1 = require("typeorm");
const audit_anchor_1 = require("../audit/audit-anchor");
const audit_repository_1 = require("../audit/audit.repository");
const USAGE = 'usage: verify-audit-anchors --anchors <file> --database-url <url> [--unchained-max-age-seconds <n>]';
async function main() {
    const { values } = (0, node_util_1.parseArgs)({
        options: {
            anchors: { type: 'string' },
            'database-url': { type: 'string' },
            'unchained-max-age-seconds': { type: 'string', default: '60' },
        },
    });
    // Named on the command line, not read from the environment: the auditor says which database.
    const url = values['database-url'];
    const maxAge = Number(values['unchained-max-age-seconds']);
    if (!values.anchors || !url || !Number.isInteger(maxAge) || maxAge < 0) {
        console.error(USAGE);
        return 2;
    }
    const file = await (0, audit_anchor_1.readAnchorFile)(values.anchors);
    const dataSource = new typeorm_1.DataSource({ type: 'postgres', url, entities: [], installExtensions: false });
    await dataSource.initialize();
    try {
        const report = await (0, audit_anchor_1.verifyAgainstAnchors)(dataSource, file, await (0, audit_repository_1.verifyAuditChain)(dataSource, maxAge));
        console.log(JSON.stringify(report, null, 2));
        return report.ok ? 0 : 1;
    }
    finally {
        await dataSource.destroy();
    }
}
main().then((code) => {
    process.exitCode = code;
}, (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
});
//# sourceMappingURL=verify-audit-anchors.js.map