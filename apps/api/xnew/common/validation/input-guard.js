"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jsonTooDeep = exports.MAX_JSON_DEPTH = void 0;
exports.findUnsafeValues = findUnsafeValues;
exports.assertSafeInput = assertSafeInput;
exports.jsonDepthExceeds = jsonDepthExceeds;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../errors/domain-error");
/**
 * Values no route may receive, refused at the edge before any validator, service or query sees
 * them (issue 9 item 8):
 * - text with NUL (`\u0000`): PostgreSQL refuses it in `text` and in `jsonb`, so it would surface
 *   as a 500 from deep inside a query;
 * - text with a lone UTF-16 surrogate (`"\ud800"` is valid JSON): `jsonb` refuses the escape and
 *   `text` would silently store U+FFFD instead;
 * - numbers beyond ±2^53: JSON and query strings carry them, but they are no longer exact (money
 *   is integer fen) and overflow `bigint` columns;
 * - JSON nested deeper than MAX_JSON_DEPTH: every recursive step after parsing (class-transformer,
 *   the validators, the engine) would overflow the stack long before the body limit is reached.
 *
 * The walks are iterative, so a hostile body cannot overflow the stack here either.
 */
/** Deepest JSON nesting accepted; facts and program definitions stay well below it. */
exports.MAX_JSON_DEPTH = 64;
/** Field paths reported per request at most (a huge hostile body gets a short answer). */
const MAX_REPORTED = 10;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isBadText = (text) => text.includes('\u0000') || LONE_SURROGATE.test(text);
/** Shows a key that is itself bad text without echoing the characters. */
const safeKey = (key) => (isBadText(key) ? key.replace(/[^\x20-\x7e]/gu, '?') : key);
/**
 * Field path → code for every bad value in `value` (strings: INVALID_CHARACTERS; numbers past
 * the safe-integer range: OUT_OF_RANGE). `root` names the value itself (a query parameter) or is
 * empty for a body.
 */
function findUnsafeValues(value, root = '') {
    const fields = {};
    const stack = [[value, root]];
    let reported = 0;
    const report = (path, code) => {
        if (reported < MAX_REPORTED && !(path in fields)) {
            fields[path || 'body'] = code;
            reported += 1;
        }
    };
    while (stack.length > 0 && reported < MAX_REPORTED) {
        const [node, path] = stack.pop();
        if (typeof node === 'string') {
            if (isBadText(node))
                report(path, shared_1.FieldErrorCode.INVALID_CHARACTERS);
        }
        else if (typeof node === 'number') {
            if (Number.isFinite(node) && Math.abs(node) > Number.MAX_SAFE_INTEGER)
                report(path, shared_1.FieldErrorCode.OUT_OF_RANGE);
        }
        else if (Array.isArray(node)) {
            node.forEach((item, index) => stack.push([item, path ? `${path}.${index}` : String(index)]));
        }
        else if (node !== null && typeof node === 'object') {
            for (const [key, item] of Object.entries(node)) {
                const itemPath = path ? `${path}.${safeKey(key)}` : safeKey(key);
                if (isBadText(key))
                    report(itemPath, shared_1.FieldErrorCode.INVALID_CHARACTERS);
                stack.push([item, itemPath]);
            }
        }
    }
    return fields;
}
/** Throws 422 VALIDATION_FAILED with the field codes when `value` holds anything refused above. */
function assertSafeInput(value, root = '') {
    const fields = findUnsafeValues(value, root);
    if (Object.keys(fields).length > 0)
        throw (0, domain_error_1.validationFailed)(fields, 'The request holds characters or numbers that cannot be accepted');
}
/**
 * The deepest nesting of `{` / `[` in a JSON text, counted outside strings, stopping as soon as
 * `limit` is passed: linear, no recursion, and it runs before `JSON.parse` builds anything.
 */
function jsonDepthExceeds(text, limit = exports.MAX_JSON_DEPTH) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i += 1) {
        const ch = text.charCodeAt(i);
        if (inString) {
            if (ch === 0x5c /* \ */)
                i += 1;
            else if (ch === 0x22 /* " */)
                inString = false;
        }
        else if (ch === 0x22)
            inString = true;
        else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
            depth += 1;
            if (depth > limit)
                return true;
        }
        else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */)
            depth -= 1;
    }
    return false;
}
const jsonTooDeep = () => new domain_error_1.DomainError(shared_1.ErrorCode.JSON_TOO_DEEP, `JSON may be nested at most ${exports.MAX_JSON_DEPTH} levels deep`);
exports.jsonTooDeep = jsonTooDeep;
//# sourceMappingURL=input-guard.js.map