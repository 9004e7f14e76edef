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

export type OrganizationKind =
  'appliance_retailer' | 'car_dealer' | 'recycler' | 'dismantler' | 'car_dealer_dismantler';

/** An organisation as `GET/POST /api/admin/organizations` return it today. */
export interface OrganizationView {
  id: string;
  name: string;
  /** Unified social credit code (统一社会信用代码), normalised. */
  uscc: string;
  kind: OrganizationKind;
  createdAt: string;
}
