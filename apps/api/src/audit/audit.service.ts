import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { requestContext } from '../common/http/request-context';
import type { AuditResult } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  result: AuditResult;
  objectType?: string;
  objectId?: string;
  /** Ids, codes and reasons only: never personal data. */
  detail?: Record<string, unknown>;
  /** Defaults to the signed-in caller of the current request. */
  actor?: { id: string; role: string } | null;
}

/**
 * Writes audit rows. Who, from where and which request come from the request context unless
 * given. Pass the transaction's manager to make the row part of the change it records.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const context = requestContext.get();
    const actor = entry.actor === undefined ? context?.user : entry.actor;
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, object_type, object_id, result, ip, request_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
      [
        actor?.id ?? null,
        actor?.role ?? null,
        entry.action,
        entry.objectType ?? null,
        entry.objectId ?? null,
        entry.result,
        context?.ip ?? null,
        context?.requestId ?? null,
        JSON.stringify(entry.detail ?? {}),
      ],
    );
  }
}
