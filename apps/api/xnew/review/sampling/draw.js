"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newSeed = newSeed;
exports.uniformFor = uniformFor;
exports.drawSample = drawSample;
const node_crypto_1 = require("node:crypto");
/** A fresh seed when the caller gives none: 128 random bits, hex. */
function newSeed() {
    return (0, node_crypto_1.randomBytes)(16).toString('hex');
}
/**
 * The uniform number in (0, 1) of one claim under one seed: the first 48 bits of
 * SHA-256(seed ‖ NUL ‖ claim id), centred in its cell ((n + ½) / 2⁴⁸, so never 0 or 1).
 *
 * Why a keyed hash and not a PRNG stream: each claim's number depends only on the seed and its own
 * id, so the draw does not depend on the order the database returns the claims in, and a claim
 * approved after the draw does not move the others' numbers. SHA-256 is in every runtime (the
 * console or an auditor can recompute a sample from the recorded seed), needs no library, and its
 * output is uniform for this use.
 */
function uniformFor(seed, id) {
    const digest = (0, node_crypto_1.createHash)('sha256').update(`${seed}\u0000${id}`).digest();
    return (digest.readUIntBE(0, 6) + 0.5) / 2 ** 48;
}
/**
 * The sample: `size` claims without replacement, in draw order.
 *
 * - Random: every claim equally likely — the `size` claims with the largest uniform numbers.
 * - Risk-weighted: weighted sampling without replacement (Efraimidis & Spirakis 2006, "A-Res"):
 *   each claim's key is u^(1/w) with weight w = 1 + risk score (a clean claim can still be drawn),
 *   and the `size` largest keys are taken; compared as ln(u)/w, which orders the same and does not
 *   underflow. A claim of weight w is then drawn first with probability w / Σw.
 *
 * Ties (equal keys: practically never) fall to the smaller id, so the result is a pure function of
 * the seed and the set of candidates.
 */
function drawSample(seed, candidates, size, riskWeighted) {
    const keyed = candidates.map((candidate) => {
        const u = uniformFor(seed, candidate.id);
        const weight = 1 + Math.max(0, candidate.riskScore);
        return { id: candidate.id, key: riskWeighted ? Math.log(u) / weight : u };
    });
    keyed.sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return keyed.slice(0, size).map((entry) => entry.id);
}
//# sourceMappingURL=draw.js.map