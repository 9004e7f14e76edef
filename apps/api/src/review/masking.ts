import { maskText } from '../common/logging/redact';

/**
 * The claim's facts as a reviewer sees them: every text value with identifier-shaped runs (ID,
 * bank card, mobile numbers) masked, as in the logs. Full values only through the audited reveal.
 */
export function maskFacts(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskFacts);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskFacts(inner)]));
  return value;
}
