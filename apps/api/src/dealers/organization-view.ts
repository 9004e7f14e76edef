import { maskBankCard, maskPhone, type OrganizationView } from '@huanxin/shared';
import type { PiiCipher } from '../common/crypto/pii-cipher';
import type { OrganizationEntity } from '../users/organization.entity';

/** The encrypted columns' field names (bound into the ciphertext as additional data). */
export const ORGANIZATION_FIELDS = {
  contactPhone: 'organization.contact_phone',
  payoutAccount: 'organization.payout_account',
} as const;

/** An organisation as every route shows it: the contact phone and payout account masked. */
export function organizationView(organization: OrganizationEntity, cipher: PiiCipher): OrganizationView {
  const reveal = (stored: string | null, field: string) => (stored ? cipher.decrypt(stored, field) : null);
  const phone = reveal(organization.contactPhoneEnc, ORGANIZATION_FIELDS.contactPhone);
  const account = reveal(organization.payoutAccountEnc, ORGANIZATION_FIELDS.payoutAccount);
  return {
    id: organization.id,
    name: organization.name,
    uscc: organization.uscc,
    kinds: organization.kinds,
    programs: organization.programs,
    status: organization.status,
    street: organization.street,
    ...(organization.statusReason !== null && { statusReason: organization.statusReason }),
    statusChangedAt: organization.statusChangedAt?.toISOString() ?? null,
    contactName: organization.contactName,
    contactPhoneMasked: phone === null ? null : maskPhone(phone),
    payoutBankName: organization.payoutBankName,
    payoutAccountName: organization.payoutAccountName,
    payoutAccountMasked: account === null ? null : maskBankCard(account),
    createdAt: organization.createdAt.toISOString(),
  };
}
