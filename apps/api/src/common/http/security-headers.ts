import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * The security headers (CSP, frame denial, nosniff…) that `@fastify/helmet` would send with
 * `options`, worked out once at start. The plugin itself rebuilds helmet's middleware — parsing
 * every CSP directive again — on every request, which cost a tenth of the public list's time; the
 * headers never vary here (no per-route options, no CSP nonces), so the same plugin is run once on
 * a throw-away instance and what it set is replayed on every reply.
 */
export async function securityHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, options);
  // What helmet set on the raw response before the handler ran: its headers and nothing else.
  probe.get('/', (_request, reply) => reply.send(reply.raw.getHeaders()));
  await probe.listen({ port: 0, host: '127.0.0.1' });
  let headers: Record<string, string | number | string[]>;
  try {
    const { port } = probe.server.address() as AddressInfo;
    headers = JSON.parse(await fetchText(`http://127.0.0.1:${port}/`)) as typeof headers;
  } finally {
    await probe.close();
  }
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
}

/** The page headers an API answer keeps (HSTS only where helmet was asked for it). */
const API_KEEPS = [
  'cross-origin-resource-policy',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
];

/**
 * The headers for answers under `/api/` (OWASP REST Security Cheat Sheet, "Security headers"):
 * JSON, and the documents served inline, are never a page that loads anything, so their CSP is
 * `default-src 'none'` (stricter than the web app's) with framing denied, plus nosniff, frame
 * denial, no referrer, same-origin resource policy and HSTS. What only steers a page the app
 * renders — its CSP's sources, the opener policy, origin-agent clustering, DNS prefetching, old
 * IE's download and XSS filters, Flash and PDF cross-domain policies — is left off: half of a small
 * answer's header bytes, and a header to set and parse less each.
 */
export function apiSecurityHeaders(pageHeaders: Record<string, string>): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    ...Object.fromEntries(Object.entries(pageHeaders).filter(([name]) => API_KEEPS.includes(name))),
  };
}

/**
 * Sends the page headers on every reply, the API's on answers under `/api/` (set before routing,
 * so error answers and 404s carry them too).
 */
export function applySecurityHeaders(
  fastify: FastifyInstance,
  headers: { page: Record<string, string>; api: Record<string, string> },
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith('/api/') ? headers.api : headers.page);
    done();
  });
}

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(text));
      response.on('error', reject);
    }).on('error', reject);
  });
}
