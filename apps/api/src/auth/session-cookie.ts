import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config';
import { ABSOLUTE_TIMEOUT_MS } from './session.service';

/** `__Host-` cookies must be Secure; over plain HTTP (development) the name has no prefix. */
export function sessionCookieName(config: AppConfig): string {
  return config.auth.secureCookies ? '__Host-hx_sid' : 'hx_sid';
}

export function readSessionCookie(config: AppConfig, request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(config)];
}

export function setSessionCookie(config: AppConfig, reply: FastifyReply, sessionId: string): void {
  void reply.setCookie(sessionCookieName(config), sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.secureCookies,
    path: '/',
    maxAge: Math.floor(ABSOLUTE_TIMEOUT_MS / 1000),
  });
}

export function clearSessionCookie(config: AppConfig, reply: FastifyReply): void {
  void reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.secureCookies,
  });
}
