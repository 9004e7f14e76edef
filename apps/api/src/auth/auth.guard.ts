import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, ErrorCode, type Permission } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { RateLimiter } from '../common/http/rate-limit';
import { type AuthUser, requestContext } from '../common/http/request-context';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { PUBLIC_ROUTE, ROUTE_PERMISSION, SIGNED_IN } from './auth.decorators';
import { readSessionCookie } from './session-cookie';
import { SessionService } from './session.service';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a route declares to the guard: `@Public()`, or the permission it needs. */
export interface RouteAccess {
  isPublic: boolean;
  permission: Permission | typeof SIGNED_IN | undefined;
}

/**
 * The global guard: denied by default. It resolves the session cookie, lets `@Public()` routes
 * through, refuses anonymous callers (401) and callers whose role lacks the route's permission
 * (403, audited), and limits writes per signed-in user (not per IP: many residents share one
 * carrier NAT address). A route that declares nothing is refused and logged as a defect.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);
  private readonly routes = new WeakMap<object, RouteAccess>();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.authorize(context.switchToHttp().getRequest<FastifyRequest>(), this.declared(context));
    return true;
  }

  /**
   * Everything `canActivate` decides, for a request and what its route declares: the caller (null
   * on a public route without a session), or a DomainError (401, 403). Routes served by Fastify
   * directly (`common/http/lean-route.ts`) call this too, so there is one access decision.
   */
  async authorize(request: FastifyRequest, { isPublic, permission }: RouteAccess): Promise<AuthUser | null> {
    const sessionId = readSessionCookie(this.config, request);
    const user = sessionId ? await this.sessions.resolve(sessionId) : null;
    if (user) {
      request.user = user;
      const store = requestContext.get();
      if (store) store.user = user;
    }
    if (isPublic) return user;
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Please sign in');
    if (permission === undefined) {
      this.logger.error({ route: request.routeOptions?.url }, 'route declares no permission: refused');
      throw new DomainError(ErrorCode.FORBIDDEN, 'Not allowed');
    }
    if (permission !== SIGNED_IN && !can(user.role, permission)) {
      await this.audit.record({
        action: 'access.denied',
        result: 'denied',
        detail: { permission, method: request.method, route: request.routeOptions?.url ?? null },
      });
      throw new DomainError(ErrorCode.FORBIDDEN, 'Not allowed');
    }
    if (UNSAFE.has(request.method)) {
      await this.limiter.hit(
        {
          name: 'writes',
          limit: this.config.auth.writeLimitPerMinute,
          windowSeconds: 60,
          onStoreDown: 'open',
        },
        `user:${user.id}`,
      );
    }
    return user;
  }

  /** What the route declares (fixed at start: read once per handler, not on every request). */
  private declared(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    let access = this.routes.get(handler);
    if (!access) {
      const targets = [handler, context.getClass()];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true,
        permission: this.reflector.getAllAndOverride<Permission | typeof SIGNED_IN | undefined>(
          ROUTE_PERMISSION,
          targets,
        ),
      };
      this.routes.set(handler, access);
    }
    return access;
  }
}
