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
  /** Position in the hash chain; null for a row the sequencer has not chained yet (a second or so). */
  chainSeq: number | null;
  /** The row's chain hash, hex; null while the row is not chained yet. */
  hash: string | null;
}

/**
 * `GET /api/audit/verify`: the hash chain recomputed in chain order; `firstBadSeq` (the row's seq)
 * and `firstBadPosition` (its chain position) when a row does not match or link. `ok` is false too
 * when a committed row has waited longer than the configured age to be chained (`staleUnchained`).
 */
export interface AuditVerifyReport {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  firstBadPosition?: number;
  unchained: number;
  staleUnchained: number;
  oldestUnchainedAt?: string;
}
