"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.securityHeaders = securityHeaders;
exports.applySecurityHeaders = applySecurityHeaders;
const node_http_1 = require("node:http");
const helmet_1 = __importDefault(require("@fastify/helmet"));
const fastify_1 = __importDefault(require("fastify"));
/**
 * The security headers (CSP, frame denial, nosniff…) that `@fastify/helmet` would send with
 * `options`, worked out once at start. The plugin itself rebuilds helmet's middleware — parsing
 * every CSP directive again — on every request, which cost a tenth of the public list's time; the
 * headers never vary here (no per-route options, no CSP nonces), so the same plugin is run once on
 * a throw-away instance and what it set is replayed on every reply.
 */
async function securityHeaders(options) {
    const probe = (0, fastify_1.default)();
    await probe.register(helmet_1.default, options);
    // What helmet set on the raw response before the handler ran: its headers and nothing else.
    probe.get('/', (_request, reply) => reply.send(reply.raw.getHeaders()));
    await probe.listen({ port: 0, host: '127.0.0.1' });
    let headers;
    try {
        const { port } = probe.server.address();
        headers = JSON.parse(await fetchText(`http://127.0.0.1:${port}/`));
    }
    finally {
        await probe.close();
    }
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : String(value),
    ]));
}
/** Sends `headers` on every reply (set before routing, so error answers and 404s carry them too). */
function applySecurityHeaders(fastify, headers) {
    fastify.addHook('onRequest', (_request, reply, done) => {
        void reply.headers(headers);
        done();
    });
}
function fetchText(url) {
    return new Promise((resolve, reject) => {
        (0, node_http_1.get)(url, { agent: false }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => (text += chunk));
            response.on('end', () => resolve(text));
            response.on('error', reject);
        }).on('error', reject);
    });
}
//# sourceMappingURL=security-headers.js.map