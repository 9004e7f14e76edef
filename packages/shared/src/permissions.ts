/**
 * Roles and what each may do. The API's global guard enforces this map on every route; the web
 * reads the same map to show only what a user may do. Denied by default: a permission not listed
 * for a role is refused.
 *
 * Separation of duties (等保 三员, GB/T 35273 §7.1): `admin` is the system administrator (accounts,
 * organisations, programs) and reads no resident personal data; `security_admin` is the security
 * administrator (role changes, second-factor resets, unlocks) and holds nothing else; `auditor`
 * reads only the audit log; nobody can change the audit log.
 */
export const ROLES = [
  'resident',
  'dealer',
  'reviewer',
  'approver',
  'finance',
  'admin',
  'security_admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that sign in with username and password (and TOTP when required). */
export const STAFF_ROLES = [
  'reviewer',
  'approver',
  'finance',
  'admin',
  'security_admin',
  'auditor',
] as const satisfies readonly Role[];
export const PASSWORD_ROLES = ['dealer', ...STAFF_ROLES] as const satisfies readonly Role[];

export const Permission = {
  /** Own profile (real-name details) and own applications. */
  ProfileReadOwn: 'profile.read.own',
  ProfileWriteOwn: 'profile.write.own',
  ApplicationsOwn: 'applications.own',
  VouchersOwn: 'vouchers.own',
  /** Dealer organisation's own proofs, sales, reimbursements. */
  DealerOwn: 'dealer.own',
  /** The organisation's own staff accounts: dealer users with the `orgAdmin` flag only (below). */
  DealerStaffManage: 'dealer.staff.manage',
  /** Dealer registrations and organisation status changes (the commerce office). */
  OrganizationsReview: 'organizations.review',
  /** Review queue, claim detail, decisions. */
  ReviewRead: 'review.read',
  ReviewDecide: 'review.decide',
  ReviewApproveHighValue: 'review.approve_high_value',
  /** Post-approval audit samples and their outcomes (confirmed / clawback), operations.md §7. */
  ReviewSample: 'review.sample',
  /** Full personal data through the audited reveal action. */
  PersonalDataReveal: 'pii.reveal',
  PaymentsManage: 'payments.manage',
  /** Budget tranches (source, effective date, document number) raise a program's total (operations.md §8). */
  BudgetTranches: 'budget.tranches',
  ProgramsManage: 'programs.manage',
  /** Create accounts; rename, disable/enable, set a password, activate (the system administrator). */
  UsersManage: 'users.manage',
  /**
   * Role changes, second-factor (TOTP) resets and unlocks of other accounts (the security
   * administrator, 三员). Checked per field on `PATCH /api/admin/users/:id`.
   */
  UsersSecurity: 'users.security',
  /**
   * The account list and its `PATCH` route, for both administrators; which fields each may change
   * is decided by `users.manage` and `users.security` above.
   */
  UsersAccounts: 'users.accounts',
  AuditRead: 'audit.read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  resident: [
    Permission.ProfileReadOwn,
    Permission.ProfileWriteOwn,
    Permission.ApplicationsOwn,
    Permission.VouchersOwn,
  ],
  dealer: [Permission.DealerOwn],
  reviewer: [Permission.ReviewRead, Permission.ReviewDecide, Permission.PersonalDataReveal],
  approver: [
    Permission.ReviewRead,
    Permission.ReviewDecide,
    Permission.ReviewApproveHighValue,
    Permission.PersonalDataReveal,
    Permission.ReviewSample,
    Permission.OrganizationsReview,
  ],
  finance: [Permission.PaymentsManage, Permission.BudgetTranches],
  admin: [
    Permission.ProgramsManage,
    Permission.UsersManage,
    Permission.UsersAccounts,
    Permission.OrganizationsReview,
    Permission.BudgetTranches,
  ],
  security_admin: [Permission.UsersAccounts, Permission.UsersSecurity],
  auditor: [Permission.AuditRead],
};

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What a dealer account flagged `orgAdmin` (its organisation's administrator; the first user of a
 * registration) holds on top of the `dealer` role. The flag lives on the account, not the role, so
 * the route names `dealer.own` for the global guard and the dealer guard checks these against the
 * account's current flag (read from the database, so a revoked flag takes effect at once).
 */
export const ORG_ADMIN_PERMISSIONS: readonly Permission[] = [Permission.DealerStaffManage];

/** `can` for a dealer account, with its `orgAdmin` flag. */
export function canAsDealer(
  user: { role: Role; orgAdmin?: boolean } | undefined | null,
  permission: Permission,
): boolean {
  if (!user) return false;
  if (can(user.role, permission)) return true;
  return user.role === 'dealer' && user.orgAdmin === true && ORG_ADMIN_PERMISSIONS.includes(permission);
}

export function isStaffRole(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}
