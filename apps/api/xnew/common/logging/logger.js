"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createLogger = createLogger;
const pino_1 = __importDefault(require("pino"));
const redact_1 = require("./redact");
/**
 * The process-wide structured logger (JSON lines, ISO-8601 timestamps with offset). Every object
 * passed to it goes through `redactDeep`, every message through `maskText`.
 */
function createLogger(options) {
    return (0, pino_1.default)({
        name: options.name,
        level: options.level,
        base: { pid: process.pid },
        timestamp: pino_1.default.stdTimeFunctions.isoTime,
        formatters: {
            level: (label) => ({ level: label }),
            // req, res and err have their own serializers (which mask); copying them here first would
            // drop their getters (method, url, statusCode).
            log: (object) => {
                const { req, res, err, ...rest } = object;
                return {
                    ...(0, redact_1.redactDeep)(rest),
                    ...(req !== undefined && { req }),
                    ...(res !== undefined && { res }),
                    ...(err !== undefined && { err }),
                };
            },
        },
        hooks: {
            logMethod(args, method) {
                const masked = args.map((arg) => (typeof arg === 'string' ? (0, redact_1.maskText)(arg) : arg));
                method.apply(this, masked);
            },
        },
        serializers: {
            err: (error) => (0, redact_1.redactDeep)(error),
            req: (req) => ({
                id: req.id,
                method: req.method,
                url: req.url && (0, redact_1.maskText)(req.url.replace(/\?.*$/, (query) => (query.length > 1 ? '?[query]' : ''))),
                ip: req.ip,
            }),
            res: (res) => ({ statusCode: res.statusCode }),
        },
    }, options.destination ?? pino_1.default.destination(1));
}
//# sourceMappingURL=logger.js.map