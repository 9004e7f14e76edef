import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `Idempotency-Key` records (security-reliability.md §3.2): written in the same transaction as the
 * operation, so a retry after a lost answer gets the stored answer and never repeats the work.
 */
@Entity({ name: 'idempotency_key' })
@Index(['userId', 'scope', 'key'], { unique: true })
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** The operation, e.g. `submit:<applicationId>`. */
  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'response_status', type: 'integer' })
  responseStatus: number;

  @Column({ name: 'response_body', type: 'jsonb' })
  responseBody: Record<string, unknown>;

  /** Set from the Clock; keys older than a day are pruned (`applications.prune-idempotency-keys`). */
  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
