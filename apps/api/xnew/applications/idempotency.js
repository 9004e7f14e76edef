"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDEMPOTENCY_KEY_MAX = void 0;
exports.requireIdempotencyKey = requireIdempotencyKey;
exports.fingerprint = fingerprint;
exports.once = once;
const node_crypto_1 = require("node:crypto");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../common/errors/domain-error");
exports.IDEMPOTENCY_KEY_MAX = 255;
function requireIdempotencyKey(header) {
    const key = Array.isArray(header) ? header[0] : header;
    if (!key)
        throw new domain_error_1.DomainError(shared_1.ErrorCode.IDEMPOTENCY_KEY_MISSING, 'The Idempotency-Key header is required');
    if (key.length > exports.IDEMPOTENCY_KEY_MAX || !/^[\x21-\x7e]+$/.test(key)) {
        throw new domain_error_1.DomainError(shared_1.ErrorCode.BAD_REQUEST, 'The Idempotency-Key header must be 1–255 visible ASCII characters');
    }
    return key;
}
function fingerprint(value) {
    return (0, node_crypto_1.createHash)('sha256')
        .update(JSON.stringify(value ?? null))
        .digest('base64url');
}
/**
 * Runs `work` at most once per (user, scope, key), inside the caller's transaction.
 * The key row is inserted first: a concurrent request with the same key blocks on the unique
 * index until this transaction ends, then reads the stored answer (the same answer for all), or —
 * if this transaction rolled back — does the work itself. A different body under the same key is
 * refused with 422. Answers are kept a day (IDEMPOTENCY_KEY_TTL_MS, then pruned).
 *
 * `work` may store its answer itself with `store` before its last statement (the submit does, so
 * the budget UPDATE stays the transaction's last statement); otherwise it is stored when `work`
 * returns. Either way it is in the same transaction: a rollback stores nothing.
 */
async function once(keys, manager, owner, work) {
    if (!(await keys.claim(manager, owner))) {
        const stored = await keys.stored(manager, owner);
        if (!stored || stored.response.status === 0) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT, 'The first request with this key is still running', { headers: { 'retry-after': '1' } });
        }
        if (stored.requestHash !== owner.requestHash) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with a different request');
        }
        return stored.response;
    }
    let storedByWork;
    const response = await work(async (answer) => {
        await keys.complete(manager, owner, answer);
        storedByWork = answer;
    });
    if (storedByWork === undefined)
        await keys.complete(manager, owner, response);
    else if (storedByWork !== response)
        throw new Error('work stored one answer and returned another');
    return response;
}
//# sourceMappingURL=idempotency.js.map