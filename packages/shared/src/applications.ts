/**
 * The claim state machine: one explicit transition table. No code path moves a claim outside it
 * (the API checks every change against `canTransition` inside a state-guarded UPDATE).
 *
 * draft → submitted → checking → in_review → approved → paid
 *                                   ↘ returned → submitted (resubmitted after correction) …
 *                                   ↘ rejected
 * withdrawn (by the resident, before a decision) and expired (untouched drafts, returned claims
 * not resubmitted in time) end a claim too. cancelled ends a claim whose goods went back to the
 * dealer (a return, operations.md §6): from any live state, even after payment (the money is
 * then owed back as a receivable); the voucher's quota stays used (§5).
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'checking',
  'in_review',
  'returned',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
  'expired',
  'cancelled',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Each status's name in the texts the server writes (the resident's SMS and notices, the review
 * exports). The web's screens take theirs from their locale files.
 */
export const APPLICATION_STATUS_ZH: Readonly<Record<ApplicationStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  checking: '自动核验中',
  in_review: '审核中',
  returned: '退回补正',
  approved: '审核通过',
  paid: '已发放',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '已过期',
  cancelled: '已取消（商品已退货）',
};

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted', 'withdrawn', 'expired'],
  submitted: ['checking', 'withdrawn', 'cancelled'],
  checking: ['in_review', 'withdrawn', 'cancelled'],
  in_review: ['returned', 'approved', 'rejected', 'withdrawn', 'cancelled'],
  returned: ['submitted', 'withdrawn', 'expired', 'cancelled'],
  approved: ['paid', 'cancelled'],
  paid: ['cancelled'],
  rejected: [],
  withdrawn: [],
  expired: [],
  cancelled: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

/** Statuses in which the resident may still change the facts and documents. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'returned'];

/**
 * What a transition does to the program budget (programs.md, rules across programs): submitting
 * reserves, returned keeps, rejection/withdrawal/expiry release, approval commits, payment settles.
 * A cancellation (goods returned, operations.md §6) gives the money back: a reservation is
 * released, a commitment is `decommit`ted (committed → remaining); after payment nothing moves
 * here — the money paid stays paid and is owed back as a receivable, netted against the dealer's
 * next batch, as a sampling clawback is.
 */
export type BudgetEffect = 'reserve' | 'keep' | 'release' | 'commit' | 'decommit' | 'pay' | 'none';

export function budgetEffect(from: ApplicationStatus, to: ApplicationStatus): BudgetEffect {
  if (to === 'submitted') return from === 'draft' ? 'reserve' : 'keep';
  if (to === 'cancelled') {
    if (from === 'approved') return 'decommit';
    return from === 'paid' || from === 'draft' ? 'none' : 'release';
  }
  if (to === 'rejected' || to === 'withdrawn' || to === 'expired')
    return from === 'draft' ? 'none' : 'release';
  if (to === 'approved') return 'commit';
  if (to === 'paid') return 'pay';
  return 'keep';
}

/** Readable claim code, e.g. `ZQ-2026-000123`. */
export function applicationCode(year: number, sequence: number): string {
  return `ZQ-${year}-${String(sequence).padStart(6, '0')}`;
}

/** File types accepted for documents, by magic bytes (not by extension). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;
export type DocumentContentType = (typeof DOCUMENT_TYPES)[number];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_APPLICATION = 20;

/**
 * Detects a document's type from its first bytes. OFD (China's fixed-layout format, GB/T 33190) is
 * a ZIP container whose first entry is `OFD.xml`.
 */
export function sniffDocumentType(head: Uint8Array): DocumentContentType | null {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
    const name = String.fromCharCode(...head.slice(30, 30 + Math.min(nameLength, 64)));
    if (/^(OFD\.xml|ofd\.xml)$/.test(name)) return 'application/ofd';
  }
  return null;
}
