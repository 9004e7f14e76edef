import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Point-of-sale vouchers (issue 14): the voucher table. Its budget moves are ordinary ledger rows
 * with the voucher as `subject_id` (BudgetRepository.reserveForVoucher / releaseForVoucher).
 */
export class Vouchers1796150000004 implements MigrationInterface {
  name = 'Vouchers1796150000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "voucher" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "holder_id" uuid NOT NULL, "id_number_bidx" text NOT NULL, "program_id" uuid NOT NULL, "program_version_id" uuid NOT NULL, "category" text NOT NULL, "max_subsidy_fen" bigint NOT NULL, "reserved_fen" bigint NOT NULL, "status" text NOT NULL DEFAULT \'issued\', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminded_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "voucher_closed_consistent" CHECK (("status" = \'issued\') = ("closed_at" IS NULL)), CONSTRAINT "voucher_released_holds_nothing" CHECK ("status" IN (\'issued\', \'redeemed\') OR "reserved_fen" = 0), CONSTRAINT "voucher_reserved_range" CHECK ("reserved_fen" >= 0 AND "reserved_fen" <= "max_subsidy_fen"), CONSTRAINT "voucher_status_known" CHECK ("status" IN (\'issued\', \'redeemed\', \'expired\', \'cancelled\')), CONSTRAINT "PK_677ae75f380e81c2f103a57ffaf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_73e3d2a7719851716e94083698" ON "voucher"  ("code") ');
    await queryRunner.query('CREATE INDEX "IDX_a80cea0c177b7d09cb1f769673" ON "voucher"  ("program_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_4e02856ba6a968465cb910d402" ON "voucher"  ("program_version_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "voucher_issued_by_expiry" ON "voucher"  ("expires_at") WHERE "status" = \'issued\'',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7fedb3a891a78fea733e71688d" ON "voucher"  ("holder_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5064e8eeb0c25410102aa798aa" ON "voucher"  ("id_number_bidx", "program_id", "category") ',
    );
    await queryRunner.query(
      'ALTER TABLE "voucher" ADD CONSTRAINT "FK_d700b337382650d5c6db22834bd" FOREIGN KEY ("holder_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "voucher" ADD CONSTRAINT "FK_a80cea0c177b7d09cb1f7696737" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "voucher" ADD CONSTRAINT "FK_4e02856ba6a968465cb910d402a" FOREIGN KEY ("program_version_id") REFERENCES "program_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_4e02856ba6a968465cb910d402a"');
    await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_a80cea0c177b7d09cb1f7696737"');
    await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_d700b337382650d5c6db22834bd"');
    await queryRunner.query('DROP INDEX "public"."IDX_5064e8eeb0c25410102aa798aa"');
    await queryRunner.query('DROP INDEX "public"."IDX_7fedb3a891a78fea733e71688d"');
    await queryRunner.query('DROP INDEX "public"."voucher_issued_by_expiry"');
    await queryRunner.query('DROP INDEX "public"."IDX_4e02856ba6a968465cb910d402"');
    await queryRunner.query('DROP INDEX "public"."IDX_a80cea0c177b7d09cb1f769673"');
    await queryRunner.query('DROP INDEX "public"."IDX_73e3d2a7719851716e94083698"');
    await queryRunner.query('DROP TABLE "voucher"');
  }
}
