/** One row of `GET /api/audit` (newest first). `detail` holds ids only, never personal data. */
export interface AuditLogEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: 'success' | 'failure' | 'denied';
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
  /** The row's chain hash, hex. */
  hash: string;
}

/** `GET /api/audit/verify`: the hash chain recomputed; `firstBadSeq` when a row does not match. */
export interface AuditVerifyReport {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
}
