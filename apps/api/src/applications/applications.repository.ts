import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgramDefinition } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOwned(id: string, applicantId: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ id, applicantId });
  }

  /** Locks the claim for the rest of the transaction (a second submit waits, then sees the new status). */
  lockOwned(manager: EntityManager, id: string, applicantId: string): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .findOne({ where: { id, applicantId }, lock: { mode: 'pessimistic_write' } });
  }

  lockById(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  listForApplicant(applicantId: string): Promise<ApplicationEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEntity)
      .find({ where: { applicantId }, order: { createdAt: 'DESC' } });
  }

  timeline(applicationId: string): Promise<ApplicationEventEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEventEntity)
      .find({ where: { applicationId }, order: { at: 'ASC' } });
  }

  async nextCode(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT nextval('application_code_seq') AS n`)) as { n: string }[];
    return Number(row!.n);
  }

  /** The kinds of document a claim has on file. */
  async documentKinds(manager: EntityManager, applicationId: string): Promise<string[]> {
    const rows: { kind: string }[] = await manager.query(
      `SELECT DISTINCT kind FROM application_document WHERE application_id = $1`,
      [applicationId],
    );
    return rows.map((row) => row.kind);
  }

  /**
   * Takes the key's advisory lock for the rest of the transaction (a second claim of the same key
   * waits here until the first commits or rolls back), then lists the other claims holding it.
   */
  async lockClaimKeyHolders(
    manager: EntityManager,
    key: { name: string; value: string },
    excludeApplicationId: string,
  ): Promise<{ application_id: string; program_id: string; definition: ProgramDefinition }[]> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7406))`, [
      `claim-key:${key.name}:${key.value}`,
    ]);
    return manager.query(
      `SELECT k.application_id, k.program_id, v.definition FROM claim_key k
         JOIN application a ON a.id = k.application_id JOIN program_version v ON v.id = a.program_version_id
        WHERE k.name = $1 AND k.value = $2 AND k.application_id <> $3`,
      [key.name, key.value, excludeApplicationId],
    );
  }

  async insertClaimKey(
    manager: EntityManager,
    application: { id: string; programId: string },
    key: { name: string; value: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO claim_key (application_id, program_id, name, value) VALUES ($1, $2, $3, $4) ON CONFLICT (name, value, program_id) DO NOTHING`,
      [application.id, application.programId, key.name, key.value],
    );
  }
}
