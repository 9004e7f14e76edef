"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mountLeanRoutes = mountLeanRoutes;
exports.documentLeanRoutes = documentLeanRoutes;
const http_exception_filter_1 = require("../errors/http-exception.filter");
const JSON_UTF8 = 'application/json; charset=utf-8';
/** Mounts `routes` on Fastify (before Nest's own, which it must not share a path and method with). */
function mountLeanRoutes(fastify, routes, authorize, logger) {
    for (const route of routes) {
        const access = { isPublic: false, permission: route.permission };
        fastify.route({
            method: route.method,
            url: route.url,
            handler: (request, reply) => {
                authorize(request, access)
                    // Not public: authorize answers a user or throws (401/403).
                    .then((user) => route.answer(user))
                    .then((body) => void reply.type(JSON_UTF8).send(body), (error) => (0, http_exception_filter_1.sendError)(reply, request, error, logger));
            },
        });
    }
}
/** Adds `routes` to the OpenAPI document as Nest's Swagger module would describe them. */
function documentLeanRoutes(document, routes) {
    for (const route of routes) {
        const item = (document.paths[route.url] ??= {});
        item[route.method.toLowerCase()] = {
            operationId: route.operationId,
            summary: route.summary,
            tags: [route.tag],
            parameters: [],
            responses: { '200': { description: '' } },
        };
    }
}
//# sourceMappingURL=lean-route.js.map