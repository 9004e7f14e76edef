"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditObjectIndex1796150000010 = void 0;
/**
 * The auditor's "everything about this record" filter (`GET /api/audit?objectType=&objectId=`,
 * issue 15): without an index PostgreSQL walks the whole log backwards by `seq` looking for the
 * record's rows. `(object_type, object_id, seq)` answers it, newest first, from the index alone
 * (test/hot-query-plans.int-spec.ts). Built CONCURRENTLY, outside a transaction: the log is the
 * biggest table in production and every audited change inserts into it, so a build that blocks
 * inserts would stall the portal for the minutes it takes.
 */
class AuditObjectIndex1796150000010 {
    constructor() {
        this.name = 'AuditObjectIndex1796150000010';
        this.transaction = false;
    }
    async up(queryRunner) {
        // A build interrupted before leaves an INVALID index of this name: drop it and build again.
        await queryRunner.query('DROP INDEX CONCURRENTLY IF EXISTS "IDX_audit_log_object"');
        await queryRunner.query('CREATE INDEX CONCURRENTLY "IDX_audit_log_object" ON "audit_log" ("object_type", "object_id", "seq") ');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX CONCURRENTLY IF EXISTS "IDX_audit_log_object"');
    }
}
exports.AuditObjectIndex1796150000010 = AuditObjectIndex1796150000010;
//# sourceMappingURL=1796150000010-AuditObjectIndex.js.map