import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-person rule for accounts that may reveal personal data (reviewer, approver): the admin who
 * creates one, or sets its password, resets its second factor or re-enables it, is recorded here,
 * and the account cannot sign in until a different admin activates it (clears the column).
 */
export class AccountActivation1795900000003 implements MigrationInterface {
  name = 'AccountActivation1795900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_account" ADD "pending_activation_by" uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_account" DROP COLUMN "pending_activation_by"');
  }
}
