"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VoucherRedemption1796160000001 = void 0;
/**
 * Redemption at the till (issue 14, operations.md §5): a redeemed voucher names the point-of-sale
 * claim it created (`application_id`, unique: one voucher, one claim — and the quota count leaves
 * that claim out through this index), the sale it was redeemed with (`sale_id`) and the subsidy
 * granted (`redeemed_fen`). No voucher was ever redeemed before this (the seam refused every
 * code), so the CHECK holds for every existing row.
 */
class VoucherRedemption1796160000001 {
    constructor() {
        this.name = 'VoucherRedemption1796160000001';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "voucher" ADD "application_id" uuid');
        await queryRunner.query('ALTER TABLE "voucher" ADD "sale_id" uuid');
        await queryRunner.query('ALTER TABLE "voucher" ADD "redeemed_fen" bigint');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_be256bbc6a5a2c35fc25bd5cf3" ON "voucher"  ("application_id") WHERE "application_id" IS NOT NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_47808d51b8293048808b119fae" ON "voucher"  ("sale_id") WHERE "sale_id" IS NOT NULL');
        await queryRunner.query(`ALTER TABLE "voucher" ADD CONSTRAINT "voucher_redeemed_consistent" CHECK (("status" = 'redeemed') = ("application_id" IS NOT NULL AND "redeemed_fen" IS NOT NULL))`);
        await queryRunner.query('ALTER TABLE "voucher" ADD CONSTRAINT "FK_8959ee3142a1a8976d945cf5beb" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "voucher" ADD CONSTRAINT "FK_be3b5f721fd67e80b3aa6480ae7" FOREIGN KEY ("sale_id") REFERENCES "dealer_sale"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_be3b5f721fd67e80b3aa6480ae7"');
        await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "FK_8959ee3142a1a8976d945cf5beb"');
        await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "voucher_redeemed_consistent"');
        await queryRunner.query('DROP INDEX "public"."IDX_47808d51b8293048808b119fae"');
        await queryRunner.query('DROP INDEX "public"."IDX_be256bbc6a5a2c35fc25bd5cf3"');
        await queryRunner.query('ALTER TABLE "voucher" DROP COLUMN "redeemed_fen"');
        await queryRunner.query('ALTER TABLE "voucher" DROP COLUMN "sale_id"');
        await queryRunner.query('ALTER TABLE "voucher" DROP COLUMN "application_id"');
    }
}
exports.VoucherRedemption1796160000001 = VoucherRedemption1796160000001;
//# sourceMappingURL=1796160000001-VoucherRedemption.js.map