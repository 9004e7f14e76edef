import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auditor's "everything about this record" filter (`GET /api/audit?objectType=&objectId=`,
 * issue 15): without an index PostgreSQL walks the whole log backwards by `seq` looking for the
 * record's rows. `(object_type, object_id, seq)` answers it, newest first, from the index alone
 * (test/hot-query-plans.int-spec.ts). Built CONCURRENTLY, outside a transaction: the log is the
 * biggest table in production and every audited change inserts into it, so a build that blocks
 * inserts would stall the portal for the minutes it takes.
 */
export class AuditObjectIndex1796150000010 implements MigrationInterface {
  name = 'AuditObjectIndex1796150000010';
  transaction = false as const;

  async up(queryRunner: QueryRunner): Promise<void> {
    // A build interrupted before leaves an INVALID index of this name: drop it and build again.
    await queryRunner.query('DROP INDEX CONCURRENTLY IF EXISTS "IDX_audit_log_object"');
    await queryRunner.query(
      'CREATE INDEX CONCURRENTLY "IDX_audit_log_object" ON "audit_log" ("object_type", "object_id", "seq") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX CONCURRENTLY IF EXISTS "IDX_audit_log_object"');
  }
}
