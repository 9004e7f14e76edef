import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logging/logger';
import { DomainError } from './domain-error';
import { sendError } from './http-exception.filter';

function fakeReply() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    headers(values: Record<string, string>) {
      Object.assign(sent.headers, values);
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

const request = { id: 'req-1', method: 'GET', routeOptions: { url: '/x' } } as unknown as FastifyRequest;

function fakeLogger() {
  const errors: unknown[] = [];
  return { logger: { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger, errors };
}

describe('sendError', () => {
  it('answers an unknown error with a generic 500 and logs the detail', () => {
    const { reply, sent } = fakeReply();
    const { logger, errors } = fakeLogger();
    sendError(
      reply,
      request,
      new Error('connection to 10.0.0.5 failed: password authentication failed'),
      logger,
    );
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' } });
    expect(JSON.stringify(sent.body)).not.toMatch(/password|10\.0\.0\.5|at /);
    expect(errors).toHaveLength(1);
  });

  it('keeps a domain error code, fields and headers', () => {
    const { reply, sent } = fakeReply();
    const { logger, errors } = fakeLogger();
    sendError(
      reply,
      request,
      new DomainError('RATE_LIMITED', 'slow down', { headers: { 'retry-after': '7' } }),
      logger,
    );
    expect(sent.status).toBe(429);
    expect(sent.headers['retry-after']).toBe('7');
    expect(sent.body).toEqual({ error: { code: 'RATE_LIMITED', message: 'slow down' } });
    expect(errors).toHaveLength(0);
  });

  it.each([
    [new NotFoundException(), 404, 'ROUTE_NOT_FOUND'],
    [new BadRequestException('bad'), 400, 'BAD_REQUEST'],
    [
      Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }),
      400,
      'MALFORMED_JSON',
    ],
    [
      Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('maps %p to %i %s', (error, status, code) => {
    const { reply, sent } = fakeReply();
    sendError(reply, request, error, fakeLogger().logger);
    expect(sent.status).toBe(status);
    expect((sent.body as { error: { code: string } }).error.code).toBe(code);
  });

  describe('infrastructure errors', () => {
    const pgError = (code: string) =>
      Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError: { code } });

    it.each([
      [
        'Redis down, offline queue off',
        new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      ],
      ['Redis connection closed', new Error('Connection is closed.')],
      ['ioredis retries exhausted', Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' })],
      [
        'connection refused',
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ],
      ['PostgreSQL shutting down (57P01)', pgError('57P01')],
      ['PostgreSQL connection failure (08006)', pgError('08006')],
      ['PostgreSQL too many connections (53300)', pgError('53300')],
    ])('%s → 503 SERVICE_UNAVAILABLE with Retry-After, logged as an error', (_label, error) => {
      const { reply, sent } = fakeReply();
      const { logger, errors } = fakeLogger();
      sendError(reply, request, error, logger);
      expect(sent.status).toBe(503);
      expect(sent.headers['retry-after']).toEqual(expect.any(String));
      expect(sent.body).toEqual({
        error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/unavailable/i) },
      });
      expect(errors).toHaveLength(1);
    });

    it.each(['22007', '22008', '22003', '22P02', '22021'])(
      'PostgreSQL data exception %s (a value validation let through) → 422, a warning, no value',
      (code) => {
        const { reply, sent } = fakeReply();
        const warnings: unknown[] = [];
        const logger = {
          error: () => {},
          warn: (...args: unknown[]) => warnings.push(args),
        } as unknown as Logger;
        sendError(reply, request, pgError(code), logger);
        expect(sent.status).toBe(422);
        expect((sent.body as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
        expect(warnings).toEqual([[expect.objectContaining({ sqlstate: code }), expect.any(String)]]);
      },
    );

    it('a constraint violation (class 23) is not mistaken for bad input: still a 500', () => {
      const { reply, sent } = fakeReply();
      sendError(reply, request, pgError('23505'), fakeLogger().logger);
      expect(sent.status).toBe(500);
    });
  });
});
