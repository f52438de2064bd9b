/**
 * The staff session cookie: the session secret (only its hash is stored),
 * httpOnly, SameSite=Lax, limited to /staff, Secure when the site is https.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../../context.js';

export const SESSION_COOKIE = 'o311_staff';
export const SESSION_COOKIE_PATH = '/staff';
export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export const sessionTtlMs = (web: WebContext): number => web.options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;

/** Secure unless told otherwise, except when the site is known to be plain http. */
export function secureCookies(web: WebContext): boolean {
  if (web.options.secureCookies !== undefined) return web.options.secureCookies;
  const publicUrl = web.options.publicUrl ?? web.services.publicUrl;
  return publicUrl !== undefined && publicUrl.startsWith('https:');
}

export const sessionSecretOf = (request: FastifyRequest): string | undefined => {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
};

export function setSessionCookie(reply: FastifyReply, web: WebContext, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: SESSION_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(web),
    maxAge: Math.floor(sessionTtlMs(web) / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, web: WebContext): void {
  reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: secureCookies(web) });
}
