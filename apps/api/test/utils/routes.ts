import { RequestMethod, type INestApplicationContext, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { leanRoutes } from '../../src/app.factory';
import { PUBLIC_ROUTE, ROUTE_PERMISSION } from '../../src/auth/auth.decorators';

export interface RouteInfo {
  /** e.g. `GET /api/residents/:id/reveal` */
  key: string;
  method: string;
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  /** A permission from @huanxin/shared, `signed-in`, or undefined when the route declares nothing. */
  permission: string | undefined;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route of every controller the app has mounted, read from Nest's own metadata (the same
 * the router uses), with what the global guard will see: `@Public()` and the declared permission;
 * and the lean routes Fastify serves itself (src/common/http/lean-route.ts), as mounted.
 */
export function listRoutes(app: INestApplicationContext, globalPrefix = 'api'): RouteInfo[] {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      const bases = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const targets = [handler as () => void, controller];
        for (const base of bases) {
          for (const sub of [paths].flat()) {
            const path = join(globalPrefix, base, sub);
            routes.push({
              key: `${method} ${path}`,
              method,
              path,
              controller: controller.name,
              handler: name,
              isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true,
              permission: reflector.getAllAndOverride<string | undefined>(ROUTE_PERMISSION, targets),
            });
          }
        }
      }
    }
  }
  for (const route of leanRoutes(app as NestFastifyApplication)) {
    routes.push({
      key: `${route.method} ${route.url}`,
      method: route.method,
      path: route.url,
      controller: 'lean route',
      handler: route.operationId,
      isPublic: false,
      permission: route.permission,
    });
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
