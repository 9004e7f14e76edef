"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HotIndexes1796124780010 = void 0;
/**
 * Every foreign key and hot lookup has an index (issue 10, item 2). Without them a claim's
 * documents (listed, counted and hash-checked on every submit) and its claim keys (history,
 * release) were read by scanning the whole table, and deleting a program version or an
 * organization checked its RESTRICT key the same way. `budget_ledger (subject_id)` serves the
 * per-claim ledger reads (audit of a claim's money, the load benchmark's "reserved twice" check).
 * test/hot-query-plans.int-spec.ts asserts the hot queries' plans at 100k claims.
 */
class HotIndexes1796124780010 {
    constructor() {
        this.name = 'HotIndexes1796124780010';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE INDEX "IDX_2d07ad97884d4a29df6503f55d" ON "user_account"  ("organization_id") ');
        await queryRunner.query('CREATE INDEX "IDX_b6b75c6588b38a08bffb4c3169" ON "application"  ("program_version_id") ');
        await queryRunner.query('CREATE INDEX "IDX_f1a7e1e9e6acf7c76e5379cfc8" ON "claim_key"  ("application_id") ');
        await queryRunner.query('CREATE INDEX "IDX_8e87d619243195f931d0464043" ON "budget_ledger"  ("subject_id") ');
        await queryRunner.query('CREATE INDEX "IDX_49f4aa9cdf8d6ae270c557db9f" ON "application_document"  ("application_id") ');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_49f4aa9cdf8d6ae270c557db9f"');
        await queryRunner.query('DROP INDEX "public"."IDX_8e87d619243195f931d0464043"');
        await queryRunner.query('DROP INDEX "public"."IDX_f1a7e1e9e6acf7c76e5379cfc8"');
        await queryRunner.query('DROP INDEX "public"."IDX_b6b75c6588b38a08bffb4c3169"');
        await queryRunner.query('DROP INDEX "public"."IDX_2d07ad97884d4a29df6503f55d"');
    }
}
exports.HotIndexes1796124780010 = HotIndexes1796124780010;
//# sourceMappingURL=1796124780010-HotIndexes.js.map