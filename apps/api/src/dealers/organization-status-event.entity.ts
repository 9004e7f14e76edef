import type { OrganizationStatus } from '@huanxin/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganizationEntity } from '../users/organization.entity';
import { UserEntity } from '../users/user.entity';

/**
 * Every status an organisation has had, with the reason: the registration (from null to pending)
 * and each change by the commerce office. The audit log records the same change; this table is
 * what the review page reads.
 */
@Entity({ name: 'organization_status_event' })
@Index(['organizationId', 'createdAt'])
export class OrganizationStatusEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: OrganizationStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: OrganizationStatus;

  @Column({ type: 'text' })
  reason: string;

  @Index()
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
