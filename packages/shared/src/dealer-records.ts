/**
 * What dismantlers and recyclers record (operations.md §2, §4): the 《报废机动车回收证明》 and the
 * recycling receipt, and the documents an organisation files with its registration. Shared so the
 * web checks exactly what the API accepts.
 */

/**
 * A scrap certificate number (报废机动车回收证明编号) after `normalizeIdentifier` (which drops
 * spaces and dashes): no national check digit is published, so the shape only — letters and
 * digits, 6–32 characters (`BF2026-0001234` is kept as `BF20260001234`).
 */
export const CERTIFICATE_NO_PATTERN = /^[0-9A-Z]{6,32}$/;

/** A recycling receipt number (回收凭证编号) after normalising, as the certificate's: 3–32 characters. */
export const RECEIPT_NO_PATTERN = /^[0-9A-Z]{3,32}$/;

/** The documents a registration files: the business licence and the signed commitment. */
export const ORGANIZATION_DOCUMENT_KINDS = ['business_licence', 'commitment'] as const;
export type OrganizationDocumentKind = (typeof ORGANIZATION_DOCUMENT_KINDS)[number];

/** At most this many registration documents per organisation (a new scan of a kind is a new row). */
export const MAX_ORGANIZATION_DOCUMENTS = 20;

/**
 * The document kind under which a review case lists the scan of the dismantler's certificate the
 * claim cites. It is the dealer's record, not the resident's upload: a reviewer reads it beside the
 * resident's photos but cannot return the claim asking the resident to fix it.
 */
export const CERTIFICATE_SCAN_KIND = 'dismantler_certificate';
