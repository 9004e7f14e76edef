"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.csrfOriginCheck = csrfOriginCheck;
const shared_1 = require("@huanxin/shared");
const error_body_1 = require("../common/errors/error-body");
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
function originOf(value) {
    try {
        return new URL(value).origin;
    }
    catch {
        return null;
    }
}
/**
 * CSRF per the contract: an unsafe request that carries an Origin (or, failing that, a Referer)
 * must come from the portal's own origin; requests with neither (non-browser clients) pass.
 * SameSite=Lax cookies already stop most cross-site posts; this closes the rest.
 * Refusals are audited as `csrf.refused`, summed per client address and claimed origin (a hostile
 * page can fire them at will), with the route and the origin (never the Referer's path or query).
 */
function csrfOriginCheck(config, securityAudit) {
    const refuse = async (request, reply, claimed) => {
        const shownOrigin = (claimed ?? 'null').slice(0, 200);
        await securityAudit
            ?.recordRepeated({
            action: 'csrf.refused',
            result: 'denied',
            actor: null,
            detail: {
                origin: shownOrigin,
                method: request.method,
                route: request.url.split('?')[0].slice(0, 200),
            },
        }, `csrf:${request.ip}:${shownOrigin}`)
            .catch(() => undefined);
        await reply
            .status(403)
            .header('cache-control', 'no-store')
            .send((0, error_body_1.errorBody)(shared_1.ErrorCode.CSRF_ORIGIN_MISMATCH, 'Cross-site request refused'));
    };
    // A callback hook: the safe methods (most requests) pass without a promise.
    return (request, reply, done) => {
        if (!UNSAFE.has(request.method))
            return done();
        const origin = request.headers.origin;
        const referer = request.headers.referer;
        // An opaque origin ("null", e.g. a sandboxed frame) parses to null and is refused.
        const claimed = typeof origin === 'string'
            ? originOf(origin)
            : typeof referer === 'string'
                ? originOf(referer)
                : undefined;
        if (claimed === undefined)
            return done();
        const own = config.http.publicOrigin ?? `${request.protocol}://${request.host}`;
        if (claimed === own)
            return done();
        // Answered here: the request goes no further (done is not called once a reply is sent).
        refuse(request, reply, claimed).catch(done);
    };
}
//# sourceMappingURL=csrf.js.map