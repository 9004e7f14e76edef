import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../common/http/request-context';
import type { AuditResult } from './audit-log.entity';
import { AuditRepository, type AuditRowInput } from './audit.repository';

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
  constructor(private readonly rows: AuditRepository) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.rows.insert(rowOf(entry), manager);
  }

  /** `record` for several entries, in one statement (e.g. a batch of claims moved together). */
  async recordMany(entries: readonly AuditEntry[], manager?: EntityManager): Promise<void> {
    if (entries.length) await this.rows.insertMany(entries.map(rowOf), manager);
  }
}

/** The row of an entry; who, from where and which request from the request context unless given. */
function rowOf(entry: AuditEntry): AuditRowInput {
  const context = requestContext.get();
  const actor = entry.actor === undefined ? context?.user : entry.actor;
  return {
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result,
    ip: context?.ip ?? null,
    requestId: context?.requestId ?? null,
    detail: entry.detail ?? {},
  };
}
