"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TranchesPauses1796140687883 = void 0;
/**
 * Budget tranches and program pauses (issue 12): `budget_tranche` (money with a source, a document
 * number once per program and an effective date; applied to the total once, when due) and
 * `program_pause` (announced pauses with their bilingual notice and grace days, insert-only).
 */
class TranchesPauses1796140687883 {
    constructor() {
        this.name = 'TranchesPauses1796140687883';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "budget_tranche" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "amount_fen" bigint NOT NULL, "source" text NOT NULL, "effective_on" date NOT NULL, "document_no" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "budget_tranche_source_known" CHECK ("source" IN (\'central\', \'province\', \'city\', \'district\')), CONSTRAINT "budget_tranche_amount_positive" CHECK ("amount_fen" > 0), CONSTRAINT "PK_a5f3b9febfc2e8892d60d40e544" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_99fcfc7ffd01402060f53768ba" ON "budget_tranche"  ("created_by") ');
        await queryRunner.query('CREATE INDEX "budget_tranche_pending" ON "budget_tranche"  ("effective_on") WHERE "applied_at" IS NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_3d963b4f049f0802045233a5a0" ON "budget_tranche"  ("program_id", "document_no") ');
        await queryRunner.query('CREATE TABLE "program_pause" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "pauses_at" TIMESTAMP WITH TIME ZONE NOT NULL, "grace_days" integer NOT NULL, "notice_zh" text NOT NULL, "notice_en" text NOT NULL, "announced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "announced_by" uuid NOT NULL, CONSTRAINT "program_pause_grace_range" CHECK ("grace_days" >= 0 AND "grace_days" <= 365), CONSTRAINT "PK_3da9535e9544c12077e91a112ae" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_bfb71c656cd118b93b0edca325" ON "program_pause"  ("announced_by") ');
        await queryRunner.query('CREATE INDEX "IDX_01cfb03956afac155d8207496d" ON "program_pause"  ("program_id", "announced_at") ');
        await queryRunner.query('ALTER TABLE "budget_tranche" ADD CONSTRAINT "FK_9c6032c3ac686600442e742fb7f" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "budget_tranche" ADD CONSTRAINT "FK_99fcfc7ffd01402060f53768ba5" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "program_pause" ADD CONSTRAINT "FK_c34295cb5289e5b0f61e6234cd3" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "program_pause" ADD CONSTRAINT "FK_bfb71c656cd118b93b0edca3255" FOREIGN KEY ("announced_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "program_pause" DROP CONSTRAINT "FK_bfb71c656cd118b93b0edca3255"');
        await queryRunner.query('ALTER TABLE "program_pause" DROP CONSTRAINT "FK_c34295cb5289e5b0f61e6234cd3"');
        await queryRunner.query('ALTER TABLE "budget_tranche" DROP CONSTRAINT "FK_99fcfc7ffd01402060f53768ba5"');
        await queryRunner.query('ALTER TABLE "budget_tranche" DROP CONSTRAINT "FK_9c6032c3ac686600442e742fb7f"');
        await queryRunner.query('DROP INDEX "public"."IDX_01cfb03956afac155d8207496d"');
        await queryRunner.query('DROP INDEX "public"."IDX_bfb71c656cd118b93b0edca325"');
        await queryRunner.query('DROP TABLE "program_pause"');
        await queryRunner.query('DROP INDEX "public"."IDX_3d963b4f049f0802045233a5a0"');
        await queryRunner.query('DROP INDEX "public"."budget_tranche_pending"');
        await queryRunner.query('DROP INDEX "public"."IDX_99fcfc7ffd01402060f53768ba"');
        await queryRunner.query('DROP TABLE "budget_tranche"');
    }
}
exports.TranchesPauses1796140687883 = TranchesPauses1796140687883;
//# sourceMappingURL=1796140687883-TranchesPauses.js.map