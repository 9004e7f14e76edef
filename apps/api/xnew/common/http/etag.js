"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ifNoneMatch = ifNoneMatch;
/**
 * Whether a request's `If-None-Match` matches `etag` (RFC 9110 §13.1.2: weak comparison, a list of
 * tags or `*`), i.e. whether the client already holds these bytes and a 304 is the answer.
 */
function ifNoneMatch(header, etag) {
    if (header === undefined)
        return false;
    const value = Array.isArray(header) ? header.join(',') : header;
    if (value.trim() === '*')
        return true;
    const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
    for (const part of value.split(',')) {
        const tag = part.trim();
        if ((tag.startsWith('W/') ? tag.slice(2) : tag) === opaque)
            return true;
    }
    return false;
}
//# sourceMappingURL=etag.js.map