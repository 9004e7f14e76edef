import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubmitDevice1795895651066 implements MigrationInterface {
  name = 'SubmitDevice1795895651066';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "application" ADD "submit_device" text');
    await queryRunner.query(
      'CREATE INDEX "IDX_158511a181f5237db1b0fc77e5" ON "application"  ("submit_device") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_158511a181f5237db1b0fc77e5"');
    await queryRunner.query('ALTER TABLE "application" DROP COLUMN "submit_device"');
  }
}
