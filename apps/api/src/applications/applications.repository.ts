import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
    return manager.getRepository(ApplicationEntity).findOne({ where: { id, applicantId }, lock: { mode: 'pessimistic_write' } });
  }

  lockById(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return manager.getRepository(ApplicationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  listForApplicant(applicantId: string): Promise<ApplicationEntity[]> {
    return this.dataSource.getRepository(ApplicationEntity).find({ where: { applicantId }, order: { createdAt: 'DESC' } });
  }

  timeline(applicationId: string): Promise<ApplicationEventEntity[]> {
    return this.dataSource.getRepository(ApplicationEventEntity).find({ where: { applicationId }, order: { at: 'ASC' } });
  }

  async nextCode(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT nextval('application_code_seq') AS n`)) as { n: string }[];
    return Number(row!.n);
  }

}
