"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealerCertificates1796150000002 = void 0;
class DealerCertificates1796150000002 {
    constructor() {
        this.name = 'DealerCertificates1796150000002';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "dealer_certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "certificate_no" text NOT NULL, "vin" text NOT NULL, "vin_warning" boolean NOT NULL DEFAULT false, "plate" text NOT NULL, "owner_name_enc" text NOT NULL, "owner_id_number_enc" text NOT NULL, "owner_id_number_bidx" text NOT NULL, "handed_over_on" date NOT NULL, "deregistered_on" date, "scan_storage_key" text NOT NULL, "scan_content_type" text NOT NULL, "scan_size" bigint NOT NULL, "scan_sha256" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_470bcd56e4300f74dd43b76446f" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_10d7881b424b1e58156a31a894" ON "dealer_certificate"  ("certificate_no") ');
        await queryRunner.query('CREATE INDEX "IDX_9043513218f8ec2a6440365553" ON "dealer_certificate"  ("vin") ');
        await queryRunner.query('CREATE INDEX "IDX_7f3e0f4a3f567f33efdf8b9b0d" ON "dealer_certificate"  ("owner_id_number_bidx") ');
        await queryRunner.query('CREATE INDEX "IDX_199afa3c1313b29e705742bb2c" ON "dealer_certificate"  ("created_by") ');
        await queryRunner.query('CREATE INDEX "IDX_3d448343788874c133c8479031" ON "dealer_certificate"  ("organization_id", "created_at") ');
        await queryRunner.query('CREATE TABLE "organization_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "kind" text NOT NULL, "content_type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "original_name" text, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organization_document_kind_known" CHECK ("kind" IN (\'business_licence\', \'commitment\')), CONSTRAINT "PK_89fbc3c423bb134c8dd015958e1" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_c8579c6e8193ffb26ad8c77074" ON "organization_document"  ("uploaded_by") ');
        await queryRunner.query('CREATE INDEX "IDX_165db03864d02584f50cd4f837" ON "organization_document"  ("organization_id", "created_at") ');
        await queryRunner.query('CREATE TABLE "dealer_recycling_receipt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "receipt_no" text NOT NULL, "category" text NOT NULL, "seller_id_number_enc" text NOT NULL, "seller_id_number_bidx" text NOT NULL, "recycled_on" date NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9844868c049ea32aba6009f0dba" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_338875d8169f499045b23aad16" ON "dealer_recycling_receipt"  ("receipt_no") ');
        await queryRunner.query('CREATE INDEX "IDX_6940c268f984573124dc5efcac" ON "dealer_recycling_receipt"  ("seller_id_number_bidx") ');
        await queryRunner.query('CREATE INDEX "IDX_da690709b35011e5a6d29cb5c4" ON "dealer_recycling_receipt"  ("created_by") ');
        await queryRunner.query('CREATE INDEX "IDX_5bab9d58a79e1e952af58c58ea" ON "dealer_recycling_receipt"  ("organization_id", "created_at") ');
        await queryRunner.query('ALTER TABLE "dealer_certificate" ADD CONSTRAINT "FK_a864f8fd33e3cfd9cd7a64fb68b" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_certificate" ADD CONSTRAINT "FK_199afa3c1313b29e705742bb2cd" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "organization_document" ADD CONSTRAINT "FK_80e6c1daee09bb309c2b9a30456" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "organization_document" ADD CONSTRAINT "FK_c8579c6e8193ffb26ad8c770744" FOREIGN KEY ("uploaded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_recycling_receipt" ADD CONSTRAINT "FK_dac8ba483c6356e96698dd643c7" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "dealer_recycling_receipt" ADD CONSTRAINT "FK_da690709b35011e5a6d29cb5c4d" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "dealer_recycling_receipt" DROP CONSTRAINT "FK_da690709b35011e5a6d29cb5c4d"');
        await queryRunner.query('ALTER TABLE "dealer_recycling_receipt" DROP CONSTRAINT "FK_dac8ba483c6356e96698dd643c7"');
        await queryRunner.query('ALTER TABLE "organization_document" DROP CONSTRAINT "FK_c8579c6e8193ffb26ad8c770744"');
        await queryRunner.query('ALTER TABLE "organization_document" DROP CONSTRAINT "FK_80e6c1daee09bb309c2b9a30456"');
        await queryRunner.query('ALTER TABLE "dealer_certificate" DROP CONSTRAINT "FK_199afa3c1313b29e705742bb2cd"');
        await queryRunner.query('ALTER TABLE "dealer_certificate" DROP CONSTRAINT "FK_a864f8fd33e3cfd9cd7a64fb68b"');
        await queryRunner.query('DROP INDEX "public"."IDX_5bab9d58a79e1e952af58c58ea"');
        await queryRunner.query('DROP INDEX "public"."IDX_da690709b35011e5a6d29cb5c4"');
        await queryRunner.query('DROP INDEX "public"."IDX_6940c268f984573124dc5efcac"');
        await queryRunner.query('DROP INDEX "public"."IDX_338875d8169f499045b23aad16"');
        await queryRunner.query('DROP TABLE "dealer_recycling_receipt"');
        await queryRunner.query('DROP INDEX "public"."IDX_165db03864d02584f50cd4f837"');
        await queryRunner.query('DROP INDEX "public"."IDX_c8579c6e8193ffb26ad8c77074"');
        await queryRunner.query('DROP TABLE "organization_document"');
        await queryRunner.query('DROP INDEX "public"."IDX_3d448343788874c133c8479031"');
        await queryRunner.query('DROP INDEX "public"."IDX_199afa3c1313b29e705742bb2c"');
        await queryRunner.query('DROP INDEX "public"."IDX_7f3e0f4a3f567f33efdf8b9b0d"');
        await queryRunner.query('DROP INDEX "public"."IDX_9043513218f8ec2a6440365553"');
        await queryRunner.query('DROP INDEX "public"."IDX_10d7881b424b1e58156a31a894"');
        await queryRunner.query('DROP TABLE "dealer_certificate"');
    }
}
exports.DealerCertificates1796150000002 = DealerCertificates1796150000002;
//# sourceMappingURL=1796150000002-DealerCertificates.js.map