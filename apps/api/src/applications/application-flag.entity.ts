import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApplicationEntity } from './application.entity';

/** A signal raised by the automated checks (duplicate document, shared bank account, …). */
@Entity({ name: 'application_flag' })
@Index(['applicationId', 'code'], { unique: true })
// The review queue's flag filter: the claims with one flag, without walking the whole queue.
@Index('application_flag_code', ['code', 'applicationId'])
export class ApplicationFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'jsonb' })
  detail: Record<string, unknown>;

  /** The signal's weight in the risk score when it was raised (shared `RISK_SIGNALS`). */
  @Column({ type: 'integer', default: 0 })
  weight: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
