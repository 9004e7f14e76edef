"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionCookieName = sessionCookieName;
exports.readSessionCookie = readSessionCookie;
exports.setSessionCookie = setSessionCookie;
exports.clearSessionCookie = clearSessionCookie;
const session_service_1 = require("./session.service");
/** `__Host-` cookies must be Secure; over plain HTTP (development) the name has no prefix. */
function sessionCookieName(config) {
    return config.auth.secureCookies ? '__Host-hx_sid' : 'hx_sid';
}
function readSessionCookie(config, request) {
    return request.cookies[sessionCookieName(config)];
}
function setSessionCookie(config, reply, sessionId) {
    void reply.setCookie(sessionCookieName(config), sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.auth.secureCookies,
        path: '/',
        maxAge: Math.floor(session_service_1.ABSOLUTE_TIMEOUT_MS / 1000),
    });
}
function clearSessionCookie(config, reply) {
    void reply.clearCookie(sessionCookieName(config), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.auth.secureCookies,
    });
}
//# sourceMappingURL=session-cookie.js.map