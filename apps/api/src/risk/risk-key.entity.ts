import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';

/**
 * Every key of a checked claim (VIN, certificate, invoice, serial / IMEI, property certificate),
 * whatever its program's uniqueness rule: `claim_key` holds only the keys that back one claim, but
 * the duplicate-key and vehicle signals also compare keys a program lets repeat (an old VIN, a
 * property certificate) and keys stacking programs share — across people.
 */
@Entity({ name: 'risk_key' })
@Index(['applicationId', 'name'], { unique: true })
@Index(['name', 'value'])
export class RiskKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
