"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Returns1796160000010 = void 0;
/**
 * Returns (issue 14, operations.md §6): a claim can be `cancelled` (goods returned), an approved
 * claim's commitment given back by a `decommit` ledger row, a sale carries its reported return,
 * and a receivable is owed either on a sampled case (clawback) or on a returned sale, the latter
 * with its due date.
 */
class Returns1796160000010 {
    constructor() {
        this.name = 'Returns1796160000010';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "application" DROP CONSTRAINT "application_status_known"');
        await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "application_status_known" CHECK ("status" IN ('draft', 'submitted', 'checking', 'in_review', 'returned', 'approved', 'paid', 'rejected', 'withdrawn', 'expired', 'cancelled'))`);
        await queryRunner.query('ALTER TABLE "budget_ledger" DROP CONSTRAINT "budget_ledger_entry_known"');
        await queryRunner.query(`ALTER TABLE "budget_ledger" ADD CONSTRAINT "budget_ledger_entry_known" CHECK ("entry" IN ('reserve', 'release', 'commit', 'decommit', 'pay', 'adjust'))`);
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD "returned_on" date');
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD "return_reason" text');
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD "return_outcome" text');
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD "returned_at" TIMESTAMP WITH TIME ZONE');
        await queryRunner.query(`ALTER TABLE "dealer_sale" ADD CONSTRAINT "dealer_sale_returned_consistent" CHECK (("status" = 'returned') = ("returned_on" IS NOT NULL AND "return_reason" IS NOT NULL AND "return_outcome" IS NOT NULL AND "returned_at" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "dealer_sale" ADD CONSTRAINT "dealer_sale_return_outcome_known" CHECK ("return_outcome" IS NULL OR "return_outcome" IN ('cancelled', 'removed_from_batch', 'receivable'))`);
        await queryRunner.query('ALTER TABLE "receivable" ADD "sale_id" uuid');
        await queryRunner.query('ALTER TABLE "receivable" ADD "due_on" date');
        await queryRunner.query('ALTER TABLE "receivable" ALTER COLUMN "sample_item_id" DROP NOT NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_734fb2aba9f4807f31a7456258" ON "receivable"  ("sale_id") ');
        await queryRunner.query(`ALTER TABLE "receivable" ADD CONSTRAINT "receivable_return_due" CHECK ("sale_id" IS NULL OR ("due_on" IS NOT NULL AND "payee_kind" = 'dealer'))`);
        await queryRunner.query('ALTER TABLE "receivable" ADD CONSTRAINT "receivable_one_source" CHECK (("sample_item_id" IS NULL) <> ("sale_id" IS NULL))');
        await queryRunner.query('ALTER TABLE "receivable" ADD CONSTRAINT "FK_734fb2aba9f4807f31a7456258a" FOREIGN KEY ("sale_id") REFERENCES "dealer_sale"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "FK_734fb2aba9f4807f31a7456258a"');
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "receivable_one_source"');
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "receivable_return_due"');
        await queryRunner.query('DROP INDEX "public"."IDX_734fb2aba9f4807f31a7456258"');
        await queryRunner.query('ALTER TABLE "receivable" ALTER COLUMN "sample_item_id" SET NOT NULL');
        await queryRunner.query('ALTER TABLE "receivable" DROP COLUMN "due_on"');
        await queryRunner.query('ALTER TABLE "receivable" DROP COLUMN "sale_id"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP CONSTRAINT "dealer_sale_return_outcome_known"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP CONSTRAINT "dealer_sale_returned_consistent"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP COLUMN "returned_at"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP COLUMN "return_outcome"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP COLUMN "return_reason"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP COLUMN "returned_on"');
        await queryRunner.query('ALTER TABLE "budget_ledger" DROP CONSTRAINT "budget_ledger_entry_known"');
        await queryRunner.query(`ALTER TABLE "budget_ledger" ADD CONSTRAINT "budget_ledger_entry_known" CHECK ("entry" IN ('reserve', 'release', 'commit', 'pay', 'adjust'))`);
        await queryRunner.query('ALTER TABLE "application" DROP CONSTRAINT "application_status_known"');
        await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "application_status_known" CHECK ("status" IN ('draft', 'submitted', 'checking', 'in_review', 'returned', 'approved', 'paid', 'rejected', 'withdrawn', 'expired'))`);
    }
}
exports.Returns1796160000010 = Returns1796160000010;
//# sourceMappingURL=1796160000010-Returns.js.map