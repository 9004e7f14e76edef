"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Payments1796140751968 = void 0;
class Payments1796140751968 {
    constructor() {
        this.name = 'Payments1796140751968';
    }
    async up(queryRunner) {
        // Line ids (`PL` + 10 digits) come from this sequence, given by the INSERT (payments.repository).
        await queryRunner.query('CREATE SEQUENCE "payment_line_seq"');
        await queryRunner.query('CREATE TABLE "payment_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "status" text NOT NULL DEFAULT \'draft\', "total_fen" bigint NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_by" uuid, "released_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "payment_batch_total_non_negative" CHECK ("total_fen" >= 0), CONSTRAINT "payment_batch_four_eyes" CHECK ("released_by" IS NULL OR "released_by" <> "created_by"), CONSTRAINT "payment_batch_released_consistent" CHECK (("status" = \'draft\' AND "released_by" IS NULL AND "released_at" IS NULL) OR ("status" = \'released\' AND "released_by" IS NOT NULL AND "released_at" IS NOT NULL)), CONSTRAINT "payment_batch_status_known" CHECK ("status" IN (\'draft\', \'released\')), CONSTRAINT "PK_b770814cee021e59570c3e58094" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_06e0cf13ca3a9e08c38798877b" ON "payment_batch"  ("created_by") ');
        await queryRunner.query('CREATE INDEX "IDX_ff4e4749d86a67cf4751519a63" ON "payment_batch"  ("released_by") ');
        await queryRunner.query('CREATE INDEX "IDX_aaf30048e73239e40244c0031a" ON "payment_batch"  ("program_id", "created_at") ');
        await queryRunner.query('CREATE TABLE "payment_line" ("id" text NOT NULL, "batch_id" uuid NOT NULL, "application_id" uuid NOT NULL, "payee_kind" text NOT NULL, "payee_user_id" uuid, "payee_organization_id" uuid, "payee_name_enc" text NOT NULL, "bank_name" text NOT NULL, "account_enc" text NOT NULL, "account_bidx" text NOT NULL, "amount_fen" bigint NOT NULL, "netted_fen" bigint NOT NULL DEFAULT \'0\', "status" text NOT NULL DEFAULT \'pending\', "reason" text, "bank_ref" text, "settled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "payment_line_settled" CHECK (("status" = \'pending\') = ("settled_at" IS NULL)), CONSTRAINT "payment_line_amounts" CHECK ("amount_fen" >= 0 AND "netted_fen" >= 0), CONSTRAINT "payment_line_one_payee" CHECK (("payee_kind" = \'resident\' AND "payee_user_id" IS NOT NULL AND "payee_organization_id" IS NULL) OR ("payee_kind" = \'dealer\' AND "payee_organization_id" IS NOT NULL AND "payee_user_id" IS NULL)), CONSTRAINT "payment_line_payee_kind_known" CHECK ("payee_kind" IN (\'resident\', \'dealer\')), CONSTRAINT "payment_line_status_known" CHECK ("status" IN (\'pending\', \'paid\', \'failed\')), CONSTRAINT "PK_4918c8f1db72760030d37d49ba2" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_714015c2ea40d40c6bc8852340" ON "payment_line"  ("application_id") ');
        await queryRunner.query('CREATE INDEX "IDX_42728192b0a49de73d204c95cf" ON "payment_line"  ("payee_user_id") ');
        await queryRunner.query('CREATE INDEX "IDX_5d78471aef8e997a8148d27107" ON "payment_line"  ("payee_organization_id") ');
        await queryRunner.query('CREATE INDEX "IDX_0628d1aa00e5bba5bbc4856d5d" ON "payment_line"  ("batch_id", "id") ');
        await queryRunner.query('CREATE UNIQUE INDEX "payment_line_one_live_per_claim" ON "payment_line"  ("application_id") WHERE "status" IN (\'pending\', \'paid\')');
        await queryRunner.query('CREATE TABLE "payment_netting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "line_id" text NOT NULL, "receivable_id" uuid NOT NULL, "amount_fen" bigint NOT NULL, CONSTRAINT "payment_netting_amount_positive" CHECK ("amount_fen" > 0), CONSTRAINT "PK_bc4f572d25ccd869aaa48dead9c" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_fb78c7cb182ca6ec467b5fced5" ON "payment_netting"  ("receivable_id") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_6d2fd944e1a6ab23150d8b6e58" ON "payment_netting"  ("line_id", "receivable_id") ');
        await queryRunner.query('ALTER TABLE "payment_batch" ADD CONSTRAINT "FK_2b662970ff3111e73fd3f5811bc" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_batch" ADD CONSTRAINT "FK_06e0cf13ca3a9e08c38798877bb" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_batch" ADD CONSTRAINT "FK_ff4e4749d86a67cf4751519a63f" FOREIGN KEY ("released_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_line" ADD CONSTRAINT "FK_f05ba43e8a96048eca90bc7e5e0" FOREIGN KEY ("batch_id") REFERENCES "payment_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_line" ADD CONSTRAINT "FK_714015c2ea40d40c6bc88523401" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_line" ADD CONSTRAINT "FK_42728192b0a49de73d204c95cf7" FOREIGN KEY ("payee_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_line" ADD CONSTRAINT "FK_5d78471aef8e997a8148d271076" FOREIGN KEY ("payee_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_netting" ADD CONSTRAINT "FK_fde65cc8f2f054840839f49daaf" FOREIGN KEY ("line_id") REFERENCES "payment_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "payment_netting" ADD CONSTRAINT "FK_fb78c7cb182ca6ec467b5fced55" FOREIGN KEY ("receivable_id") REFERENCES "receivable"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "payment_netting" DROP CONSTRAINT "FK_fb78c7cb182ca6ec467b5fced55"');
        await queryRunner.query('ALTER TABLE "payment_netting" DROP CONSTRAINT "FK_fde65cc8f2f054840839f49daaf"');
        await queryRunner.query('ALTER TABLE "payment_line" DROP CONSTRAINT "FK_5d78471aef8e997a8148d271076"');
        await queryRunner.query('ALTER TABLE "payment_line" DROP CONSTRAINT "FK_42728192b0a49de73d204c95cf7"');
        await queryRunner.query('ALTER TABLE "payment_line" DROP CONSTRAINT "FK_714015c2ea40d40c6bc88523401"');
        await queryRunner.query('ALTER TABLE "payment_line" DROP CONSTRAINT "FK_f05ba43e8a96048eca90bc7e5e0"');
        await queryRunner.query('ALTER TABLE "payment_batch" DROP CONSTRAINT "FK_ff4e4749d86a67cf4751519a63f"');
        await queryRunner.query('ALTER TABLE "payment_batch" DROP CONSTRAINT "FK_06e0cf13ca3a9e08c38798877bb"');
        await queryRunner.query('ALTER TABLE "payment_batch" DROP CONSTRAINT "FK_2b662970ff3111e73fd3f5811bc"');
        await queryRunner.query('DROP INDEX "public"."IDX_6d2fd944e1a6ab23150d8b6e58"');
        await queryRunner.query('DROP INDEX "public"."IDX_fb78c7cb182ca6ec467b5fced5"');
        await queryRunner.query('DROP TABLE "payment_netting"');
        await queryRunner.query('DROP INDEX "public"."payment_line_one_live_per_claim"');
        await queryRunner.query('DROP INDEX "public"."IDX_0628d1aa00e5bba5bbc4856d5d"');
        await queryRunner.query('DROP INDEX "public"."IDX_5d78471aef8e997a8148d27107"');
        await queryRunner.query('DROP INDEX "public"."IDX_42728192b0a49de73d204c95cf"');
        await queryRunner.query('DROP INDEX "public"."IDX_714015c2ea40d40c6bc8852340"');
        await queryRunner.query('DROP TABLE "payment_line"');
        await queryRunner.query('DROP INDEX "public"."IDX_aaf30048e73239e40244c0031a"');
        await queryRunner.query('DROP INDEX "public"."IDX_ff4e4749d86a67cf4751519a63"');
        await queryRunner.query('DROP INDEX "public"."IDX_06e0cf13ca3a9e08c38798877b"');
        await queryRunner.query('DROP TABLE "payment_batch"');
        await queryRunner.query('DROP SEQUENCE "payment_line_seq"');
    }
}
exports.Payments1796140751968 = Payments1796140751968;
//# sourceMappingURL=1796140751968-Payments.js.map