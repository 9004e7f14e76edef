"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealerSales1796150000001 = void 0;
class DealerSales1796150000001 {
    constructor() {
        this.name = 'DealerSales1796150000001';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "dealer_sale" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "recorded_by" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT \'recorded\', "program_code" text NOT NULL, "product_id" uuid, "category" text, "serial_no" text, "imei" text, "vin" text, "powertrain" text, "displacement_ml" integer, "in_nev_catalogue" boolean, "price_fen" bigint NOT NULL, "paid_fen" bigint NOT NULL, "subsidy_fen" bigint NOT NULL DEFAULT \'0\', "other_discount_fen" bigint NOT NULL DEFAULT \'0\', "filed_price_fen" bigint, "invoice_no" text NOT NULL, "invoice_date" date NOT NULL, "buyer_name_enc" text NOT NULL, "buyer_id_number_enc" text NOT NULL, "buyer_id_number_bidx" text NOT NULL, "delivery_mode" text, "delivery_address_enc" text, "delivery_address_bidx" text, "tracking_no" text, "delivered_on" date, "old_item_recycler_uscc" text, "old_item_receipt_no" text, "old_item_recycled_on" date, "application_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dealer_sale_delivery_address" CHECK ("delivery_mode" IS DISTINCT FROM \'delivery\' OR "delivery_address_enc" IS NOT NULL), CONSTRAINT "dealer_sale_kind_fields" CHECK (("kind" = \'goods\' AND "product_id" IS NOT NULL AND "serial_no" IS NOT NULL AND "delivery_mode" IS NOT NULL AND "vin" IS NULL)\n   OR ("kind" = \'car\' AND "vin" IS NOT NULL AND "product_id" IS NULL AND "serial_no" IS NULL)), CONSTRAINT "dealer_sale_amounts_add_up" CHECK ("price_fen" = "paid_fen" + "subsidy_fen" + "other_discount_fen" AND "price_fen" > 0 AND "paid_fen" >= 0 AND "subsidy_fen" >= 0 AND "other_discount_fen" >= 0), CONSTRAINT "dealer_sale_delivery_known" CHECK ("delivery_mode" IS NULL OR "delivery_mode" IN (\'pickup\', \'delivery\')), CONSTRAINT "dealer_sale_status_known" CHECK ("status" IN (\'recorded\', \'returned\')), CONSTRAINT "dealer_sale_kind_known" CHECK ("kind" IN (\'goods\', \'car\')), CONSTRAINT "PK_76aeb321a9688d693548d97c75e" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_9cd44d6326781fa57af6eea474" ON "dealer_sale"  ("recorded_by") ');
        await queryRunner.query('CREATE INDEX "IDX_03444a8821e7ed6a0438683acc" ON "dealer_sale"  ("product_id") ');
        await queryRunner.query('CREATE INDEX "IDX_3a062efa4f51888c8846a7a86c" ON "dealer_sale"  ("buyer_id_number_bidx") ');
        await queryRunner.query('CREATE INDEX "IDX_fa9e43485b31e1bb9b897d22ca" ON "dealer_sale"  ("delivery_address_bidx") ');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_a98274e6da62b526f718d21108" ON "dealer_sale"  ("application_id") WHERE "application_id" IS NOT NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "dealer_sale_vin_unique" ON "dealer_sale"  ("vin") WHERE "vin" IS NOT NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "dealer_sale_invoice_unique" ON "dealer_sale"  ("invoice_no") ');
        await queryRunner.query('CREATE UNIQUE INDEX "dealer_sale_imei_unique" ON "dealer_sale"  ("imei") WHERE "imei" IS NOT NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "dealer_sale_serial_unique" ON "dealer_sale"  ("serial_no", "category") WHERE "serial_no" IS NOT NULL');
        await queryRunner.query('CREATE INDEX "IDX_f1ab7f9073eaec03c5db57a714" ON "dealer_sale"  ("organization_id", "created_at") ');
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD CONSTRAINT "FK_94f68b8d6bfa9d2d6e985d3949a" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD CONSTRAINT "FK_9cd44d6326781fa57af6eea474f" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD CONSTRAINT "FK_03444a8821e7ed6a0438683accf" FOREIGN KEY ("product_id") REFERENCES "dealer_product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_sale" ADD CONSTRAINT "FK_75d8c6a09e8d3dda08dd3eecfea" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP CONSTRAINT "FK_75d8c6a09e8d3dda08dd3eecfea"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP CONSTRAINT "FK_03444a8821e7ed6a0438683accf"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP CONSTRAINT "FK_9cd44d6326781fa57af6eea474f"');
        await queryRunner.query('ALTER TABLE "dealer_sale" DROP CONSTRAINT "FK_94f68b8d6bfa9d2d6e985d3949a"');
        await queryRunner.query('DROP INDEX "public"."IDX_f1ab7f9073eaec03c5db57a714"');
        await queryRunner.query('DROP INDEX "public"."dealer_sale_serial_unique"');
        await queryRunner.query('DROP INDEX "public"."dealer_sale_imei_unique"');
        await queryRunner.query('DROP INDEX "public"."dealer_sale_invoice_unique"');
        await queryRunner.query('DROP INDEX "public"."dealer_sale_vin_unique"');
        await queryRunner.query('DROP INDEX "public"."IDX_a98274e6da62b526f718d21108"');
        await queryRunner.query('DROP INDEX "public"."IDX_fa9e43485b31e1bb9b897d22ca"');
        await queryRunner.query('DROP INDEX "public"."IDX_3a062efa4f51888c8846a7a86c"');
        await queryRunner.query('DROP INDEX "public"."IDX_03444a8821e7ed6a0438683acc"');
        await queryRunner.query('DROP INDEX "public"."IDX_9cd44d6326781fa57af6eea474"');
        await queryRunner.query('DROP TABLE "dealer_sale"');
    }
}
exports.DealerSales1796150000001 = DealerSales1796150000001;
//# sourceMappingURL=1796150000001-DealerSales.js.map