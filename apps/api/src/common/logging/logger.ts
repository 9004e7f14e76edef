import pino, { type Logger } from 'pino';
import { maskText, redactDeep } from './redact';

export type { Logger } from 'pino';

/**
 * The process-wide structured logger (JSON lines, ISO-8601 timestamps with offset). Every object
 * passed to it goes through `redactDeep`, every message through `maskText`.
 */
export function createLogger(options: {
  level: string;
  name: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // req, res and err have their own serializers (which mask); copying them here first would
        // drop their getters (method, url, statusCode).
        log: (object) => {
          const { req, res, err, ...rest } = object;
          return {
            ...(redactDeep(rest) as Record<string, unknown>),
            ...(req !== undefined && { req }),
            ...(res !== undefined && { res }),
            ...(err !== undefined && { err }),
          };
        },
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskText(arg) : arg)) as Parameters<
            typeof method
          >;
          method.apply(this, masked);
        },
      },
      serializers: {
        err: (error: unknown) => redactDeep(error),
        req: (req: { id?: string; method?: string; url?: string; ip?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url && maskText(req.url.replace(/\?.*$/, (query) => (query.length > 1 ? '?[query]' : ''))),
          ip: req.ip,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    options.destination ?? pino.destination(1),
  );
}
