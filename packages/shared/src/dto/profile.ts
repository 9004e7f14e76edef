/** `GET /api/me/profile`: the resident's real-name details, masked by the server (identifiers.md). */
export interface MaskedProfile {
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  street: string;
  address: string;
  bankName: string;
  bankAccountMasked: string;
  consentAt: string;
}

/** `PUT /api/me/profile` body. Full ID and card numbers: only in the form state and this request. */
export interface ProfileInput {
  name: string;
  idNumber: string;
  /** One of Zhangqiu's streets/towns (`ZHANGQIU_STREET_CODES`). */
  street: string;
  address: string;
  bankName: string;
  bankAccount: string;
  consent: true;
  /**
   * The fresh SMS proof (`POST /api/me/profile/otp`, purpose payout-change): required with the code
   * when a saved profile's bank account or ID number changes.
   */
  otpChallengeId?: string;
  otpCode?: string;
}
