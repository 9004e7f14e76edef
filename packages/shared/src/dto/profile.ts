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
