import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApplicationEntity } from '../../../applications/application.entity';
import { bigintNumber } from '../../../database/transformers';
import { ProgramVersionEntity } from '../../../programs/program-version.entity';

/**
 * One claim's retroactive re-pricing when a version was published with `retroactive: true`
 * (issue 15): what it held before, what the new version offered (null when the claim is not
 * eligible under it), what it holds now, and whether it was `raised` (amount and version moved)
 * or `kept` (the new version pays less or nothing: a retroactive version never takes money away
 * from a filed claim). The timeline event says the same to the resident. It is also what lets the
 * money invariant tell a retroactive top-up's `reserve` ledger row from a claim reserved twice.
 */
@Entity({ name: 'application_reprice' })
@Check('application_reprice_outcome_known', `"outcome" IN ('raised', 'kept')`)
@Check('application_reprice_amounts', '"from_fen" >= 0 AND "to_fen" >= "from_fen"')
@Index(['applicationId', 'toVersionId'], { unique: true })
export class ApplicationRepriceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Index()
  @Column({ name: 'from_version_id', type: 'uuid' })
  fromVersionId: string;

  @ManyToOne(() => ProgramVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_version_id' })
  fromVersion?: ProgramVersionEntity;

  @Index()
  @Column({ name: 'to_version_id', type: 'uuid' })
  toVersionId: string;

  @ManyToOne(() => ProgramVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_version_id' })
  toVersion?: ProgramVersionEntity;

  @Column({ name: 'from_fen', type: 'bigint', transformer: bigintNumber })
  fromFen: number;

  /** What the new version would pay; null when the claim is not eligible under it. */
  @Column({ name: 'offered_fen', type: 'bigint', nullable: true, transformer: bigintNumber })
  offeredFen: number | null;

  @Column({ name: 'to_fen', type: 'bigint', transformer: bigintNumber })
  toFen: number;

  @Column({ type: 'text' })
  outcome: 'raised' | 'kept';

  /** The claim's timeline event that tells of it. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
