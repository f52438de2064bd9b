/**
 * The "me too" browser cookie: a random secret that makes one browser one
 * supporter of a request (the store keeps only its hash). HttpOnly, scoped
 * to the tracker's paths, kept a year, Secure as the session cookies are.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { secureCookies } from '../staff/auth/session-cookie.js';

export const SUPPORTER_COOKIE = 'o311_supporter';
const SECRET = /^[A-Za-z0-9_-]{32,64}$/;
const YEAR_S = 365 * 24 * 60 * 60;

/** The browser's secret, set now when it has none (or a malformed one). */
export function browserSecret(web: WebContext, request: FastifyRequest, reply: FastifyReply): string {
  const sent = request.cookies[SUPPORTER_COOKIE];
  if (sent !== undefined && SECRET.test(sent)) return sent;
  const secret = randomBytes(32).toString('base64url');
  reply.setCookie(SUPPORTER_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies(web), maxAge: YEAR_S });
  return secret;
}

/** The browser's secret if it sent one (reading never sets it). */
export function sentBrowserSecret(request: FastifyRequest): string | undefined {
  const sent = request.cookies[SUPPORTER_COOKIE];
  return sent !== undefined && SECRET.test(sent) ? sent : undefined;
}
