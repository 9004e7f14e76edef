"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PersonHistory1795896000001 = void 0;
/**
 * Claims count for the PERSON (issue 9, items 1–2): each claim records the blind index of its
 * applicant's ID number at submission, so quota history and the per-person submission lock follow
 * the ID number across accounts. Existing submitted claims take their applicant's current one.
 * Idempotency keys get an index on `created_at` for the daily pruning job.
 */
class PersonHistory1795896000001 {
    constructor() {
        this.name = 'PersonHistory1795896000001';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "application" ADD "id_number_bidx" text');
        await queryRunner.query('CREATE INDEX "IDX_e4f3eb4ffa4769313b6e9dee9c" ON "application"  ("id_number_bidx") ');
        await queryRunner.query(`UPDATE "application" a SET "id_number_bidx" = p."id_number_bidx" FROM "resident_profile" p
        WHERE p."user_id" = a."applicant_id" AND a."submitted_at" IS NOT NULL`);
        await queryRunner.query('CREATE INDEX "IDX_72d9c713a563e6e92176fe0e44" ON "idempotency_key"  ("created_at") ');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_72d9c713a563e6e92176fe0e44"');
        await queryRunner.query('DROP INDEX "public"."IDX_e4f3eb4ffa4769313b6e9dee9c"');
        await queryRunner.query('ALTER TABLE "application" DROP COLUMN "id_number_bidx"');
    }
}
exports.PersonHistory1795896000001 = PersonHistory1795896000001;
//# sourceMappingURL=1795896000001-PersonHistory.js.map