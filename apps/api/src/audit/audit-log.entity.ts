import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/**
 * Append-only, hash-chained audit log (等保 8.1.4.3; ASVS 16.4.2). `seq`, `prev_hash` and `hash` are
 * set by a BEFORE INSERT trigger that holds an advisory lock on the chain head, so rows chain in
 * order; other triggers refuse UPDATE, DELETE and TRUNCATE. No personal data in `detail`: ids only.
 */
@Entity({ name: 'audit_log' })
@Index(['at'])
@Index(['actorId', 'at'])
@Index(['action', 'at'])
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

  @Column({ name: 'prev_hash', type: 'bytea' })
  prevHash: Buffer;

  @Column({ type: 'bytea' })
  hash: Buffer;
}
