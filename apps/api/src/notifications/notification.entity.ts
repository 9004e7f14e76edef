import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** The resident's in-app notification list (the same messages also go out by SMS). */
@Entity({ name: 'notification' })
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Business key of the event it reports, so a retried job writes it once. */
  @Index({ unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ name: 'text_zh', type: 'text' })
  textZh: string;

  @Column({ name: 'sms_sent_at', type: 'timestamptz', nullable: true })
  smsSentAt: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
