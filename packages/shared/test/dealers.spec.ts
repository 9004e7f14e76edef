import {
  canAsDealer,
  canChangeOrganizationStatus,
  isFlaggedPriceRaise,
  ORGANIZATION_STATUSES,
  organizationMayWrite,
  organizationStatusesInto,
  Permission,
  priceRaiseBasisPoints,
  type OrganizationStatus,
} from '../src';

describe('organisation lifecycle (operations.md §2)', () => {
  const allowed: [OrganizationStatus, OrganizationStatus][] = [
    ['pending', 'active'],
    ['pending', 'disqualified'],
    ['active', 'suspended'],
    ['suspended', 'active'],
    ['suspended', 'disqualified'],
  ];
  const all = ORGANIZATION_STATUSES.flatMap((from) =>
    ORGANIZATION_STATUSES.map((to) => [from, to] as [OrganizationStatus, OrganizationStatus]),
  );
  it.each(all)('%s → %s', (from, to) => {
    const expected = allowed.some(([a, b]) => a === from && b === to);
    expect(canChangeOrganizationStatus(from, to)).toBe(expected);
  });
  it('disqualified is final; nothing returns to pending', () => {
    expect(ORGANIZATION_STATUSES.filter((to) => canChangeOrganizationStatus('disqualified', to))).toEqual([]);
    expect(organizationStatusesInto('pending')).toEqual([]);
    expect(organizationStatusesInto('active')).toEqual(['pending', 'suspended']);
  });
  it.each([
    ['pending', false],
    ['active', true],
    ['suspended', false],
    ['disqualified', false],
  ] as const)('%s may write: %s', (status, may) => {
    expect(organizationMayWrite(status)).toBe(may);
  });
});

describe('filed-price raise rule (> 10 % over the 90-day lowest)', () => {
  it.each([
    [100_000, 110_000, false, 1000], // exactly 10 %: not above
    [100_000, 110_001, true, 1000],
    [100_000, 99_000, false, 0],
    [399_900, 439_900, true, 1000], // 10.0025 %
    [399_900, 439_889, false, 999],
    [1, 2, true, 10_000],
  ])('%i → %i flagged %s (%i bp)', (baseline, next, flagged, bp) => {
    expect(isFlaggedPriceRaise(baseline, next)).toBe(flagged);
    expect(priceRaiseBasisPoints(baseline, next)).toBe(bp);
  });
});

describe('canAsDealer: the orgAdmin flag adds staff management to the dealer role only', () => {
  it.each([
    [{ role: 'dealer', orgAdmin: true }, Permission.DealerStaffManage, true],
    [{ role: 'dealer', orgAdmin: false }, Permission.DealerStaffManage, false],
    [{ role: 'dealer' }, Permission.DealerStaffManage, false],
    [{ role: 'admin', orgAdmin: true }, Permission.DealerStaffManage, false],
    [{ role: 'dealer', orgAdmin: true }, Permission.UsersManage, false],
    [{ role: 'dealer', orgAdmin: false }, Permission.DealerOwn, true],
    [{ role: 'approver' }, Permission.OrganizationsReview, true],
    [{ role: 'admin' }, Permission.OrganizationsReview, true],
    [{ role: 'reviewer' }, Permission.OrganizationsReview, false],
  ] as const)('%j %s → %s', (user, permission, expected) => {
    expect(canAsDealer(user, permission)).toBe(expected);
  });
  it('nobody signed in may nothing', () => {
    expect(canAsDealer(null, Permission.DealerOwn)).toBe(false);
  });
});
