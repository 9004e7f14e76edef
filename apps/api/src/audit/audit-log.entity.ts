import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/**
 * Append-only, hash-chained audit log (等保 8.1.4.3; ASVS 16.4.2). A BEFORE INSERT trigger sets
 * `seq` (the row's id) and leaves the chain columns NULL; the worker's AuditSequencer then chains
 * committed rows within a second or so: `chain_seq` (position 1, 2, 3…), `prev_hash`, `hash`.
 * Triggers refuse UPDATE (except that one-time fill), DELETE and TRUNCATE (migration
 * AuditSequencer1795910000008). No personal data in `detail`: ids only.
 */
@Entity({ name: 'audit_log' })
@Check(
  'audit_log_chained_together',
  `("chain_seq" IS NULL AND "prev_hash" IS NULL AND "hash" IS NULL)
        OR ("chain_seq" >= 1 AND "prev_hash" IS NOT NULL AND "hash" IS NOT NULL)`,
)
@Index('IDX_audit_log_chain_seq', ['chainSeq'], { unique: true, where: '"chain_seq" IS NOT NULL' })
@Index('IDX_audit_log_unchained', ['seq'], { where: '"chain_seq" IS NULL' })
@Index(['at'])
@Index(['actorId', 'at'])
@Index(['action', 'at'])
// "Everything about this record", newest first (migration AuditObjectIndex1796150000010).
@Index('IDX_audit_log_object', ['objectType', 'objectId', 'seq'])
export class AuditLogEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'object_type', type: 'text', nullable: true })
  objectType: string | null;

  @Column({ name: 'object_id', type: 'text', nullable: true })
  objectId: string | null;

  @Column({ type: 'text' })
  result: AuditResult;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb' })
  detail: Record<string, unknown>;

  /** Position in the chain, set by the sequencer; NULL until the row is chained. */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true })
  chainSeq: string | null;

  @Column({ name: 'prev_hash', type: 'bytea', nullable: true })
  prevHash: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  hash: Buffer | null;
}
