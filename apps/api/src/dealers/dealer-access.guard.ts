import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { canAsDealer, ErrorCode, organizationMayWrite, Permission } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import { RequirePermission } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { OrganizationsRepository } from './organizations.repository';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ORG_PERMISSION = 'huanxin:dealer-org-permission';

/**
 * Runs after the global AuthGuard on every route of a `@DealerRoutes()` controller (role `dealer`,
 * permission `dealer.own`). Every write (POST/PUT/PATCH/DELETE) needs the caller's organisation to
 * be `active` now — read from the database, not the session, so a suspension takes effect on the
 * next request: otherwise 403 ORGANIZATION_NOT_ACTIVE. Reads pass. A route marked
 * `@OrgPermission(p)` also needs `p` for the account's current `orgAdmin` flag (canAsDealer):
 * otherwise 403 ORG_ADMIN_REQUIRED.
 */
@Injectable()
export class DealerAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = request.user;
    if (!user || user.role !== 'dealer') throw new DomainError(ErrorCode.FORBIDDEN, 'Not allowed');
    const orgPermission = this.reflector.getAllAndOverride<Permission | undefined>(ORG_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    const writes = UNSAFE.has(request.method);
    if (!writes && orgPermission === undefined) return true;
    const access = await this.organizations.dealerAccess(user.id);
    if (!access) throw new DomainError(ErrorCode.FORBIDDEN, 'Not allowed');
    if (writes && !organizationMayWrite(access.status))
      throw new DomainError(
        ErrorCode.ORGANIZATION_NOT_ACTIVE,
        `The organisation is ${access.status}: its records can be read, not changed`,
        { extra: { status: access.status } },
      );
    if (
      orgPermission !== undefined &&
      !canAsDealer({ role: user.role, orgAdmin: access.orgAdmin }, orgPermission)
    )
      throw new DomainError(
        ErrorCode.ORG_ADMIN_REQUIRED,
        'Only the organisation’s administrators may do this',
      );
    return true;
  }
}

/**
 * A dealer controller: `dealer.own` for the global guard, then DealerAccessGuard (writes only for an
 * active organisation). Every later dealer route (sales, import, certificates, ledger) uses this.
 */
export const DealerRoutes = (): ClassDecorator =>
  applyDecorators(RequirePermission(Permission.DealerOwn), UseGuards(DealerAccessGuard));

/** The route also needs this organisation-level permission (ORG_ADMIN_PERMISSIONS, shared). */
export const OrgPermission = (permission: Permission): MethodDecorator =>
  SetMetadata(ORG_PERMISSION, permission);
