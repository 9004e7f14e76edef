"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INFRASTRUCTURE_ANSWER = void 0;
exports.classifyInfrastructureError = classifyInfrastructureError;
const shared_1 = require("@huanxin/shared");
/** pg-pool (3.x) when `connectionTimeoutMillis` passes with no connection free. */
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';
/** SQLSTATE classes/codes meaning "the database cannot serve now" (PostgreSQL appendix A). */
const PG_UNAVAILABLE = /^(08...|53300|57P01|57P02|57P03|57014)$/;
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EAI_AGAIN',
]);
/** What ioredis (5.x) and pg/TypeORM say when a connection is gone or never came. */
const UNAVAILABLE_MESSAGES = [
    "Stream isn't writeable",
    'Connection is closed',
    'Reached the max retries per request limit',
    'Connection terminated',
    'Connection refused',
    // pg when the server ends the session (fast shutdown, a failover) or a client is already broken.
    'terminating connection due to administrator command',
    'is not queryable',
];
/**
 * TypeORM's "Query runner (provider) already released": a transaction's connection died under it (the
 * server ended the session, pg-pool dropped the client) and the transaction's next statement or
 * its ROLLBACK found the runner gone; that error, not the first, is what reaches the filter. It
 * also follows a bug (a manager used after its transaction ended), which is why a 503 is still
 * logged as an error.
 */
const CONNECTION_LOST_NAMES = new Set([
    'MaxRetriesPerRequestError',
    'QueryRunnerAlreadyReleasedError',
    'QueryRunnerProviderAlreadyReleasedError',
]);
function codeOf(error) {
    const driver = error.driverError;
    const code = driver?.code ?? error.code;
    return typeof code === 'string' ? code : undefined;
}
function classifyInfrastructureError(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const code = codeOf(error);
    if (code && /^22[0-9A-Z]{3}$/.test(code))
        return 'bad-data';
    if (code && (PG_UNAVAILABLE.test(code) || NETWORK_CODES.has(code)))
        return 'unavailable';
    const name = error.name;
    if (typeof name === 'string' && CONNECTION_LOST_NAMES.has(name))
        return 'unavailable';
    const message = error.message;
    if (typeof message === 'string' && message.includes(POOL_TIMEOUT_MESSAGE))
        return 'busy';
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text)))
        return 'unavailable';
    // An AggregateError (Node's net for several addresses) or an error wrapping its cause.
    const nested = error.errors?.[0] ?? error.cause;
    return nested && nested !== error ? classifyInfrastructureError(nested) : undefined;
}
exports.INFRASTRUCTURE_ANSWER = {
    unavailable: {
        status: 503,
        code: shared_1.ErrorCode.SERVICE_UNAVAILABLE,
        message: 'Temporarily unavailable, please retry shortly',
        headers: { 'retry-after': '5' },
    },
    busy: {
        status: 503,
        code: shared_1.ErrorCode.SERVICE_UNAVAILABLE,
        message: 'Too many requests at once, please retry shortly',
        headers: { 'retry-after': '2' },
    },
    'bad-data': {
        status: 422,
        code: shared_1.ErrorCode.VALIDATION_FAILED,
        message: 'A value in the request is out of range or malformed',
        headers: undefined,
    },
};
//# sourceMappingURL=infrastructure.js.map