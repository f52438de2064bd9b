/**
 * The citizen session cookie: its own name, distinct from the staff one; the
 * session secret (only its hash is stored), HttpOnly, SameSite=Lax, Secure as
 * the staff cookie is. Sent on every path: the report form and the public
 * pages' header read it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { secureCookies } from '../staff/auth/session-cookie.js';

export const ACCOUNT_COOKIE = 'o311_account';
const COOKIE_PATH = '/';
export const DEFAULT_ACCOUNT_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export const accountSessionTtlMs = (web: WebContext): number => web.options.accountSessionTtlMs ?? DEFAULT_ACCOUNT_SESSION_TTL_MS;

export function accountSecretOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[ACCOUNT_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

export function setAccountCookie(reply: FastifyReply, web: WebContext, secret: string): void {
  reply.setCookie(ACCOUNT_COOKIE, secret, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(web),
    maxAge: Math.floor(accountSessionTtlMs(web) / 1000),
  });
}

export function clearAccountCookie(reply: FastifyReply, web: WebContext): void {
  reply.clearCookie(ACCOUNT_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: secureCookies(web) });
}
