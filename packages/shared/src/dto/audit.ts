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

/** The filters of `GET /api/audit` and `GET /api/audit/export` (objectId needs objectType). */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
}

export const AUDIT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** An anchored position whose hash the database no longer holds (foundHash null: the position is gone). */
export interface AuditAnchorMismatch {
  /** 1-based line of the anchor in the file. */
  line: number;
  chainSeq: number;
  expectedHash: string;
  foundHash: string | null;
}

/** The database checked against the anchors outside it: its own chain, every anchor, the file's links. */
export interface AuditAnchorCheck {
  ok: boolean;
  chain: AuditVerifyReport;
  anchors: number;
  anchorsMatched: number;
  firstMismatch?: AuditAnchorMismatch;
  /** Lines of the anchor file that are unreadable or not linked to the line before. */
  brokenLines: number[];
}

/** `GET /api/audit/anchors`: the anchor file the API reads, its last anchors (newest last) and the check. */
export interface AuditAnchorsResponse {
  file: string;
  /** False when the file does not exist yet (the worker anchors daily at 00:05 Asia/Shanghai). */
  fileFound: boolean;
  anchors: { line: number; chainSeq: number; hash: string; anchoredAt: string }[];
  report: AuditAnchorCheck;
}
