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

/**
 * A claim's unique keys (new VIN, scrap certificate, invoice number, serial number), written at
 * submit. The unique index makes one key back one claim per program; across programs the submit
 * transaction takes an advisory lock per key and allows a second use only where the programs'
 * stacking lists say so. Released claims (rejected, withdrawn, expired) delete their keys.
 */
@Entity({ name: 'claim_key' })
@Index(['name', 'value', 'programId'], { unique: true })
export class ClaimKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Indexed: a claim's keys are read and deleted by claim (history, release), and the FK cascades. */
  @Index()
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
