import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/**
 * Routes Nest's own logging (bootstrap, `new Logger(Class.name)`) into the pino logger. Nest calls
 * `level(message, ...params, context)`: the class name comes last. Our code logs structured data as
 * `logger.debug({ ids… }, 'what happened')`, so a string before the context is the message.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const strings = params.filter((param): param is string => typeof param === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
    const extra = strings.slice(0, -1);
    const bindings: Record<string, unknown> = { context };
    if (message instanceof Error) {
      this.logger[level]({ ...bindings, err: message }, extra[0] ?? message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...bindings, ...message }, extra[0]);
    } else {
      // Nest's own error(message, stack, context): a multi-line second string is a stack trace.
      if (level === 'error' && extra[0]?.includes('\n')) bindings.stack = extra[0];
      this.logger[level](bindings, String(message));
    }
  }
}
