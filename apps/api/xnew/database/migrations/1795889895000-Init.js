"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Init1795889895000 = void 0;
class Init1795889895000 {
    constructor() {
        this.name = 'Init1795889895000';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "program" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "kind" text NOT NULL, "title_zh" text NOT NULL, "title_en" text NOT NULL, "current_version_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3bade5945afbafefdd26a3a29fb" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_c6b8c4c1adba14ec96387d3c00" ON "program"  ("code") ');
        await queryRunner.query('CREATE TABLE "budget_ledger" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "subject_id" uuid, "entry" text NOT NULL, "amount_fen" bigint NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "budget_ledger_entry_known" CHECK ("entry" IN (\'reserve\', \'release\', \'commit\', \'pay\', \'adjust\')), CONSTRAINT "PK_014a19f86cec669d0bfc5c4b6a4" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_811bb7d52047d366bcf3e1600d" ON "budget_ledger"  ("program_id", "created_at") ');
        await queryRunner.query('CREATE TABLE "budget_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "job_key" text NOT NULL, "reason" text NOT NULL, "total_fen" bigint NOT NULL, "reserved_fen" bigint NOT NULL, "committed_fen" bigint NOT NULL, "paid_fen" bigint NOT NULL, "remaining_fen" bigint NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6895d1d2e41494bb1c6cda1c487" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_31f40b17b2146ef6e586c47dfd" ON "budget_snapshot"  ("job_key") ');
        await queryRunner.query('CREATE INDEX "IDX_73cae48434fa6efa24c130ea8e" ON "budget_snapshot"  ("program_id", "taken_at") ');
        await queryRunner.query('CREATE TABLE "budget" ("program_id" uuid NOT NULL, "total_fen" bigint NOT NULL, "reserved_fen" bigint NOT NULL DEFAULT \'0\', "committed_fen" bigint NOT NULL DEFAULT \'0\', "paid_fen" bigint NOT NULL DEFAULT \'0\', "remaining_fen" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "budget_balances" CHECK ("total_fen" = "remaining_fen" + "reserved_fen" + "committed_fen" + "paid_fen"), CONSTRAINT "budget_parts_non_negative" CHECK ("reserved_fen" >= 0 AND "committed_fen" >= 0 AND "paid_fen" >= 0), CONSTRAINT "budget_remaining_non_negative" CHECK ("remaining_fen" >= 0), CONSTRAINT "PK_554297b3a2e1e8c24b14169931a" PRIMARY KEY ("program_id"))');
        await queryRunner.query('CREATE TABLE "program_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "version" integer NOT NULL, "definition" jsonb NOT NULL, "opens_on" date NOT NULL, "closes_on" date NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_295cd6e7380de3597b9b85b8f17" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_5ae519fa3ca33484bc671b41fc" ON "program_version"  ("program_id", "version") ');
        await queryRunner.query('CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" text NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "outbox_pending" ON "outbox"  ("created_at") WHERE "dispatched_at" IS NULL');
        await queryRunner.query('ALTER TABLE "budget_ledger" ADD CONSTRAINT "FK_32944685fa2845a2b5af124434b" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "budget_snapshot" ADD CONSTRAINT "FK_223f81dada53575b0602c470e61" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "budget" ADD CONSTRAINT "FK_554297b3a2e1e8c24b14169931a" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "program_version" ADD CONSTRAINT "FK_926cdc13e64af5b17964f01000c" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "program_version" DROP CONSTRAINT "FK_926cdc13e64af5b17964f01000c"');
        await queryRunner.query('ALTER TABLE "budget" DROP CONSTRAINT "FK_554297b3a2e1e8c24b14169931a"');
        await queryRunner.query('ALTER TABLE "budget_snapshot" DROP CONSTRAINT "FK_223f81dada53575b0602c470e61"');
        await queryRunner.query('ALTER TABLE "budget_ledger" DROP CONSTRAINT "FK_32944685fa2845a2b5af124434b"');
        await queryRunner.query('DROP INDEX "public"."outbox_pending"');
        await queryRunner.query('DROP TABLE "outbox"');
        await queryRunner.query('DROP INDEX "public"."IDX_5ae519fa3ca33484bc671b41fc"');
        await queryRunner.query('DROP TABLE "program_version"');
        await queryRunner.query('DROP TABLE "budget"');
        await queryRunner.query('DROP INDEX "public"."IDX_73cae48434fa6efa24c130ea8e"');
        await queryRunner.query('DROP INDEX "public"."IDX_31f40b17b2146ef6e586c47dfd"');
        await queryRunner.query('DROP TABLE "budget_snapshot"');
        await queryRunner.query('DROP INDEX "public"."IDX_811bb7d52047d366bcf3e1600d"');
        await queryRunner.query('DROP TABLE "budget_ledger"');
        await queryRunner.query('DROP INDEX "public"."IDX_c6b8c4c1adba14ec96387d3c00"');
        await queryRunner.query('DROP TABLE "program"');
    }
}
exports.Init1795889895000 = Init1795889895000;
//# sourceMappingURL=1795889895000-Init.js.map