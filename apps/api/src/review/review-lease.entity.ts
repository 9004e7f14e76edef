import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { UserEntity } from '../users/user.entity';

/**
 * Who is working on a claim in review (operations.md §7): one row per claim, so one holder at a
 * time is the primary key's doing, and taking it is one `INSERT … ON CONFLICT DO UPDATE … WHERE`
 * (review.repository `takeLease`) that only overwrites an expired lease or the holder's own.
 */
@Entity({ name: 'review_lease' })
export class ReviewLeaseEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Index()
  @Column({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'holder_id' })
  holder?: UserEntity;

  @Column({ name: 'lease_until', type: 'timestamptz' })
  leaseUntil: Date;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;
}
