"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgramVersions1796160000020 = void 0;
/**
 * Program versions as drafts and published versions (issue 15, operations.md §10). Every existing
 * row is a published version that took effect when its program opened. A draft carries the
 * published version it was edited from (`based_on_version`, for the stale check); publishing sets
 * `status`, `published_by` and `published_at` once.
 *
 * Two guards live in the database, not only in the app:
 *  - `program_version_one_successor`: at most one published version per (program, based-on
 *    version), so two drafts edited from the same version can never both be published, whatever
 *    the app's locking does (history stays a line);
 *  - `program_version_immutable`: a published row is never updated, and no row is ever deleted or
 *    truncated (like the audit log). A draft may be updated only to publish it.
 */
class ProgramVersions1796160000020 {
    constructor() {
        this.name = 'ProgramVersions1796160000020';
    }
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE "program_version" ADD "status" text NOT NULL DEFAULT 'published', ADD "effective_on" date, ADD "document_no" text, ADD "note" text, ADD "created_by" uuid, ADD "published_by" uuid, ADD "based_on_version" integer, ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`UPDATE "program_version" SET "effective_on" = "opens_on", "created_at" = "published_at"`);
        await queryRunner.query(`ALTER TABLE "program_version" ALTER COLUMN "status" DROP DEFAULT, ALTER COLUMN "effective_on" SET NOT NULL, ALTER COLUMN "published_at" DROP NOT NULL, ALTER COLUMN "published_at" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "program_version" ADD CONSTRAINT "program_version_status_known" CHECK ("status" IN ('draft', 'published')), ADD CONSTRAINT "program_version_published_stamped" CHECK (("status" = 'published') = ("published_at" IS NOT NULL))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "program_version_one_successor" ON "program_version" ("program_id", "based_on_version") WHERE "status" = 'published'`);
        await queryRunner.query(`CREATE INDEX "IDX_1dd3176c45c625a2379e643dbb" ON "program_version" ("created_by") `);
        await queryRunner.query(`CREATE INDEX "IDX_e1e35d0ce23f88366a9fed2923" ON "program_version" ("published_by") `);
        await queryRunner.query(`ALTER TABLE "program_version" ADD CONSTRAINT "FK_1dd3176c45c625a2379e643dbb0" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "program_version" ADD CONSTRAINT "FK_e1e35d0ce23f88366a9fed29233" FOREIGN KEY ("published_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`
      CREATE FUNCTION program_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status = 'draft' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'program_version: a published version is immutable and no version is deleted (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
        await queryRunner.query(`CREATE TRIGGER program_version_immutable BEFORE UPDATE OR DELETE ON program_version FOR EACH ROW EXECUTE FUNCTION program_version_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER program_version_no_truncate BEFORE TRUNCATE ON program_version FOR EACH STATEMENT EXECUTE FUNCTION program_version_refuse_change()`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TRIGGER program_version_no_truncate ON program_version`);
        await queryRunner.query(`DROP TRIGGER program_version_immutable ON program_version`);
        await queryRunner.query(`DROP FUNCTION program_version_refuse_change()`);
        await queryRunner.query('ALTER TABLE "program_version" DROP CONSTRAINT "FK_e1e35d0ce23f88366a9fed29233"');
        await queryRunner.query('ALTER TABLE "program_version" DROP CONSTRAINT "FK_1dd3176c45c625a2379e643dbb0"');
        await queryRunner.query('DROP INDEX "public"."IDX_e1e35d0ce23f88366a9fed2923"');
        await queryRunner.query('DROP INDEX "public"."IDX_1dd3176c45c625a2379e643dbb"');
        await queryRunner.query('DROP INDEX "public"."program_version_one_successor"');
        await queryRunner.query(`DELETE FROM "program_version" WHERE "status" = 'draft'`);
        await queryRunner.query(`ALTER TABLE "program_version" DROP CONSTRAINT "program_version_published_stamped", DROP CONSTRAINT "program_version_status_known"`);
        await queryRunner.query(`ALTER TABLE "program_version" ALTER COLUMN "published_at" SET DEFAULT now(), ALTER COLUMN "published_at" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "program_version" DROP COLUMN "created_at", DROP COLUMN "based_on_version", DROP COLUMN "published_by", DROP COLUMN "created_by", DROP COLUMN "note", DROP COLUMN "document_no", DROP COLUMN "effective_on", DROP COLUMN "status"`);
    }
}
exports.ProgramVersions1796160000020 = ProgramVersions1796160000020;
//# sourceMappingURL=1796160000020-ProgramVersions.js.map