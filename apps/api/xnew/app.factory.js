"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHttpApp = createHttpApp;
exports.leanRoutes = leanRoutes;
require("reflect-metadata");
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const node_crypto_1 = require("node:crypto");
const cookie_1 = __importDefault(require("@fastify/cookie"));
const multipart_1 = __importDefault(require("@fastify/multipart"));
const static_1 = __importDefault(require("@fastify/static"));
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const app_module_1 = require("./app.module");
const applications_service_1 = require("./applications/applications.service");
const resident_list_route_1 = require("./applications/resident-list.route");
const security_audit_service_1 = require("./audit/security-audit.service");
const auth_guard_1 = require("./auth/auth.guard");
const csrf_1 = require("./auth/csrf");
const error_body_1 = require("./common/errors/error-body");
const http_exception_filter_1 = require("./common/errors/http-exception.filter");
const admission_1 = require("./common/http/admission");
const body_deadline_1 = require("./common/http/body-deadline");
const lean_route_1 = require("./common/http/lean-route");
const request_context_1 = require("./common/http/request-context");
const security_headers_1 = require("./common/http/security-headers");
const nest_logger_1 = require("./common/logging/nest-logger");
const json_body_1 = require("./common/validation/json-body");
const validation_pipe_1 = require("./common/validation/validation.pipe");
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/**
 * Builds the HTTP application exactly as production runs it: the Fastify adapter with limits and
 * request ids, security headers, one error model, validation, OpenAPI, and the built web app.
 * Tests call this too, so they exercise the real pipeline.
 */
async function createHttpApp(config, logger) {
    const adapter = new platform_fastify_1.FastifyAdapter({
        loggerInstance: logger,
        bodyLimit: config.http.bodyLimitBytes,
        // Trust X-Forwarded-For only from the configured number of proxy hops in front of the app.
        trustProxy: (_address, hop) => hop < config.http.trustProxy,
        requestIdHeader: false,
        genReqId: (req) => {
            const incoming = req.headers['x-request-id'];
            return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : (0, node_crypto_1.randomUUID)();
        },
        routerOptions: { maxParamLength: 200 },
        // Backstop behind enforceBodyDeadline (which answers 408 itself): Node drops a connection
        // whose request is still not received well after the longer deadline.
        requestTimeout: Math.max(config.bodyTimeouts.uploadMs, config.bodyTimeouts.requestMs) + 10_000,
    });
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(config), adapter, {
        logger: new nest_logger_1.PinoNestLogger(logger.child({ component: 'nest' })),
        bufferLogs: false,
    });
    const fastify = app.getHttpAdapter().getInstance();
    // The first hook, so that every answer carries them, refusals by the hooks below included: the
    // request id, and for API answers (they may hold personal data) never stored by browsers or
    // proxies unless the route says otherwise (a route's own cache-control replaces this one). Set
    // here rather than in an onSend hook: one hook less to run on every answer. Only what Nest's
    // adapter answers in its own hooks, which run before any of ours (its 503 while the process
    // shuts down), goes without them.
    fastify.addHook('onRequest', (request, reply, done) => {
        void reply.header('x-request-id', request.id);
        if (request.url.startsWith('/api/'))
            void reply.header('cache-control', 'no-store');
        // Who and where, for audit rows and limits, without passing the request through every service.
        request_context_1.requestContext.run({ requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] }, done);
    });
    // While submit admission is full, a submit is refused here: before its body, session or database.
    (0, admission_1.refuseSubmitsWhenFull)(fastify, app.get(admission_1.SubmitGate).gate);
    fastify.addHook('onRequest', (0, csrf_1.csrfOriginCheck)(config, app.get(security_audit_service_1.SecurityAuditService)));
    // A body that stalls, trickles or never ends is answered 408 (UPLOAD_TIMEOUT_MS / REQUEST_TIMEOUT_MS).
    (0, body_deadline_1.enforceBodyDeadline)(fastify, config.bodyTimeouts);
    // Errors raised by Fastify itself (body parsing, size limits) before a Nest handler runs.
    fastify.setErrorHandler((error, request, reply) => (0, http_exception_filter_1.sendError)(reply, request, error, logger));
    // JSON bodies: Fastify's parser behind the edge checks (depth, UTF-8, NUL, surrogates, ±2^53).
    app.useBodyParser('application/json', { bodyLimit: config.http.bodyLimitBytes }, (0, json_body_1.jsonBodyParser)(fastify));
    await app.register(cookie_1.default);
    // Uploads stream through; one file of at most 10 MB and a few small fields per request (a scrap
    // certificate has the most: seven).
    await app.register(multipart_1.default, {
        limits: { fileSize: shared_1.MAX_DOCUMENT_BYTES, files: 1, fields: 8, fieldSize: 1024, parts: 9 },
    });
    // Helmet's headers, computed once (see security-headers.ts).
    const headers = await (0, security_headers_1.securityHeaders)({
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
    (0, security_headers_1.applySecurityHeaders)(fastify, headers);
    // The hot reads Fastify serves itself, with the guard's access decision (see lean-route.ts).
    const guard = app.get(auth_guard_1.AuthGuard);
    (0, lean_route_1.mountLeanRoutes)(fastify, leanRoutes(app), (request, access) => guard.authorize(request, access), logger);
    app.setGlobalPrefix('api');
    app.useGlobalFilters(new http_exception_filter_1.HttpExceptionFilter(logger));
    app.useGlobalPipes((0, validation_pipe_1.createValidationPipe)());
    app.enableShutdownHooks();
    // The route map helps attackers as much as integrators: off in production unless API_DOCS=on.
    if (config.http.apiDocs) {
        const document = swagger_1.SwaggerModule.createDocument(app, new swagger_1.DocumentBuilder()
            .setTitle('Huanxin (换新) trade-in subsidy portal API')
            .setDescription('Money is integer fen; dates YYYY-MM-DD (Asia/Shanghai). Errors: { error: { code, message, fields } }.')
            .setVersion('1')
            .addCookieAuth('__Host-hx_sid')
            .build());
        (0, lean_route_1.documentLeanRoutes)(document, leanRoutes(app));
        swagger_1.SwaggerModule.setup('api/docs', app, document, {
            jsonDocumentUrl: 'api/docs-json',
            useGlobalPrefix: false,
        });
    }
    await serveWeb(fastify, config, logger);
    return app;
}
/** The routes served by Fastify directly (common/http/lean-route.ts), wired to their services. */
function leanRoutes(app) {
    return [(0, resident_list_route_1.residentListRoute)(app.get(applications_service_1.ApplicationsService))];
}
/** Serves the built web app at `/`, with the SPA's index.html for every non-API GET. */
async function serveWeb(fastify, config, logger) {
    const indexFile = node_path_1.default.join(config.web.distDir, 'index.html');
    if (!node_fs_1.default.existsSync(indexFile)) {
        logger.warn({ distDir: config.web.distDir }, 'web app not built: serving the API only (run `npm run build`)');
        return;
    }
    await fastify.register(static_1.default, {
        root: config.web.distDir,
        prefix: '/',
        wildcard: false,
        index: false,
        setHeaders: (res, filePath) => {
            // Vite fingerprints everything under assets/; the rest must be revalidated.
            res.header('cache-control', filePath.includes(`${node_path_1.default.sep}assets${node_path_1.default.sep}`)
                ? 'public, max-age=31536000, immutable'
                : 'no-cache');
        },
    });
    const sendIndex = (reply) => {
        reply.header('cache-control', 'no-cache');
        return reply.sendFile('index.html');
    };
    fastify.get('/', (_request, reply) => sendIndex(reply));
    fastify.get('/*', (request, reply) => {
        if (request.url === '/api' || request.url.startsWith('/api/')) {
            return reply.status(404).send((0, error_body_1.errorBody)(shared_1.ErrorCode.ROUTE_NOT_FOUND, 'No such route'));
        }
        return sendIndex(reply);
    });
}
//# sourceMappingURL=app.factory.js.map