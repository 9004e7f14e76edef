/**
 * The separate consent for sensitive personal information (PIPL Art. 29–30): shown before the
 * profile is saved, recorded with its version and time. A new text gets a new version.
 */
export const PRIVACY_CONSENT_VERSION = '2026-01';
