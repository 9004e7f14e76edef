import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../common/http/request-context';

export const PUBLIC_ROUTE = 'huanxin:public';
export const ROUTE_PERMISSION = 'huanxin:permission';

/** Open to everyone, signed in or not. Every other route must name a permission. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The permission (from @huanxin/shared ROLE_PERMISSIONS) a caller needs for this route. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(ROUTE_PERMISSION, permission);

/** Any signed-in user (for routes about the caller themselves, e.g. /auth/me, logout). */
export const SIGNED_IN = 'signed-in' as const;
export const SignedIn = (): MethodDecorator & ClassDecorator => SetMetadata(ROUTE_PERMISSION, SIGNED_IN);

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}

/** The signed-in caller (the guard has already refused anonymous requests on non-public routes). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined => {
    return context.switchToHttp().getRequest<FastifyRequest>().user;
  },
);
