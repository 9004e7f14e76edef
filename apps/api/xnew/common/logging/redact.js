"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDACTED = void 0;
exports.maskText = maskText;
exports.redactDeep = redactDeep;
/**
 * Personal data and secrets never reach a log line (PIPL; ASVS 16.2.5). Two layers:
 * keys that always hold secrets or personal data are replaced whole, and every other string is
 * scanned for ID, bank-card and phone number shapes, which are masked in place.
 */
const SECRET_KEYS = new Set([
    'password',
    'newpassword',
    'currentpassword',
    'otp',
    'totp',
    'secret',
    'token',
    'sessionid',
    'sid',
    'cookie',
    'set-cookie',
    'authorization',
    'idnumber',
    'buyeridnumber',
    'bankaccount',
    'bankcard',
    'phone',
    'mobile',
    'address',
    'realname',
    'fullname',
].map((key) => key.toLowerCase()));
exports.REDACTED = '[REDACTED]';
// 18-character resident IDs, then 15–19 digit bank cards, then mainland mobiles (+86 optional).
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const BANK_CARD = /(?<!\d)\d{11,15}(\d{4})(?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const CONTROL = /[\r\n\u2028\u2029]+/g;
/** Masks identifier-shaped runs in free text and folds line breaks (no log injection). */
function maskText(text) {
    return text
        .replace(CONTROL, ' ')
        .replace(ID_NUMBER, (_m, head) => `${head.slice(0, 4)}**********${_m.slice(-4)}`)
        .replace(MOBILE, (_m, head, tail) => `${head}****${tail}`)
        .replace(BANK_CARD, (_m, tail) => `************${tail}`);
}
/** Returns a copy of `value` safe to log. Handles cycles and depth. */
function redactDeep(value, depth = 0, seen = new WeakSet()) {
    if (typeof value === 'string')
        return maskText(value);
    if (value === null || typeof value !== 'object')
        return value;
    if (depth > 8)
        return '[depth]';
    if (seen.has(value))
        return '[cycle]';
    seen.add(value);
    if (value instanceof Error) {
        return {
            type: value.name,
            message: maskText(value.message),
            stack: value.stack && maskText(value.stack),
        };
    }
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item, depth + 1, seen));
    const out = {};
    for (const [key, item] of Object.entries(value)) {
        out[key] = SECRET_KEYS.has(key.toLowerCase()) ? exports.REDACTED : redactDeep(item, depth + 1, seen);
    }
    return out;
}
//# sourceMappingURL=redact.js.map