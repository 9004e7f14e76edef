"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealerPayee1796150000003 = void 0;
class DealerPayee1796150000003 {
    constructor() {
        this.name = 'DealerPayee1796150000003';
    }
    /**
     * Point-of-sale claims name the dealer organisation as payee (operations.md §1); null = the
     * resident. Every existing claim is a resident claim, so the column starts null everywhere and
     * the foreign key's validation reads no row that has a value.
     */
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "application" ADD "payee_organization_id" uuid');
        await queryRunner.query('CREATE INDEX "application_dealer_payee" ON "application"  ("payee_organization_id", "created_at", "id") WHERE "payee_organization_id" IS NOT NULL');
        await queryRunner.query('ALTER TABLE "application" ADD CONSTRAINT "FK_926e6c55dbdc0664c4dcbc3bc37" FOREIGN KEY ("payee_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "application" DROP CONSTRAINT "FK_926e6c55dbdc0664c4dcbc3bc37"');
        await queryRunner.query('DROP INDEX "public"."application_dealer_payee"');
        await queryRunner.query('ALTER TABLE "application" DROP COLUMN "payee_organization_id"');
    }
}
exports.DealerPayee1796150000003 = DealerPayee1796150000003;
//# sourceMappingURL=1796150000003-DealerPayee.js.map