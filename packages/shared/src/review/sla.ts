/**
 * The review SLA clock (operations.md §7): review starts when the claim is complete (all documents
 * in, automated checks done) and must end within the program's `serviceLevels.reviewDays`.
 * `warning` from 80 % of that time, `overdue` once it has passed.
 */
export const SLA_STATES = ['ok', 'warning', 'overdue'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The share of the review time after which a case is shown as `warning`. */
export const SLA_WARNING_SHARE = 0.8;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the review of a claim complete at `completeAt` is due. */
export function reviewDueAt(completeAt: Date, reviewDays: number): Date {
  return new Date(completeAt.getTime() + reviewDays * DAY_MS);
}

/** The SLA state of a review started at `completeAt`, seen at `now`. */
export function slaState(completeAt: Date, reviewDays: number, now: Date): SlaState {
  const allowed = reviewDays * DAY_MS;
  const elapsed = now.getTime() - completeAt.getTime();
  if (elapsed > allowed) return 'overdue';
  if (elapsed >= allowed * SLA_WARNING_SHARE) return 'warning';
  return 'ok';
}

/**
 * The pay SLA clock (operations.md §7, `serviceLevels.payDays`; national car rules: 30 days): an
 * approved claim is to be paid within that many days of its approval, `warning` and `overdue` as
 * for review. Shown on approved claims until they are paid.
 */
export interface PayClock {
  /** When payment is due (ISO instant): the approval plus `payDays`. */
  dueAt: string;
  payDays: number;
  state: SlaState;
}

/** The pay clock of a claim approved at `approvedAt`, seen at `now`. */
export function payClock(approvedAt: Date, payDays: number, now: Date): PayClock {
  return {
    dueAt: reviewDueAt(approvedAt, payDays).toISOString(),
    payDays,
    state: slaState(approvedAt, payDays, now),
  };
}
