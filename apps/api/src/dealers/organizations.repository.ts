import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationStatus } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { OrganizationEntity } from '../users/organization.entity';
import { UserEntity } from '../users/user.entity';
import { OrganizationStatusEventEntity } from './organization-status-event.entity';

/** What a dealer's write needs to know about its caller, read fresh (not from the session). */
export interface DealerAccess {
  organizationId: string;
  status: OrganizationStatus;
  orgAdmin: boolean;
}

/** Named organisation queries for registration, the commerce office's review and the dealer guard. */
@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).findOneBy({ id });
  }

  findByUscc(
    uscc: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).findOneBy({ uscc });
  }

  /** Locks the row for a status change (concurrent changes are ordered by the lock). */
  lock(id: string, manager: EntityManager): Promise<OrganizationEntity | null> {
    return manager
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
  }

  list(status?: OrganizationStatus): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).find({
      where: status ? { status } : {},
      order: { createdAt: 'ASC' },
    });
  }

  async setStatus(
    id: string,
    change: { status: OrganizationStatus; reason: string; at: Date },
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .getRepository(OrganizationEntity)
      .update({ id }, { status: change.status, statusReason: change.reason, statusChangedAt: change.at });
  }

  async insertStatusEvent(
    event: Pick<
      OrganizationStatusEventEntity,
      'organizationId' | 'fromStatus' | 'toStatus' | 'reason' | 'actorId'
    > & {
      createdAt: Date;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(OrganizationStatusEventEntity).insert(event);
  }

  history(organizationId: string): Promise<OrganizationStatusEventEntity[]> {
    return this.dataSource.getRepository(OrganizationStatusEventEntity).find({
      where: { organizationId },
      order: { createdAt: 'ASC' },
    });
  }

  /** The caller's organisation status and flag (null: not an enabled dealer account of an organisation). */
  async dealerAccess(userId: string): Promise<DealerAccess | null> {
    const [row] = (await this.dataSource.query(
      `SELECT o.id AS organization_id, o.status, u.org_admin
         FROM user_account u JOIN organization o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.role = 'dealer' AND u.disabled_at IS NULL`,
      [userId],
    )) as { organization_id: string; status: OrganizationStatus; org_admin: boolean }[];
    return row ? { organizationId: row.organization_id, status: row.status, orgAdmin: row.org_admin } : null;
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  listUsers(organizationId: string): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({
      where: { organizationId, role: 'dealer' },
      order: { createdAt: 'ASC' },
    });
  }
}
