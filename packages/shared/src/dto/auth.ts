import type { Role } from '../permissions';

/**
 * The signed-in user as `GET /api/auth/me` and the sign-in routes show it (api-contract.md, Auth):
 * `phoneMasked` for residents only, `organizationId` for dealer accounts only.
 */
export interface PublicUser {
  id: string;
  role: Role;
  displayName: string;
  phoneMasked?: string;
  organizationId?: string;
}

/** The body of `GET /api/auth/me`, `POST /api/auth/otp/verify`, `/login` and `/mfa/totp/confirm`. */
export interface SignedInResponse {
  user: PublicUser;
}

/** `POST /api/auth/otp` (202): the challenge the SMS code answers. */
export interface OtpChallenge {
  challengeId: string;
  expiresAt: string;
}

/** `POST /api/auth/mfa/totp/setup`: a new TOTP secret for the account behind the enrolment token. */
export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** A PNG data URL of the otpauth QR code. */
  qrDataUrl: string;
}
