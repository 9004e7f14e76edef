"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewSignals1796131086012 = void 0;
/**
 * Review signals and sampling (issue 11): `risk_key` (every key of a checked claim, for the
 * duplicate-key and vehicle signals across people), the post-approval audit samples with their
 * items and outcomes, and the receivables a clawback opens against the payee.
 */
class ReviewSignals1796131086012 {
    constructor() {
        this.name = 'ReviewSignals1796131086012';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "risk_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "name" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3d19f1b9d3eb2819de771f792cb" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_092b428f3bca750eaea2dfb23f" ON "risk_key"  ("name", "value") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_2c34d4ea8d0845aa2dc19a971f" ON "risk_key"  ("application_id", "name") ');
        await queryRunner.query('CREATE TABLE "review_sample" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "seed" text NOT NULL, "size" integer NOT NULL, "risk_weighted" boolean NOT NULL, "population" integer NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "review_sample_size_positive" CHECK ("size" > 0), CONSTRAINT "PK_5102757dfe0a2b18bce6128e4a5" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_b5ee1c78a6a529deb17aea9803" ON "review_sample"  ("created_by") ');
        await queryRunner.query('CREATE INDEX "IDX_1f2eca871e78232d0c729e7afe" ON "review_sample"  ("program_id", "created_at") ');
        await queryRunner.query('CREATE TABLE "review_sample_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sample_id" uuid NOT NULL, "application_id" uuid NOT NULL, "position" integer NOT NULL, "outcome" text, "note" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "review_sample_item_outcome_known" CHECK ("outcome" IS NULL OR "outcome" IN (\'confirmed\', \'clawback\')), CONSTRAINT "PK_b8bd50d3ef7a45f9d88e62c8cfc" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_8d1e92f648305ab88f418620b9" ON "review_sample_item"  ("application_id") ');
        await queryRunner.query('CREATE INDEX "IDX_5a488470bcfa44ed7a3a1ef5d5" ON "review_sample_item"  ("decided_by") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_fa53b1427848b22c5aea2a48dc" ON "review_sample_item"  ("sample_id", "application_id") ');
        await queryRunner.query('CREATE TABLE "receivable" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "payee_kind" text NOT NULL, "payee_user_id" uuid, "payee_organization_id" uuid, "amount_fen" bigint NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT \'open\', "sample_item_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_8a825f883ba7f4954376f90ac2" UNIQUE ("sample_item_id"), CONSTRAINT "receivable_one_payee" CHECK (("payee_kind" = \'resident\' AND "payee_user_id" IS NOT NULL AND "payee_organization_id" IS NULL) OR ("payee_kind" = \'dealer\' AND "payee_organization_id" IS NOT NULL AND "payee_user_id" IS NULL)), CONSTRAINT "receivable_status_known" CHECK ("status" IN (\'open\', \'collected\', \'waived\')), CONSTRAINT "receivable_amount_positive" CHECK ("amount_fen" > 0), CONSTRAINT "PK_21914351fc68743079856ee3b1f" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_72f579d86194834b5dc71fd5e5" ON "receivable"  ("application_id") ');
        await queryRunner.query('CREATE INDEX "IDX_4910fe9a358b701b6e14ae744f" ON "receivable"  ("payee_user_id") ');
        await queryRunner.query('CREATE INDEX "IDX_8a540a5cc5c86de3b834c78fcc" ON "receivable"  ("payee_organization_id") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_8a825f883ba7f4954376f90ac2" ON "receivable"  ("sample_item_id") ');
        await queryRunner.query('CREATE INDEX "IDX_88c9ae102999dedf864a690457" ON "receivable"  ("created_by") ');
        await queryRunner.query('ALTER TABLE "risk_key" ADD CONSTRAINT "FK_c3b45ff78335c10663730b1459c" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_sample" ADD CONSTRAINT "FK_26acc0fc7ff91ab35aa8249b75f" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_sample" ADD CONSTRAINT "FK_b5ee1c78a6a529deb17aea9803f" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_sample_item" ADD CONSTRAINT "FK_36ccace28c28e166b9ed68de242" FOREIGN KEY ("sample_id") REFERENCES "review_sample"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_sample_item" ADD CONSTRAINT "FK_8d1e92f648305ab88f418620b9a" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "review_sample_item" ADD CONSTRAINT "FK_5a488470bcfa44ed7a3a1ef5d5a" FOREIGN KEY ("decided_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "receivable" ADD CONSTRAINT "FK_72f579d86194834b5dc71fd5e5a" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "receivable" ADD CONSTRAINT "FK_4910fe9a358b701b6e14ae744f1" FOREIGN KEY ("payee_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "receivable" ADD CONSTRAINT "FK_8a540a5cc5c86de3b834c78fcce" FOREIGN KEY ("payee_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "receivable" ADD CONSTRAINT "FK_8a825f883ba7f4954376f90ac20" FOREIGN KEY ("sample_item_id") REFERENCES "review_sample_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "receivable" ADD CONSTRAINT "FK_88c9ae102999dedf864a690457e" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        // The keys of the claims checked before: every claim key of their version's definition.
        await queryRunner.query(`INSERT INTO "risk_key" ("application_id", "name", "value")
       SELECT a."id", k->>'name', a."facts" #>> string_to_array(k->>'path', '.')
         FROM "application" a JOIN "program_version" v ON v."id" = a."program_version_id",
              jsonb_array_elements(v."definition"->'claimKeys') k
        WHERE a."status" <> 'draft'
          AND jsonb_typeof(a."facts" #> string_to_array(k->>'path', '.')) = 'string'
          AND a."facts" #>> string_to_array(k->>'path', '.') <> ''
       ON CONFLICT DO NOTHING`);
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "FK_88c9ae102999dedf864a690457e"');
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "FK_8a825f883ba7f4954376f90ac20"');
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "FK_8a540a5cc5c86de3b834c78fcce"');
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "FK_4910fe9a358b701b6e14ae744f1"');
        await queryRunner.query('ALTER TABLE "receivable" DROP CONSTRAINT "FK_72f579d86194834b5dc71fd5e5a"');
        await queryRunner.query('ALTER TABLE "review_sample_item" DROP CONSTRAINT "FK_5a488470bcfa44ed7a3a1ef5d5a"');
        await queryRunner.query('ALTER TABLE "review_sample_item" DROP CONSTRAINT "FK_8d1e92f648305ab88f418620b9a"');
        await queryRunner.query('ALTER TABLE "review_sample_item" DROP CONSTRAINT "FK_36ccace28c28e166b9ed68de242"');
        await queryRunner.query('ALTER TABLE "review_sample" DROP CONSTRAINT "FK_b5ee1c78a6a529deb17aea9803f"');
        await queryRunner.query('ALTER TABLE "review_sample" DROP CONSTRAINT "FK_26acc0fc7ff91ab35aa8249b75f"');
        await queryRunner.query('ALTER TABLE "risk_key" DROP CONSTRAINT "FK_c3b45ff78335c10663730b1459c"');
        await queryRunner.query('DROP INDEX "public"."IDX_88c9ae102999dedf864a690457"');
        await queryRunner.query('DROP INDEX "public"."IDX_8a825f883ba7f4954376f90ac2"');
        await queryRunner.query('DROP INDEX "public"."IDX_8a540a5cc5c86de3b834c78fcc"');
        await queryRunner.query('DROP INDEX "public"."IDX_4910fe9a358b701b6e14ae744f"');
        await queryRunner.query('DROP INDEX "public"."IDX_72f579d86194834b5dc71fd5e5"');
        await queryRunner.query('DROP TABLE "receivable"');
        await queryRunner.query('DROP INDEX "public"."IDX_fa53b1427848b22c5aea2a48dc"');
        await queryRunner.query('DROP INDEX "public"."IDX_5a488470bcfa44ed7a3a1ef5d5"');
        await queryRunner.query('DROP INDEX "public"."IDX_8d1e92f648305ab88f418620b9"');
        await queryRunner.query('DROP TABLE "review_sample_item"');
        await queryRunner.query('DROP INDEX "public"."IDX_1f2eca871e78232d0c729e7afe"');
        await queryRunner.query('DROP INDEX "public"."IDX_b5ee1c78a6a529deb17aea9803"');
        await queryRunner.query('DROP TABLE "review_sample"');
        await queryRunner.query('DROP INDEX "public"."IDX_2c34d4ea8d0845aa2dc19a971f"');
        await queryRunner.query('DROP INDEX "public"."IDX_092b428f3bca750eaea2dfb23f"');
        await queryRunner.query('DROP TABLE "risk_key"');
    }
}
exports.ReviewSignals1796131086012 = ReviewSignals1796131086012;
//# sourceMappingURL=1796131086012-ReviewSignals.js.map