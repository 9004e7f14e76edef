import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timeline order within one instant: a claim's submitted → checking → in_review events can share one
 * `at` (one clock, one job), and ordering by `at` alone returned them in physical order.
 */
export class EventOrder1796126007124 implements MigrationInterface {
  name = 'EventOrder1796126007124';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "application_event" ADD "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "application_event" DROP COLUMN "seq"');
  }
}
