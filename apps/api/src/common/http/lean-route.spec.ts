import type { AddressInfo } from 'node:net';
import { ErrorCode, Permission } from '@huanxin/shared';
import Fastify from 'fastify';
import { DomainError } from '../errors/domain-error';
import type { Logger } from '../logging/logger';
import { documentLeanRoutes, type LeanRoute, mountLeanRoutes } from './lean-route';
import type { AuthUser } from './request-context';

const resident: AuthUser = {
  id: '00000000-0000-4000-8000-000000000001',
  role: 'resident',
  displayName: '居民',
  organizationId: null,
  sessionId: 'x',
};

/** A lean route on a bare Fastify: `authorize` and `answer` stand in for the guard and the service. */
async function serve(authorize: () => Promise<AuthUser | null>, answer: LeanRoute['answer']) {
  const errors: unknown[] = [];
  const logger = { error: (fields: unknown) => errors.push(fields), warn: () => {} } as unknown as Logger;
  const fastify = Fastify();
  const seen: unknown[] = [];
  mountLeanRoutes(
    fastify,
    [
      {
        method: 'GET',
        url: '/api/things',
        permission: Permission.ApplicationsOwn,
        operationId: 'Things_list',
        tag: 'things',
        summary: 'Things',
        answer,
      },
    ],
    (_request, access) => {
      seen.push(access);
      return authorize();
    },
    logger,
  );
  // Over a real socket (Fastify's inject needs an ESM module Jest cannot load here).
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = fastify.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/things`);
    const res = { statusCode: response.status, headers: response.headers, body: await response.text() };
    return { res, errors, seen };
  } finally {
    await fastify.close();
  }
}

describe('lean routes', () => {
  it("answer the service's JSON text as is, for the user the guard decided, with the route's permission", async () => {
    const { res, seen } = await serve(
      async () => resident,
      async (user) => `[{"owner":${JSON.stringify(user.id)}}]`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body).toBe(`[{"owner":"${resident.id}"}]`);
    expect(seen).toEqual([{ isPublic: false, permission: Permission.ApplicationsOwn }]);
  });

  it.each([
    [ErrorCode.UNAUTHENTICATED, 401],
    [ErrorCode.FORBIDDEN, 403],
  ])(
    'a refusal by the guard (%s) is the error body with its status, and the service is not called',
    async (code, status) => {
      let called = false;
      const { res } = await serve(
        () => Promise.reject(new DomainError(code, 'no')),
        async () => {
          called = true;
          return '[]';
        },
      );
      expect(res.statusCode).toBe(status);
      expect(JSON.parse(res.body)).toEqual({ error: expect.objectContaining({ code }) });
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(called).toBe(false);
    },
  );

  it('a failure of the service is a logged 500 with the generic body (no detail leaks)', async () => {
    const { res, errors } = await serve(
      async () => resident,
      () => Promise.reject(new Error('connection to 10.0.0.5 lost')),
    );
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: ErrorCode.INTERNAL_ERROR, message: 'An unexpected error occurred' },
    });
    expect(res.body).not.toContain('10.0.0.5');
    expect(errors).toHaveLength(1);
  });

  it('are described in the OpenAPI document next to the controllers’ operations on the same path', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: { '/api/things': { post: { responses: {} } } },
    };
    documentLeanRoutes(document, [
      {
        method: 'GET',
        url: '/api/things',
        permission: Permission.ApplicationsOwn,
        operationId: 'Things_list',
        tag: 'things',
        summary: 'Things',
      },
    ]);
    expect(Object.keys(document.paths['/api/things'])).toEqual(['post', 'get']);
    expect(document.paths['/api/things']).toMatchObject({
      get: { operationId: 'Things_list', tags: ['things'], summary: 'Things' },
    });
  });
});
