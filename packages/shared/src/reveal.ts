/**
 * Revealing a resident's full personal data (PIPL Art. 28; GB/T 35273 §7.1 least privilege): a
 * reviewer names the claim it is needed for and one reason from this published list. Each reason
 * justifies only the fields it needs, so "bank check" never shows the ID number.
 */
export const REVEAL_FIELDS = ['name', 'idNumber', 'phone', 'bankAccount', 'address'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export interface RevealReason {
  code: string;
  title: { zh: string; en: string };
  fields: readonly RevealField[];
}

export const REVEAL_REASONS = [
  {
    code: 'identity_check',
    title: { zh: '核对身份证件', en: 'Check the identity document' },
    fields: ['name', 'idNumber'],
  },
  {
    code: 'bank_check',
    title: { zh: '核对收款银行账户', en: 'Check the payout bank account' },
    fields: ['name', 'bankAccount'],
  },
  {
    code: 'document_mismatch',
    title: { zh: '材料与申报信息不一致', en: 'A document does not match the claim' },
    fields: ['name', 'idNumber', 'bankAccount', 'address'],
  },
  {
    code: 'contact_applicant',
    title: { zh: '联系申请人', en: 'Contact the applicant' },
    fields: ['name', 'phone'],
  },
  {
    code: 'address_check',
    title: { zh: '核对住址（街道/镇）', en: 'Check the address (street or town)' },
    fields: ['address'],
  },
] as const satisfies readonly RevealReason[];

export type RevealReasonCode = (typeof REVEAL_REASONS)[number]['code'];
export const REVEAL_REASON_CODES = REVEAL_REASONS.map((reason) => reason.code) as RevealReasonCode[];

/** Whether a reason justifies revealing a field. */
export function revealAllowed(reason: string, field: string): boolean {
  const found = REVEAL_REASONS.find((r) => r.code === reason);
  return found !== undefined && (found.fields as readonly string[]).includes(field);
}
