/**
 * Dealer organisations and their product register (operations.md §2): the kinds, the lifecycle and
 * the filed-price raise rule, shared so the web offers exactly the changes the API accepts.
 */

/** What an organisation does; one organisation may be several. */
export const ORGANIZATION_KINDS = ['retailer', 'car_dealer', 'dismantler', 'recycler'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_STATUSES = ['pending', 'active', 'suspended', 'disqualified'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/**
 * The lifecycle: `pending → active → suspended → active | disqualified`. A registration found to be
 * fraudulent may also be disqualified straight from `pending`. An active organisation is suspended
 * first (its payouts are held at once) and disqualified from there; `disqualified` is final, and its
 * credit code can never register again. Any other change is 409 ILLEGAL_STATUS_CHANGE.
 */
export const ORGANIZATION_TRANSITIONS: Readonly<Record<OrganizationStatus, readonly OrganizationStatus[]>> = {
  pending: ['active', 'disqualified'],
  active: ['suspended'],
  suspended: ['active', 'disqualified'],
  disqualified: [],
};

export function canChangeOrganizationStatus(from: OrganizationStatus, to: OrganizationStatus): boolean {
  return ORGANIZATION_TRANSITIONS[from].includes(to);
}

/** The statuses an organisation may be moved out of into `to` (for the guarded UPDATE). */
export function organizationStatusesInto(to: OrganizationStatus): OrganizationStatus[] {
  return ORGANIZATION_STATUSES.filter((from) => ORGANIZATION_TRANSITIONS[from].includes(to));
}

/** Only an active organisation records sales, products or staff; the others keep read access. */
export function organizationMayWrite(status: OrganizationStatus): boolean {
  return status === 'active';
}

/**
 * The "raise before the discount" rule (operations.md §2): a filed price more than 10 % above the
 * lowest price the product was filed at in the 90 days before the change is flagged for review.
 * The lowest, not the previous, price is the baseline, so two raises of 6 % are caught too.
 */
export const FILED_PRICE_RAISE_RULE = { thresholdBasisPoints: 1000, windowDays: 90 } as const;

/** True when `newFen` exceeds `baselineFen` by more than the threshold (integer arithmetic, no floats). */
export function isFlaggedPriceRaise(baselineFen: number, newFen: number): boolean {
  return newFen * 10_000 > baselineFen * (10_000 + FILED_PRICE_RAISE_RULE.thresholdBasisPoints);
}

/** The raise over the baseline in basis points (1 % = 100), rounded down; 0 for a cut. */
export function priceRaiseBasisPoints(baselineFen: number, newFen: number): number {
  if (baselineFen <= 0 || newFen <= baselineFen) return 0;
  return Math.floor(((newFen - baselineFen) * 10_000) / baselineFen);
}

/** Dealer usernames: lower-case, 3–32 characters (as staff accounts). */
export const DEALER_USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

/** Filed prices: whole fen, at most ¥10,000,000 (an upper bound that catches a mistyped price). */
export const MAX_FILED_PRICE_FEN = 1_000_000_000;

/** The signed commitment's version (advance the subsidy, return it on refunds, accept the payout wait). */
export const DEALER_COMMITMENT_VERSION = 'dealer-commitment-2026-12';
