import type { Role } from '../permissions';

/** A staff or dealer account as `GET/POST/PATCH /api/admin/users` return it (no secrets). */
export interface AccountView {
  id: string;
  username: string | null;
  displayName: string;
  role: Role;
  organizationId: string | null;
  disabled: boolean;
  /** Locked now (too many failed sign-ins). */
  locked: boolean;
  mfaEnrolled: boolean;
  /**
   * Waiting for a second administrator to activate it (two-person rule: an account of a role that may
   * reveal personal data is never made usable by one admin alone); it cannot sign in until then.
   */
  pendingActivation: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
