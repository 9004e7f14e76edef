"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Applications1795892501260 = void 0;
class Applications1795892501260 {
    constructor() {
        this.name = 'Applications1795892501260';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "applicant_id" uuid NOT NULL, "program_id" uuid NOT NULL, "program_version_id" uuid NOT NULL, "status" text NOT NULL, "facts" jsonb NOT NULL, "evaluation" jsonb, "reserved_fen" bigint NOT NULL DEFAULT \'0\', "submitted_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "application_reserved_non_negative" CHECK ("reserved_fen" >= 0), CONSTRAINT "application_status_known" CHECK ("status" IN (\'draft\', \'submitted\', \'checking\', \'in_review\', \'returned\', \'approved\', \'paid\', \'rejected\', \'withdrawn\', \'expired\')), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_b38d2078e7b3cf3306b674eea7" ON "application"  ("code") ');
        await queryRunner.query('CREATE INDEX "IDX_362346d0719d1d2fe924a32fa5" ON "application"  ("status", "updated_at") ');
        await queryRunner.query('CREATE INDEX "IDX_12f06b69d99be27bc9cd176f4d" ON "application"  ("program_id", "status") ');
        await queryRunner.query('CREATE INDEX "IDX_9d2b49f70a9bf21638b262487f" ON "application"  ("applicant_id", "created_at") ');
        await queryRunner.query('CREATE TABLE "application_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "from_status" text, "to_status" text NOT NULL, "note" text, "actor_id" uuid, CONSTRAINT "PK_dfaa2b28d25fb0223bfd1313f0a" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_d76a92a9a7cfcf4c8e27666e12" ON "application_event"  ("application_id", "at") ');
        await queryRunner.query('CREATE TABLE "application_flag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "code" text NOT NULL, "detail" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd8ab75d02ccaf0cb3e48200e98" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_1267945886ca76f99bf58298c1" ON "application_flag"  ("application_id", "code") ');
        await queryRunner.query('CREATE TABLE "claim_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "program_id" uuid NOT NULL, "name" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f012c987b71e94dc86323ec5757" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_cd1e1118b57290acc8e9c580bd" ON "claim_key"  ("name", "value", "program_id") ');
        await queryRunner.query('CREATE TABLE "idempotency_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "scope" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "response_status" integer NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_213f125e14469be304f9ff1d452" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_a27aa773cebebf661d80b8af75" ON "idempotency_key"  ("user_id", "scope", "key") ');
        await queryRunner.query('CREATE TABLE "application_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" text NOT NULL, "content_type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "original_name" text, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_04f1535a911d17b4c6283de0d10" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_4600ece6e9659ec409bf34e721" ON "application_document"  ("sha256") ');
        await queryRunner.query('CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event_key" text NOT NULL, "kind" text NOT NULL, "params" jsonb NOT NULL, "text_zh" text NOT NULL, "sms_sent_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_e1ce86f768e97457c169b2c370" ON "notification"  ("event_key") ');
        await queryRunner.query('CREATE INDEX "IDX_73bfce92922b5fdb3c378fc8b9" ON "notification"  ("user_id", "created_at") ');
        await queryRunner.query('ALTER TABLE "application" ADD CONSTRAINT "FK_7fad621ac3ff9fe040a1e8cbe72" FOREIGN KEY ("applicant_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "application" ADD CONSTRAINT "FK_1dac796ab976a14659f700ee4a9" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "application" ADD CONSTRAINT "FK_b6b75c6588b38a08bffb4c3169e" FOREIGN KEY ("program_version_id") REFERENCES "program_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "application_event" ADD CONSTRAINT "FK_a438c3c070f4e044fed183f458c" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "application_flag" ADD CONSTRAINT "FK_c8929ba3b1c68158755c7464395" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "claim_key" ADD CONSTRAINT "FK_f1a7e1e9e6acf7c76e5379cfc84" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "application_document" ADD CONSTRAINT "FK_49f4aa9cdf8d6ae270c557db9f2" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        // Readable claim codes (ZQ-<year>-<n>) come from one sequence; TypeORM does not model it.
        await queryRunner.query(`CREATE SEQUENCE application_code_seq AS bigint`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP SEQUENCE application_code_seq`);
        await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"');
        await queryRunner.query('ALTER TABLE "application_document" DROP CONSTRAINT "FK_49f4aa9cdf8d6ae270c557db9f2"');
        await queryRunner.query('ALTER TABLE "claim_key" DROP CONSTRAINT "FK_f1a7e1e9e6acf7c76e5379cfc84"');
        await queryRunner.query('ALTER TABLE "application_flag" DROP CONSTRAINT "FK_c8929ba3b1c68158755c7464395"');
        await queryRunner.query('ALTER TABLE "application_event" DROP CONSTRAINT "FK_a438c3c070f4e044fed183f458c"');
        await queryRunner.query('ALTER TABLE "application" DROP CONSTRAINT "FK_b6b75c6588b38a08bffb4c3169e"');
        await queryRunner.query('ALTER TABLE "application" DROP CONSTRAINT "FK_1dac796ab976a14659f700ee4a9"');
        await queryRunner.query('ALTER TABLE "application" DROP CONSTRAINT "FK_7fad621ac3ff9fe040a1e8cbe72"');
        await queryRunner.query('DROP INDEX "public"."IDX_73bfce92922b5fdb3c378fc8b9"');
        await queryRunner.query('DROP INDEX "public"."IDX_e1ce86f768e97457c169b2c370"');
        await queryRunner.query('DROP TABLE "notification"');
        await queryRunner.query('DROP INDEX "public"."IDX_4600ece6e9659ec409bf34e721"');
        await queryRunner.query('DROP TABLE "application_document"');
        await queryRunner.query('DROP INDEX "public"."IDX_a27aa773cebebf661d80b8af75"');
        await queryRunner.query('DROP TABLE "idempotency_key"');
        await queryRunner.query('DROP INDEX "public"."IDX_cd1e1118b57290acc8e9c580bd"');
        await queryRunner.query('DROP TABLE "claim_key"');
        await queryRunner.query('DROP INDEX "public"."IDX_1267945886ca76f99bf58298c1"');
        await queryRunner.query('DROP TABLE "application_flag"');
        await queryRunner.query('DROP INDEX "public"."IDX_d76a92a9a7cfcf4c8e27666e12"');
        await queryRunner.query('DROP TABLE "application_event"');
        await queryRunner.query('DROP INDEX "public"."IDX_9d2b49f70a9bf21638b262487f"');
        await queryRunner.query('DROP INDEX "public"."IDX_12f06b69d99be27bc9cd176f4d"');
        await queryRunner.query('DROP INDEX "public"."IDX_362346d0719d1d2fe924a32fa5"');
        await queryRunner.query('DROP INDEX "public"."IDX_b38d2078e7b3cf3306b674eea7"');
        await queryRunner.query('DROP TABLE "application"');
    }
}
exports.Applications1795892501260 = Applications1795892501260;
//# sourceMappingURL=1795892501260-Applications.js.map