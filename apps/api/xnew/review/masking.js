"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.maskFacts = maskFacts;
const redact_1 = require("../common/logging/redact");
/**
 * The claim's facts as a reviewer sees them: every text value with identifier-shaped runs (ID,
 * bank card, mobile numbers) masked, as in the logs. Full values only through the audited reveal.
 */
function maskFacts(value) {
    if (typeof value === 'string')
        return (0, redact_1.maskText)(value);
    if (Array.isArray(value))
        return value.map(maskFacts);
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskFacts(inner)]));
    return value;
}
//# sourceMappingURL=masking.js.map