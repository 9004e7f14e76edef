"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ensureDatabase = ensureDatabase;
exports.dropDatabase = dropDatabase;
const pg_1 = require("pg");
/**
 * Outside production the database named in DATABASE_URL is created when missing, so a fresh
 * machine needs nothing but a running PostgreSQL. Production databases are provisioned by operators.
 */
async function ensureDatabase(url) {
    const target = new URL(url);
    const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
    if (!name)
        throw new Error('DATABASE_URL names no database');
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const client = new pg_1.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount)
            return false;
        // Identifiers cannot be bound as parameters; quote it the way PostgreSQL does.
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        return true;
    }
    catch (error) {
        // The API and the worker start together and may race to create it: the loser sees either
        // "database exists" (42P04) or a unique violation on pg_database (23505).
        const code = error.code;
        if (code === '42P04' || code === '23505')
            return false;
        throw error;
    }
    finally {
        await client.end();
    }
}
async function dropDatabase(url) {
    const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const client = new pg_1.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
        await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    }
    finally {
        await client.end();
    }
}
//# sourceMappingURL=ensure-database.js.map