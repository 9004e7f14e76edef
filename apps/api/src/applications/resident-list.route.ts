import { Permission } from '@huanxin/shared';
import type { LeanRoute, LeanRouteDeclaration } from '../common/http/lean-route';
import type { ApplicationsService } from './applications.service';

/**
 * `GET /api/applications`, the caller's claims: the resident's most frequent read (the portal's
 * home page polls it), served as a lean route (common/http/lean-route.ts). Declared here, with the
 * controller's other routes' permission, and mounted by the app factory.
 */
export const RESIDENT_LIST: LeanRouteDeclaration = {
  method: 'GET',
  url: '/api/applications',
  permission: Permission.ApplicationsOwn,
  operationId: 'ApplicationsController_list',
  tag: 'applications',
  summary: "The caller's applications",
};

export function residentListRoute(applications: ApplicationsService): LeanRoute {
  return { ...RESIDENT_LIST, answer: (user) => applications.list(user.id) };
}
