"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PinoNestLogger = void 0;
/**
 * Routes Nest's own logging (bootstrap, `new Logger(Class.name)`) into the pino logger. Nest calls
 * `level(message, ...params, context)`: the class name comes last. Our code logs structured data as
 * `logger.debug({ ids… }, 'what happened')`, so a string before the context is the message.
 */
class PinoNestLogger {
    constructor(logger) {
        this.logger = logger;
    }
    log(message, ...params) {
        this.write('info', message, params);
    }
    error(message, ...params) {
        this.write('error', message, params);
    }
    warn(message, ...params) {
        this.write('warn', message, params);
    }
    debug(message, ...params) {
        this.write('debug', message, params);
    }
    verbose(message, ...params) {
        this.write('trace', message, params);
    }
    fatal(message, ...params) {
        this.write('fatal', message, params);
    }
    write(level, message, params) {
        const strings = params.filter((param) => typeof param === 'string');
        const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
        const extra = strings.slice(0, -1);
        const bindings = { context };
        if (message instanceof Error) {
            this.logger[level]({ ...bindings, err: message }, extra[0] ?? message.message);
        }
        else if (typeof message === 'object' && message !== null) {
            this.logger[level]({ ...bindings, ...message }, extra[0]);
        }
        else {
            // Nest's own error(message, stack, context): a multi-line second string is a stack trace.
            if (level === 'error' && extra[0]?.includes('\n'))
                bindings.stack = extra[0];
            this.logger[level](bindings, String(message));
        }
    }
}
exports.PinoNestLogger = PinoNestLogger;
//# sourceMappingURL=nest-logger.js.map