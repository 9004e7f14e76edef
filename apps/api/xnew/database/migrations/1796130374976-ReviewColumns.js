"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewColumns1796130374976 = void 0;
/**
 * The review workbench's columns: when a claim became complete (the SLA clock and the queue's age),
 * its review stage (first review or four-eyes second approval) and its risk score; each flag keeps the
 * weight it was scored with. Claims already in review start at the stage `review`, complete since they
 * first entered `in_review`.
 */
class ReviewColumns1796130374976 {
    constructor() {
        this.name = 'ReviewColumns1796130374976';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "application" ADD "complete_at" TIMESTAMP WITH TIME ZONE');
        await queryRunner.query('ALTER TABLE "application" ADD "stage" text');
        await queryRunner.query('ALTER TABLE "application" ADD "risk_score" integer NOT NULL DEFAULT \'0\'');
        await queryRunner.query('ALTER TABLE "application_flag" ADD "weight" integer NOT NULL DEFAULT \'0\'');
        await queryRunner.query('ALTER TABLE "application" ADD CONSTRAINT "application_stage_known" CHECK ("stage" IS NULL OR "stage" IN (\'review\', \'second_approval\'))');
        await queryRunner.query(`UPDATE "application" a SET "stage" = 'review',
              "complete_at" = COALESCE((SELECT min(e."at") FROM "application_event" e
                                         WHERE e."application_id" = a."id" AND e."to_status" = 'in_review'), a."updated_at")
        WHERE a."status" = 'in_review'`);
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "application" DROP CONSTRAINT "application_stage_known"');
        await queryRunner.query('ALTER TABLE "application_flag" DROP COLUMN "weight"');
        await queryRunner.query('ALTER TABLE "application" DROP COLUMN "risk_score"');
        await queryRunner.query('ALTER TABLE "application" DROP COLUMN "stage"');
        await queryRunner.query('ALTER TABLE "application" DROP COLUMN "complete_at"');
    }
}
exports.ReviewColumns1796130374976 = ReviewColumns1796130374976;
//# sourceMappingURL=1796130374976-ReviewColumns.js.map