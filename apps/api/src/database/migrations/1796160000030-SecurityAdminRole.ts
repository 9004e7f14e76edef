import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三员 (等保 8.1.4.2 d): the security administrator (`security_admin`) joins the roles the account
 * table accepts. The CHECK is the last line of defence behind the shared role map: a role the
 * permission map does not know can never be stored, whatever code writes the row.
 */
export class SecurityAdminRole1796160000030 implements MigrationInterface {
  name = 'SecurityAdminRole1796160000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_account" DROP CONSTRAINT "user_role_known"');
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "user_role_known" CHECK ("role" IN ('resident', 'dealer', 'reviewer', 'approver', 'finance', 'admin', 'security_admin', 'auditor'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Refuses (the CHECK fails) while a security administrator exists: change its role first.
    await queryRunner.query('ALTER TABLE "user_account" DROP CONSTRAINT "user_role_known"');
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "user_role_known" CHECK ("role" IN ('resident', 'dealer', 'reviewer', 'approver', 'finance', 'admin', 'auditor'))`,
    );
  }
}
