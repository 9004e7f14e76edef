"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestTimeoutError = requestTimeoutError;
exports.bodyTimedOut = bodyTimedOut;
exports.enforceBodyDeadline = enforceBodyDeadline;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../errors/domain-error");
const timedOut = new WeakSet();
/** The refusal of a body that did not arrive in time: 408, and the connection is not kept. */
function requestTimeoutError() {
    return new domain_error_1.DomainError(shared_1.ErrorCode.REQUEST_TIMEOUT, 'The request body did not arrive in time', {
        headers: { connection: 'close' },
    });
}
/** Whether this request's body missed its deadline (for a reader that starts late, e.g. an upload). */
function bodyTimedOut(request) {
    return timedOut.has(request.raw);
}
/**
 * A deadline for receiving each request: `uploadMs` for a multipart body, `requestMs` for any
 * other, counted from its headers. When it passes and the body is still incomplete (stalled,
 * trickling, never ending, a multipart body without its closing boundary), the error is emitted
 * on the incoming stream: whoever is reading it (Fastify's body parser, @fastify/multipart, and
 * through it the upload's file stream) fails with REQUEST_TIMEOUT, the route's own error path runs
 * (so an upload removes its scratch file), and the answer is a 408 with our error body. A reader
 * that has not started yet checks `bodyTimedOut` first. Node's `requestTimeout` stays as the
 * backstop that drops the socket.
 *
 * Any answer given while the body is still incomplete closes the connection: the rest of that body
 * would otherwise hold the socket (and keep a parser waiting) for as long as the client wishes.
 */
function hasBody(request) {
    const length = request.headers['content-length'];
    return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
function enforceBodyDeadline(fastify, limits) {
    fastify.addHook('onRequest', (request, reply, done) => {
        const raw = request.raw;
        // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3): nothing
        // to wait for, so most GETs set no timer.
        if (raw.complete || !hasBody(request))
            return done();
        const upload = (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
        const timer = setTimeout(() => {
            if (raw.complete || reply.sent)
                return;
            timedOut.add(raw);
            if (raw.listenerCount('error') > 0)
                raw.emit('error', requestTimeoutError());
        }, upload ? limits.uploadMs : limits.requestMs);
        reply.raw.once('close', () => clearTimeout(timer));
        done();
    });
    fastify.addHook('onSend', (request, reply, payload, done) => {
        if (!request.raw.complete)
            void reply.header('connection', 'close');
        done(null, payload);
    });
}
//# sourceMappingURL=body-deadline.js.map