"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewWorkbench1796130801912 = void 0;
/**
 * The review workbench (issue 11): `review_lease` (one holder per claim, the primary key), the
 * append-only `review_decision` rows, and the queue's indexes — partial on `status = 'in_review'`
 * for each sort (age, program, stage, amount, risk) and `application_flag (code, application_id)`
 * for the flag filter. test/hot-query-plans.int-spec.ts asserts the queue's plans at 100k claims.
 */
class ReviewWorkbench1796130801912 {
    constructor() {
        this.name = 'ReviewWorkbench1796130801912';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "review_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "decided_by" uuid NOT NULL, "decision" text NOT NULL, "stage" text NOT NULL, "reason_code" text, "fields" jsonb NOT NULL DEFAULT \'[]\', "note" text, "override" boolean NOT NULL DEFAULT false, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "review_decision_stage_known" CHECK ("stage" IN (\'review\', \'second_approval\')), CONSTRAINT "review_decision_kind_known" CHECK ("decision" IN (\'approve\', \'reject\', \'return\')), CONSTRAINT "PK_64e856d49c6dc05ed774dbb218e" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_31a4826b18c14421547ee8b17d" ON "review_decision"  ("decided_by") ');
        await queryRunner.query('CREATE INDEX "IDX_7ca75743d83c4f0628482f51d5" ON "review_decision"  ("application_id", "decided_at") ');
        await queryRunner.query('CREATE TABLE "review_lease" ("application_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "lease_until" TIMESTAMP WITH TIME ZONE NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8db105732898de6be56af0fe486" PRIMARY KEY ("application_id"))');
        await queryRunner.query('CREATE INDEX "IDX_5fed6b2282cbc1adae6851ebe0" ON "review_lease"  ("holder_id") ');
        await queryRunner.query('CREATE INDEX "application_review_risk" ON "application"  ("risk_score", "complete_at", "id") WHERE "status" = \'in_review\'');
        await queryRunner.query('CREATE INDEX "application_review_amount" ON "application"  ("reserved_fen", "complete_at", "id") WHERE "status" = \'in_review\'');
        await queryRunner.query('CREATE INDEX "application_review_stage" ON "application"  ("stage", "complete_at", "id") WHERE "status" = \'in_review\'');
        await queryRunner.query('CREATE INDEX "application_review_program" ON "application"  ("program_id", "complete_at", "id") WHERE "status" = \'in_review\'');
        await queryRunner.query('CREATE INDEX "application_review_age" ON "application"  ("complete_at", "id") WHERE "status" = \'in_review\'');
        await queryRunner.query('CREATE INDEX "application_flag_code" ON "application_flag"  ("code", "application_id") ');
        await queryRunner.query('ALTER TABLE "review_decision" ADD CONSTRAINT "FK_224dbb875f3d40e218cdb98fe1e" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_decision" ADD CONSTRAINT "FK_31a4826b18c14421547ee8b17d0" FOREIGN KEY ("decided_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_lease" ADD CONSTRAINT "FK_8db105732898de6be56af0fe486" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_lease" ADD CONSTRAINT "FK_5fed6b2282cbc1adae6851ebe06" FOREIGN KEY ("holder_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "review_lease" DROP CONSTRAINT "FK_5fed6b2282cbc1adae6851ebe06"');
        await queryRunner.query('ALTER TABLE "review_lease" DROP CONSTRAINT "FK_8db105732898de6be56af0fe486"');
        await queryRunner.query('ALTER TABLE "review_decision" DROP CONSTRAINT "FK_31a4826b18c14421547ee8b17d0"');
        await queryRunner.query('ALTER TABLE "review_decision" DROP CONSTRAINT "FK_224dbb875f3d40e218cdb98fe1e"');
        await queryRunner.query('DROP INDEX "public"."application_flag_code"');
        await queryRunner.query('DROP INDEX "public"."application_review_age"');
        await queryRunner.query('DROP INDEX "public"."application_review_program"');
        await queryRunner.query('DROP INDEX "public"."application_review_stage"');
        await queryRunner.query('DROP INDEX "public"."application_review_amount"');
        await queryRunner.query('DROP INDEX "public"."application_review_risk"');
        await queryRunner.query('DROP INDEX "public"."IDX_5fed6b2282cbc1adae6851ebe0"');
        await queryRunner.query('DROP TABLE "review_lease"');
        await queryRunner.query('DROP INDEX "public"."IDX_7ca75743d83c4f0628482f51d5"');
        await queryRunner.query('DROP INDEX "public"."IDX_31a4826b18c14421547ee8b17d"');
        await queryRunner.query('DROP TABLE "review_decision"');
    }
}
exports.ReviewWorkbench1796130801912 = ReviewWorkbench1796130801912;
//# sourceMappingURL=1796130801912-ReviewWorkbench.js.map