/**
 * What dismantlers and recyclers record (operations.md §2, §4): the 《报废机动车回收证明》 and the
 * recycling receipt, and the documents an organisation files with its registration. Shared so the
 * web checks exactly what the API accepts.
 */

/**
 * A scrap certificate number (报废机动车回收证明编号) after `normalizeIdentifier`: no national
 * check digit is published, so the shape only — letters, digits and dashes, 6–32 characters
 * (the certificates in circulation read like `BF2026-0001234`).
 */
export const CERTIFICATE_NO_PATTERN = /^[0-9A-Z][0-9A-Z-]{4,30}[0-9A-Z]$/;

/** A recycling receipt number (回收凭证编号) after normalising, as the certificate's: 3–32 characters. */
export const RECEIPT_NO_PATTERN = /^[0-9A-Z][0-9A-Z-]{1,30}[0-9A-Z]$/;

/** The documents a registration files: the business licence and the signed commitment. */
export const ORGANIZATION_DOCUMENT_KINDS = ['business_licence', 'commitment'] as const;
export type OrganizationDocumentKind = (typeof ORGANIZATION_DOCUMENT_KINDS)[number];

/** At most this many registration documents per organisation (a new scan of a kind is a new row). */
export const MAX_ORGANIZATION_DOCUMENTS = 20;
