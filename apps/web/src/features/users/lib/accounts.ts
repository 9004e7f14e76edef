import { can, Permission, STAFF_ROLES, type AccountView, type Role } from '@huanxin/shared';

/** The roles an account can be created with here (a security administrator is made by a role change). */
export const CREATABLE_ROLES = ['reviewer', 'approver', 'finance', 'admin', 'auditor', 'dealer'] as const;
/** The roles the security administrator may give a staff account (a dealer keeps its role). */
export const ASSIGNABLE_ROLES = STAFF_ROLES;

export type AccountStatus = 'active' | 'pending' | 'locked' | 'disabled';
export const ACCOUNT_STATUSES: readonly AccountStatus[] = ['active', 'pending', 'locked', 'disabled'];

/** One status per row, the one that decides whether the account can sign in now. */
export function accountStatus(account: AccountView): AccountStatus {
  if (account.disabled) return 'disabled';
  if (account.pendingActivation) return 'pending';
  if (account.locked) return 'locked';
  return 'active';
}

export interface AccountFilter {
  role: Role | 'all';
  status: AccountStatus | 'all';
  /** Part of the username or the name, any case. */
  search: string;
}

export function filterAccounts(accounts: readonly AccountView[], filter: AccountFilter): AccountView[] {
  const needle = filter.search.trim().toLowerCase();
  return accounts.filter(
    (a) =>
      (filter.role === 'all' || a.role === filter.role) &&
      (filter.status === 'all' || accountStatus(a) === filter.status) &&
      (needle === '' ||
        (a.username ?? '').toLowerCase().includes(needle) ||
        a.displayName.toLowerCase().includes(needle)),
  );
}

export type AccountAction = 'disable' | 'enable' | 'password' | 'activate' | 'unlock' | 'resetMfa' | 'role';

/**
 * The actions a caller is offered on a row: the same split the API enforces (三员). The system
 * administrator (`users.manage`) disables, re-enables, sets passwords and activates; the security
 * administrator (`users.security`) unlocks, resets the factor and changes roles. Nobody is offered
 * anything on their own account.
 */
export function actionsFor(
  role: Role | undefined,
  selfId: string | undefined,
  a: AccountView,
): AccountAction[] {
  if (!role || a.id === selfId) return [];
  const out: AccountAction[] = [];
  if (can(role, Permission.UsersManage)) {
    out.push(a.disabled ? 'enable' : 'disable', 'password');
    if (a.pendingActivation) out.push('activate');
  }
  if (can(role, Permission.UsersSecurity)) {
    if (a.locked) out.push('unlock');
    if (a.mfaEnrolled) out.push('resetMfa');
    if (a.role !== 'dealer') out.push('role');
  }
  return out;
}

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

/** Checked as you type; the server applies the full password policy (common and breached passwords). */
export const accountRules = {
  username: (value: string): true | string =>
    value === '' ? 'REQUIRED' : USERNAME_PATTERN.test(value) || 'INVALID_FORMAT',
  displayName: (value: string): true | string => {
    const length = Array.from(value.trim()).length;
    if (length === 0) return 'REQUIRED';
    return length <= 40 || 'TOO_LONG';
  },
  role: (value: string): true | string => value !== '' || 'REQUIRED',
  password: (value: string): true | string => {
    const length = Array.from(value).length;
    if (length === 0) return 'REQUIRED';
    if (length < 12) return 'PASSWORD_TOO_SHORT';
    return length <= 128 || 'PASSWORD_TOO_LONG';
  },
};
