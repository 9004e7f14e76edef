import type { ApplicationStatus } from '@huanxin/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ApplicationEntity } from './application.entity';

/** The claim's timeline: one row per status change. */
@Entity({ name: 'application_event' })
@Index(['applicationId', 'at'])
export class ApplicationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order: breaks ties between events stamped with the same `at` (one transaction, one clock). */
  @Column({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
    insert: false,
    update: false,
  })
  seq: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;
}
