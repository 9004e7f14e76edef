import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@huanxin/shared';
import { DomainError } from '../errors/domain-error';
import { assertSafeInput, jsonDepthExceeds, jsonTooDeep } from './input-guard';

type Done = (error: Error | null, body?: unknown) => void;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON body parser: Fastify's own (`__proto__` / `constructor.prototype` refused), with the
 * edge checks of input-guard.ts around it: bytes that are not UTF-8 are malformed JSON (400), a
 * body nested deeper than MAX_JSON_DEPTH is 400 JSON_TOO_DEEP (checked on the text, before
 * anything is built), and NUL, lone surrogates and unsafe integers are 422 with the field's code.
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new DomainError(ErrorCode.MALFORMED_JSON, 'The request body is not valid UTF-8'));
      return;
    }
    if (jsonDepthExceeds(text)) {
      done(jsonTooDeep());
      return;
    }
    void parse(request, text, (error, value) => {
      if (error) return done(error);
      try {
        assertSafeInput(value);
      } catch (refused) {
        return done(refused as Error);
      }
      done(null, value);
    });
  };
}
