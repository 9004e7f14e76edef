"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplicationReprice1796160000025 = void 0;
/**
 * Retroactive re-pricing (issue 15): one row per claim a retroactive publish re-priced or kept,
 * with the versions and amounts (`ApplicationRepriceEntity`). A new table: nothing existing is
 * read or locked.
 */
class ApplicationReprice1796160000025 {
    constructor() {
        this.name = 'ApplicationReprice1796160000025';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "application_reprice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "from_version_id" uuid NOT NULL, "to_version_id" uuid NOT NULL, "from_fen" bigint NOT NULL, "offered_fen" bigint, "to_fen" bigint NOT NULL, "outcome" text NOT NULL, "event_id" uuid NOT NULL, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "application_reprice_amounts" CHECK ("from_fen" >= 0 AND "to_fen" >= "from_fen"), CONSTRAINT "application_reprice_outcome_known" CHECK ("outcome" IN (\'raised\', \'kept\')), CONSTRAINT "PK_255eae46ec2b4382e21e439f259" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_08ae2abd7144dfa20338caad78" ON "application_reprice"  ("from_version_id") ');
        await queryRunner.query('CREATE INDEX "IDX_3e81cfbba753fa0fdcfff7531d" ON "application_reprice"  ("to_version_id") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_a20f5ad4c2db8175f12f878783" ON "application_reprice"  ("application_id", "to_version_id") ');
        await queryRunner.query('ALTER TABLE "application_reprice" ADD CONSTRAINT "FK_aadc32b62c0f5c5deb540660fc3" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "application_reprice" ADD CONSTRAINT "FK_08ae2abd7144dfa20338caad780" FOREIGN KEY ("from_version_id") REFERENCES "program_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "application_reprice" ADD CONSTRAINT "FK_3e81cfbba753fa0fdcfff7531dd" FOREIGN KEY ("to_version_id") REFERENCES "program_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "application_reprice" DROP CONSTRAINT "FK_3e81cfbba753fa0fdcfff7531dd"');
        await queryRunner.query('ALTER TABLE "application_reprice" DROP CONSTRAINT "FK_08ae2abd7144dfa20338caad780"');
        await queryRunner.query('ALTER TABLE "application_reprice" DROP CONSTRAINT "FK_aadc32b62c0f5c5deb540660fc3"');
        await queryRunner.query('DROP INDEX "public"."IDX_a20f5ad4c2db8175f12f878783"');
        await queryRunner.query('DROP INDEX "public"."IDX_3e81cfbba753fa0fdcfff7531d"');
        await queryRunner.query('DROP INDEX "public"."IDX_08ae2abd7144dfa20338caad78"');
        await queryRunner.query('DROP TABLE "application_reprice"');
    }
}
exports.ApplicationReprice1796160000025 = ApplicationReprice1796160000025;
//# sourceMappingURL=1796160000025-ApplicationReprice.js.map