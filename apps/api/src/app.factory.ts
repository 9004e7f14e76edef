import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorCode, MAX_DOCUMENT_BYTES } from '@huanxin/shared';
import type { FastifyInstance } from 'fastify';
import { AppModule } from './app.module';
import { ApplicationsService } from './applications/applications.service';
import { residentListRoute } from './applications/resident-list.route';
import { SecurityAuditService } from './audit/security-audit.service';
import { AuthGuard } from './auth/auth.guard';
import { csrfOriginCheck } from './auth/csrf';
import { errorBody } from './common/errors/error-body';
import { HttpExceptionFilter, sendError } from './common/errors/http-exception.filter';
import { refuseSubmitsWhenFull, SubmitGate } from './common/http/admission';
import { enforceBodyDeadline } from './common/http/body-deadline';
import { documentLeanRoutes, type LeanRoute, mountLeanRoutes } from './common/http/lean-route';
import { requestContext } from './common/http/request-context';
import { apiSecurityHeaders, applySecurityHeaders, securityHeaders } from './common/http/security-headers';
import type { Logger } from './common/logging/logger';
import { PinoNestLogger } from './common/logging/nest-logger';
import { jsonBodyParser } from './common/validation/json-body';
import { createValidationPipe } from './common/validation/validation.pipe';
import type { AppConfig } from './config/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the HTTP application exactly as production runs it: the Fastify adapter with limits and
 * request ids, security headers, one error model, validation, OpenAPI, and the built web app.
 * Tests call this too, so they exercise the real pipeline.
 */
export async function createHttpApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.http.bodyLimitBytes,
    // Trust X-Forwarded-For only from the configured number of proxy hops in front of the app.
    trustProxy: (_address: string, hop: number) => hop < config.http.trustProxy,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Backstop behind enforceBodyDeadline (which answers 408 itself): Node drops a connection
    // whose request is still not received well after the longer deadline.
    requestTimeout: Math.max(config.bodyTimeouts.uploadMs, config.bodyTimeouts.requestMs) + 10_000,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  // The first hook, so that every answer carries them, refusals by the hooks below included: the
  // request id, and for API answers (they may hold personal data) never stored by browsers or
  // proxies unless the route says otherwise (a route's own cache-control replaces this one). Set
  // here rather than in an onSend hook: one hook less to run on every answer. Only what Nest's
  // adapter answers in its own hooks, which run before any of ours (its 503 while the process
  // shuts down), goes without them.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    // Who and where, for audit rows and limits, without passing the request through every service.
    requestContext.run(
      { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] },
      done,
    );
  });
  // While submit admission is full, a submit is refused here: before its body, session or database.
  refuseSubmitsWhenFull(fastify, app.get(SubmitGate).gate);
  fastify.addHook('onRequest', csrfOriginCheck(config, app.get(SecurityAuditService)));
  // A body that stalls, trickles or never ends is answered 408 (UPLOAD_TIMEOUT_MS / REQUEST_TIMEOUT_MS).
  enforceBodyDeadline(fastify, config.bodyTimeouts);
  // Errors raised by Fastify itself (body parsing, size limits) before a Nest handler runs.
  fastify.setErrorHandler((error, request, reply) => sendError(reply, request, error, logger));

  // JSON bodies: Fastify's parser behind the edge checks (depth, UTF-8, NUL, surrogates, ±2^53).
  app.useBodyParser('application/json', { bodyLimit: config.http.bodyLimitBytes }, jsonBodyParser(fastify));

  await app.register(fastifyCookie);
  // Uploads stream through; one file of at most 10 MB and a few small fields per request (a scrap
  // certificate has the most: seven).
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 8, fieldSize: 1024, parts: 9 },
  });
  // Helmet's headers, computed once (see security-headers.ts); API answers get their own subset.
  const headers = await securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets WebAssembly compile (no JS eval): the dealer counter's QR reader
        // (zxing-wasm, served from our origin) on browsers without a native BarcodeDetector.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        // Ant Design injects its generated CSS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    hsts: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  applySecurityHeaders(fastify, { page: headers, api: apiSecurityHeaders(headers) });

  // The hot reads Fastify serves itself, with the guard's access decision (see lean-route.ts).
  const guard = app.get(AuthGuard);
  mountLeanRoutes(fastify, leanRoutes(app), (request, access) => guard.authorize(request, access), logger);

  app.setGlobalPrefix('api');
  app.useGlobalFilters(new HttpExceptionFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  // The route map helps attackers as much as integrators: off in production unless API_DOCS=on.
  if (config.http.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Huanxin (换新) trade-in subsidy portal API')
        .setDescription(
          'Money is integer fen; dates YYYY-MM-DD (Asia/Shanghai). Errors: { error: { code, message, fields } }.',
        )
        .setVersion('1')
        .addCookieAuth('__Host-hx_sid')
        .build(),
    );
    documentLeanRoutes(document, leanRoutes(app));
    SwaggerModule.setup('api/docs', app, document, {
      jsonDocumentUrl: 'api/docs-json',
      useGlobalPrefix: false,
    });
  }

  await serveWeb(fastify, config, logger);
  return app;
}

/** The routes served by Fastify directly (common/http/lean-route.ts), wired to their services. */
export function leanRoutes(app: NestFastifyApplication): LeanRoute[] {
  return [residentListRoute(app.get(ApplicationsService))];
}

/** Serves the built web app at `/`, with the SPA's index.html for every non-API GET. */
async function serveWeb(fastify: FastifyInstance, config: AppConfig, logger: Logger): Promise<void> {
  const indexFile = path.join(config.web.distDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    logger.warn(
      { distDir: config.web.distDir },
      'web app not built: serving the API only (run `npm run build`)',
    );
    return;
  }
  await fastify.register(fastifyStatic, {
    root: config.web.distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (res, filePath) => {
      // Vite fingerprints everything under assets/; the rest must be revalidated.
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  const sendIndex = (reply: {
    header: (k: string, v: string) => unknown;
    sendFile: (f: string) => unknown;
  }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      return reply.status(404).send(errorBody(ErrorCode.ROUTE_NOT_FOUND, 'No such route'));
    }
    return sendIndex(reply);
  });
}
