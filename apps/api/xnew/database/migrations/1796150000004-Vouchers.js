"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Vouchers1796150000004 = void 0;
/**
 * Point-of-sale vouchers and their lottery (issue 14): the voucher table, lottery rounds and
 * entries. A voucher's budget moves are ordinary ledger rows with the voucher as `subject_id`
 * (BudgetRepository.reserveForVoucher / releaseForVoucher).
 */
class Vouchers1796150000004 {
    constructor() {
        this.name = 'Vouchers1796150000004';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "voucher" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "holder_id" uuid NOT NULL, "id_number_bidx" text NOT NULL, "program_id" uuid NOT NULL, "program_version_id" uuid NOT NULL, "category" text NOT NULL, "max_subsidy_fen" bigint NOT NULL, "reserved_fen" bigint NOT NULL, "status" text NOT NULL DEFAULT \'issued\', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminded_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "voucher_closed_consistent" CHECK (("status" = \'issued\') = ("closed_at" IS NULL)), CONSTRAINT "voucher_released_holds_nothing" CHECK ("status" IN (\'issued\', \'redeemed\') OR "reserved_fen" = 0), CONSTRAINT "voucher_reserved_range" CHECK ("reserved_fen" >= 0 AND "reserved_fen" <= "max_subsidy_fen"), CONSTRAINT "voucher_status_known" CHECK ("status" IN (\'issued\', \'redeemed\', \'expired\', \'cancelled\')), CONSTRAINT "PK_677ae75f380e81c2f103a57ffaf" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_73e3d2a7719851716e94083698" ON "voucher"  ("code") ');
        await queryRunner.query('CREATE INDEX "IDX_a80cea0c177b7d09cb1f769673" ON "voucher"  ("program_id") ');
        await queryRunner.query('CREATE INDEX "IDX_4e02856ba6a968465cb910d402" ON "voucher"  ("program_version_id") ');
        await queryRunner.query('CREATE INDEX "voucher_issued_by_expiry" ON "voucher"  ("expires_at") WHERE "status" = \'issued\'');
        await queryRunner.query('CREATE INDEX "IDX_7fedb3a891a78fea733e71688d" ON "voucher"  ("holder_id", "created_at") ');
        await queryRunner.query('CREATE INDEX "IDX_5064e8eeb0c25410102aa798aa" ON "voucher"  ("id_number_bidx", "program_id", "category") ');
        await queryRunner.query('CREATE TABLE "lottery_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "round" integer NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "draw_at" TIMESTAMP WITH TIME ZONE NOT NULL, "seed_hash" text NOT NULL, "seed_enc" text NOT NULL, "seed" text, "max_subsidy_fen" bigint NOT NULL, "remaining_fen_at_draw" bigint, "slots" integer, "drawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lottery_round_drawn_consistent" CHECK (("drawn_at" IS NULL) = ("seed" IS NULL) AND ("drawn_at" IS NULL) = ("slots" IS NULL)), CONSTRAINT "PK_3fce886ff3bf7d99c6ac49f1e47" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "lottery_round_undrawn_by_draw_at" ON "lottery_round"  ("draw_at") WHERE "drawn_at" IS NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_f328a0f91674ccc0e0e107c779" ON "lottery_round"  ("program_id", "round") ');
        await queryRunner.query('CREATE TABLE "lottery_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "user_id" uuid NOT NULL, "id_number_bidx" text NOT NULL, "category" text NOT NULL, "status" text NOT NULL DEFAULT \'entered\', "voucher_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lottery_entry_voucher_when_won" CHECK (("status" = \'won\') = ("voucher_id" IS NOT NULL)), CONSTRAINT "lottery_entry_status_known" CHECK ("status" IN (\'entered\', \'won\', \'lost\', \'forfeited\')), CONSTRAINT "PK_38f54be7b276bc9c1758be7930c" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_1a5fba65972dd2ff53249ff7b2" ON "lottery_entry"  ("user_id") ');
        await queryRunner.query('CREATE INDEX "IDX_e5308a1a5833f122c15f18c1b4" ON "lottery_entry"  ("voucher_id") ');
        await queryRunner.query('CREATE INDEX "IDX_6c94f3b7665738157b6ed6e262" ON "lottery_entry"  ("round_id", "id") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_9dd2166c9b6d4bfc82d1e271b3" ON "lottery_entry"  ("round_id", "id_number_bidx", "category") ');
        await queryRunner.query('ALTER TABLE "voucher" ADD CONSTRAINT "FK_d700b337382650d5c6db22834bd" FOREIGN KEY ("holder_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "voucher" ADD CONSTRAINT "FK_a80cea0c177b7d09cb1f7696737" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "voucher" ADD CONSTRAINT "FK_4e02856ba6a968465cb910d402a" FOREIGN KEY ("program_version_id") REFERENCES "program_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "lottery_round" ADD CONSTRAINT "FK_772388e8de2ac5bc7e16af6fd38" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "lottery_entry" ADD CONSTRAINT "FK_dd9ffc2478f72779cc2a43dcfc1" FOREIGN KEY ("round_id") REFERENCES "lottery_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "lottery_entry" ADD CONSTRAINT "FK_1a5fba65972dd2ff53249ff7b29" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "lottery_entry" ADD CONSTRAINT "FK_e5308a1a5833f122c15f18c1b43" FOREIGN KEY ("voucher_id") REFERENCES "voucher"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "lottery_entry" DROP CONSTRAINT "FK_e5308a1a5833f122c15f18c1b43"');
        await queryRunner.query('ALTER TABLE "lottery_entry" DROP CONSTRAINT "FK_1a5fba65972dd2ff53249ff7b29"');
        await queryRunner.query('ALTER TABLE "lottery_entry" DROP CONSTRAINT "FK_dd9ffc2478f72779cc2a43dcfc1"');
        await queryRunner.query('ALTER TABLE "lottery_round" DROP CONSTRAINT "FK_772388e8de2ac5bc7e16af6fd38"');
        await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_4e02856ba6a968465cb910d402a"');
        await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_a80cea0c177b7d09cb1f7696737"');
        await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_d700b337382650d5c6db22834bd"');
        await queryRunner.query('DROP INDEX "public"."IDX_9dd2166c9b6d4bfc82d1e271b3"');
        await queryRunner.query('DROP INDEX "public"."IDX_6c94f3b7665738157b6ed6e262"');
        await queryRunner.query('DROP INDEX "public"."IDX_e5308a1a5833f122c15f18c1b4"');
        await queryRunner.query('DROP INDEX "public"."IDX_1a5fba65972dd2ff53249ff7b2"');
        await queryRunner.query('DROP TABLE "lottery_entry"');
        await queryRunner.query('DROP INDEX "public"."IDX_f328a0f91674ccc0e0e107c779"');
        await queryRunner.query('DROP INDEX "public"."lottery_round_undrawn_by_draw_at"');
        await queryRunner.query('DROP TABLE "lottery_round"');
        await queryRunner.query('DROP INDEX "public"."IDX_5064e8eeb0c25410102aa798aa"');
        await queryRunner.query('DROP INDEX "public"."IDX_7fedb3a891a78fea733e71688d"');
        await queryRunner.query('DROP INDEX "public"."voucher_issued_by_expiry"');
        await queryRunner.query('DROP INDEX "public"."IDX_4e02856ba6a968465cb910d402"');
        await queryRunner.query('DROP INDEX "public"."IDX_a80cea0c177b7d09cb1f769673"');
        await queryRunner.query('DROP INDEX "public"."IDX_73e3d2a7719851716e94083698"');
        await queryRunner.query('DROP TABLE "voucher"');
    }
}
exports.Vouchers1796150000004 = Vouchers1796150000004;
//# sourceMappingURL=1796150000004-Vouchers.js.map