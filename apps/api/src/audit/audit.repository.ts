import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditLogEntry, AuditVerifyReport } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity, type AuditResult } from './audit-log.entity';
import type { AuditQueryDto } from './audit.dto';

const GENESIS = Buffer.alloc(32);
const VERIFY_BATCH = 1000;

/** The columns an audit row is written with; the insert trigger sets `seq`, `at` and the chain hashes. */
export interface AuditRowInput {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: AuditResult;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one row; pass the transaction's manager to make it part of the change it records. */
  async insert(row: AuditRowInput, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, object_type, object_id, result, ip, request_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
      [
        row.actorId,
        row.actorRole,
        row.action,
        row.objectType,
        row.objectId,
        row.result,
        row.ip,
        row.requestId,
        JSON.stringify(row.detail),
      ],
    );
  }

  async search(query: AuditQueryDto): Promise<AuditLogEntry[]> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    if (query.actor) qb.andWhere('a.actorId = :actor', { actor: query.actor });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.beforeSeq) qb.andWhere('a.seq < :beforeSeq', { beforeSeq: query.beforeSeq });
    const rows = await qb
      .orderBy('a.seq', 'DESC')
      .limit(query.limit ?? 100)
      .getMany();
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorRole: row.actorRole,
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      result: row.result,
      ip: row.ip,
      requestId: row.requestId,
      detail: row.detail,
      hash: row.hash.toString('hex'),
    }));
  }

  /**
   * Recomputes the chain in sequence order, in batches: each row's hash must equal
   * SHA-256(prev_hash ‖ canonical row) — computed by the same SQL function the insert trigger
   * uses — and each prev_hash must equal the previous row's hash. Reports the first bad seq.
   */
  async verify(): Promise<AuditVerifyReport> {
    let previous: Buffer = GENESIS;
    let afterSeq = 0;
    let checked = 0;
    for (;;) {
      const rows: { seq: string; prev_hash: Buffer; hash: Buffer; computed: Buffer }[] =
        await this.dataSource.query(
          `SELECT seq, prev_hash, hash, sha256(prev_hash || convert_to(audit_log_canonical(a), 'UTF8')) AS computed
           FROM audit_log a WHERE seq > $1 ORDER BY seq LIMIT $2`,
          [afterSeq, VERIFY_BATCH],
        );
      for (const row of rows) {
        if (!row.prev_hash.equals(previous) || !row.hash.equals(row.computed)) {
          return { ok: false, checked, firstBadSeq: Number(row.seq) };
        }
        previous = row.hash;
        checked += 1;
      }
      if (rows.length < VERIFY_BATCH) return { ok: true, checked };
      afterSeq = Number(rows[rows.length - 1]!.seq);
    }
  }
}
