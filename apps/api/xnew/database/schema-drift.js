"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pendingSchemaChanges = pendingSchemaChanges;
/** The SQL TypeORM would run to make the database match the entities; empty when they agree. */
async function pendingSchemaChanges(dataSource) {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return {
        up: log.upQueries.map((q) => q.query),
        down: log.downQueries.map((q) => q.query).reverse(),
    };
}
//# sourceMappingURL=schema-drift.js.map