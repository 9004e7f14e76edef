"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Dealers1796141920468 = void 0;
class Dealers1796141920468 {
    constructor() {
        this.name = 'Dealers1796141920468';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "organization" DROP CONSTRAINT "organization_kind_known"');
        await queryRunner.query('CREATE TABLE "organization_status_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "reason" text NOT NULL, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c3a6cbf5cabf7ac549c4c379f75" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_5aac44da8d7d852024e0a2a75e" ON "organization_status_event"  ("actor_id") ');
        await queryRunner.query('CREATE INDEX "IDX_423ed6ed48798c551887eb9b44" ON "organization_status_event"  ("organization_id", "created_at") ');
        await queryRunner.query('CREATE TABLE "dealer_product" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "program_code" text NOT NULL, "category" text NOT NULL, "barcode" text NOT NULL, "brand" text NOT NULL, "model" text NOT NULL, "efficiency_grade" smallint, "filed_price_fen" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dealer_product_grade_range" CHECK ("efficiency_grade" IS NULL OR "efficiency_grade" BETWEEN 1 AND 5), CONSTRAINT "dealer_product_price_positive" CHECK ("filed_price_fen" > 0), CONSTRAINT "PK_de97fb0916b1febc98ae3c4c6ac" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_dd55b58037a1232b0739efe477" ON "dealer_product"  ("barcode") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_2c194435ee2541fe8f6e5f2cdb" ON "dealer_product"  ("organization_id", "program_code", "barcode") ');
        await queryRunner.query('CREATE TABLE "dealer_product_price" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "price_fen" bigint NOT NULL, "baseline_fen" bigint, "raise_basis_points" integer NOT NULL DEFAULT \'0\', "flagged" boolean NOT NULL DEFAULT false, "changed_by" uuid NOT NULL, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dealer_product_price_fen_positive" CHECK ("price_fen" > 0), CONSTRAINT "PK_1ae123d1a83fe135e4bb8325499" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_78ab1ffe15eacf42c2541391b6" ON "dealer_product_price"  ("changed_by") ');
        await queryRunner.query('CREATE INDEX "dealer_product_price_flagged" ON "dealer_product_price"  ("product_id", "effective_at") WHERE "flagged"');
        await queryRunner.query('CREATE INDEX "IDX_72c6bbc8836f727157c8985696" ON "dealer_product_price"  ("product_id", "effective_at") ');
        // Reviewed: the one-kind column becomes the kinds array without losing existing organisations
        // (generated as DROP kind + ADD kinds NOT NULL, which fails on a non-empty table).
        await queryRunner.query('ALTER TABLE "organization" ADD "kinds" text array');
        await queryRunner.query("UPDATE \"organization\" SET \"kinds\" = CASE \"kind\" WHEN 'appliance_retailer' THEN ARRAY['retailer'] WHEN 'car_dealer_dismantler' THEN ARRAY['car_dealer', 'dismantler'] ELSE ARRAY[\"kind\"] END");
        await queryRunner.query('ALTER TABLE "organization" ALTER COLUMN "kinds" SET NOT NULL');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "kind"');
        await queryRunner.query('ALTER TABLE "organization" ADD "programs" text array NOT NULL DEFAULT \'{}\'');
        await queryRunner.query('ALTER TABLE "organization" ADD "status" text NOT NULL DEFAULT \'pending\'');
        await queryRunner.query('ALTER TABLE "organization" ADD "status_reason" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE');
        // Organisations that existed before registration were created by an administrator: active.
        await queryRunner.query('UPDATE "organization" SET "status" = \'active\', "status_changed_at" = now()');
        await queryRunner.query('ALTER TABLE "organization" ADD "street" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "contact_name" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "contact_phone_enc" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "payout_bank_name" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "payout_account_name" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "payout_account_enc" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "commitment_version" text');
        await queryRunner.query('ALTER TABLE "organization" ADD "commitment_at" TIMESTAMP WITH TIME ZONE');
        await queryRunner.query('ALTER TABLE "organization" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()');
        await queryRunner.query('ALTER TABLE "user_account" ADD "org_admin" boolean NOT NULL DEFAULT false');
        await queryRunner.query('CREATE INDEX "IDX_df828d50a3df9f5c123197caf3" ON "organization"  ("status") ');
        await queryRunner.query("ALTER TABLE \"organization\" ADD CONSTRAINT \"organization_status_known\" CHECK (\"status\" IN ('pending', 'active', 'suspended', 'disqualified'))");
        await queryRunner.query('ALTER TABLE "organization" ADD CONSTRAINT "organization_kinds_known" CHECK (cardinality("kinds") >= 1 AND "kinds" <@ ARRAY[\'retailer\', \'car_dealer\', \'dismantler\', \'recycler\']::text[])');
        await queryRunner.query('ALTER TABLE "user_account" ADD CONSTRAINT "user_org_admin_is_dealer" CHECK (NOT "org_admin" OR "role" = \'dealer\')');
        await queryRunner.query('ALTER TABLE "organization_status_event" ADD CONSTRAINT "FK_93acbd80fc34b911630d06ef493" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "organization_status_event" ADD CONSTRAINT "FK_5aac44da8d7d852024e0a2a75eb" FOREIGN KEY ("actor_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_product" ADD CONSTRAINT "FK_1bd12b21504ed49e287060cfbf5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_product_price" ADD CONSTRAINT "FK_868c9e72807410b5e9404e0c07e" FOREIGN KEY ("product_id") REFERENCES "dealer_product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_product_price" ADD CONSTRAINT "FK_78ab1ffe15eacf42c2541391b65" FOREIGN KEY ("changed_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "dealer_product_price" DROP CONSTRAINT "FK_78ab1ffe15eacf42c2541391b65"');
        await queryRunner.query('ALTER TABLE "dealer_product_price" DROP CONSTRAINT "FK_868c9e72807410b5e9404e0c07e"');
        await queryRunner.query('ALTER TABLE "dealer_product" DROP CONSTRAINT "FK_1bd12b21504ed49e287060cfbf5"');
        await queryRunner.query('ALTER TABLE "organization_status_event" DROP CONSTRAINT "FK_5aac44da8d7d852024e0a2a75eb"');
        await queryRunner.query('ALTER TABLE "organization_status_event" DROP CONSTRAINT "FK_93acbd80fc34b911630d06ef493"');
        await queryRunner.query('ALTER TABLE "user_account" DROP CONSTRAINT "user_org_admin_is_dealer"');
        await queryRunner.query('ALTER TABLE "organization" DROP CONSTRAINT "organization_kinds_known"');
        await queryRunner.query('ALTER TABLE "organization" DROP CONSTRAINT "organization_status_known"');
        await queryRunner.query('DROP INDEX "public"."IDX_df828d50a3df9f5c123197caf3"');
        await queryRunner.query('ALTER TABLE "user_account" DROP COLUMN "org_admin"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "updated_at"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "commitment_at"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "commitment_version"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "payout_account_enc"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "payout_account_name"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "payout_bank_name"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "contact_phone_enc"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "contact_name"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "street"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "status_changed_at"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "status_reason"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "status"');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "programs"');
        await queryRunner.query('ALTER TABLE "organization" ADD "kind" text');
        await queryRunner.query('UPDATE "organization" SET "kind" = CASE WHEN "kinds" @> ARRAY[\'car_dealer\', \'dismantler\'] THEN \'car_dealer_dismantler\' WHEN "kinds"[1] = \'retailer\' THEN \'appliance_retailer\' ELSE "kinds"[1] END');
        await queryRunner.query('ALTER TABLE "organization" ALTER COLUMN "kind" SET NOT NULL');
        await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "kinds"');
        await queryRunner.query('DROP INDEX "public"."IDX_72c6bbc8836f727157c8985696"');
        await queryRunner.query('DROP INDEX "public"."dealer_product_price_flagged"');
        await queryRunner.query('DROP INDEX "public"."IDX_78ab1ffe15eacf42c2541391b6"');
        await queryRunner.query('DROP TABLE "dealer_product_price"');
        await queryRunner.query('DROP INDEX "public"."IDX_2c194435ee2541fe8f6e5f2cdb"');
        await queryRunner.query('DROP INDEX "public"."IDX_dd55b58037a1232b0739efe477"');
        await queryRunner.query('DROP TABLE "dealer_product"');
        await queryRunner.query('DROP INDEX "public"."IDX_423ed6ed48798c551887eb9b44"');
        await queryRunner.query('DROP INDEX "public"."IDX_5aac44da8d7d852024e0a2a75e"');
        await queryRunner.query('DROP TABLE "organization_status_event"');
        await queryRunner.query("ALTER TABLE \"organization\" ADD CONSTRAINT \"organization_kind_known\" CHECK ((kind = ANY (ARRAY['appliance_retailer'::text, 'car_dealer'::text, 'recycler'::text, 'dismantler'::text, 'car_dealer_dismantler'::text])))");
    }
}
exports.Dealers1796141920468 = Dealers1796141920468;
//# sourceMappingURL=1796141920468-Dealers.js.map