"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SecurityAdminRole1796160000030 = void 0;
/**
 * 三员 (等保 8.1.4.2 d): the security administrator (`security_admin`) joins the roles the account
 * table accepts. The CHECK is the last line of defence behind the shared role map: a role the
 * permission map does not know can never be stored, whatever code writes the row.
 */
class SecurityAdminRole1796160000030 {
    constructor() {
        this.name = 'SecurityAdminRole1796160000030';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "user_account" DROP CONSTRAINT "user_role_known"');
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_role_known" CHECK ("role" IN ('resident', 'dealer', 'reviewer', 'approver', 'finance', 'admin', 'security_admin', 'auditor'))`);
    }
    async down(queryRunner) {
        // Refuses (the CHECK fails) while a security administrator exists: change its role first.
        await queryRunner.query('ALTER TABLE "user_account" DROP CONSTRAINT "user_role_known"');
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_role_known" CHECK ("role" IN ('resident', 'dealer', 'reviewer', 'approver', 'finance', 'admin', 'auditor'))`);
    }
}
exports.SecurityAdminRole1796160000030 = SecurityAdminRole1796160000030;
//# sourceMappingURL=1796160000030-SecurityAdminRole.js.map