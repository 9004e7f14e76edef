import type { OpenAPIObject } from '@nestjs/swagger';
import type { Permission } from '@huanxin/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../errors/http-exception.filter';
import type { Logger } from '../logging/logger';
import type { AuthUser } from './request-context';

/**
 * A hot read served by Fastify directly instead of through Nest's router. Nest runs, per request,
 * an execution context, the guards consumer, the param pipes, the interceptors consumer and the
 * response controller — about ten promises, each also paying the AsyncLocalStorage hooks (see
 * request-context.ts) — which for a route with no parameters and no body decide nothing. A lean
 * route keeps every guarantee of the Nest route it replaces, because they do not live there: the
 * Fastify hooks (request id, request context, security headers, `cache-control: no-store`, CSRF,
 * body deadline, logging) run for it as for any route, the access decision is the global guard's
 * own (`AuthGuard.authorize`, with the permission declared here), and errors are answered by the
 * same `sendError` as the exception filter's. It appears in the OpenAPI document and in the
 * access-control inventory (`test/utils/routes.ts`) like a controller's route.
 * Reserved for the few reads whose rate is an explicit goal (README, Benchmarks).
 */
export interface LeanRouteDeclaration {
  method: 'GET';
  /** The full path, global prefix included; no parameters (nothing to parse or validate). */
  url: string;
  /** What `@RequirePermission` would say. Never public: a public read needs no session either. */
  permission: Permission;
  /** The OpenAPI operation id, tag and summary the controller's decorators would give. */
  operationId: string;
  tag: string;
  summary: string;
}

export interface LeanRoute extends LeanRouteDeclaration {
  /** The answer's JSON text for the signed-in caller (errors as thrown by any service). */
  answer: (user: AuthUser) => Promise<string>;
}

/** The guard's access decision (AuthGuard.authorize). */
export type Authorize = (
  request: FastifyRequest,
  access: { isPublic: boolean; permission: Permission },
) => Promise<AuthUser | null>;

const JSON_UTF8 = 'application/json; charset=utf-8';

/** Mounts `routes` on Fastify (before Nest's own, which it must not share a path and method with). */
export function mountLeanRoutes(
  fastify: FastifyInstance,
  routes: readonly LeanRoute[],
  authorize: Authorize,
  logger: Logger,
): void {
  for (const route of routes) {
    const access = { isPublic: false, permission: route.permission };
    fastify.route({
      method: route.method,
      url: route.url,
      handler: (request, reply) => {
        authorize(request, access)
          // Not public: authorize answers a user or throws (401/403).
          .then((user) => route.answer(user!))
          .then(
            (body) => void reply.type(JSON_UTF8).send(body),
            (error: unknown) => sendError(reply, request, error, logger),
          );
      },
    });
  }
}

/** Adds `routes` to the OpenAPI document as Nest's Swagger module would describe them. */
export function documentLeanRoutes(document: OpenAPIObject, routes: readonly LeanRouteDeclaration[]): void {
  for (const route of routes) {
    const item = (document.paths[route.url] ??= {});
    item[route.method.toLowerCase() as 'get'] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [],
      responses: { '200': { description: '' } },
    };
  }
}
