/**
 * Passwordless sign-in. Asking for a link does the same whatever the address:
 * no account is looked up (the link creates the account when it is used), so
 * the answer, the work and its time never tell whether an address has one.
 * Using the link consumes it (store: once, within its lifetime), opens a
 * session and gives the account the reports made with the address before it
 * signed in (store: citizen-claim.ts). Only that use proves the address, so
 * only it claims: asking for a link, or typing the address in a report, shows
 * no one else's reports to anybody. Both steps are bounded (sign-in-throttle.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { SignInLinkUse } from '@o311/store';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { publicBase } from '../citizen/origin.js';
import { isEmailAddress } from '../citizen/value-checks.js';
import { linkPath } from './paths.js';
import { accountSessionTtlMs } from './session-cookie.js';
import { signInMail } from './sign-in-mail.js';
import { SignInThrottle } from './sign-in-throttle.js';

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
export const SIGN_IN_LINK_TTL_MINUTES = SIGN_IN_LINK_TTL_MS / 60_000;
/** The longest address a mail system takes (RFC 5321 path limit). */
const MAX_EMAIL_LENGTH = 254;

export type SignInRequest = { kind: 'sent'; email: string } | { kind: 'invalid'; email: string } | { kind: 'throttled'; email: string; retryAfterMs: number };

export async function requestSignInLink(web: WebContext, request: FastifyRequest, t: Translator, typed: string): Promise<SignInRequest> {
  const email = typed.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !isEmailAddress(email)) return { kind: 'invalid', email: typed.trim().slice(0, MAX_EMAIL_LENGTH) };
  const verdict = await new SignInThrottle(web).takeMail(email, request.ip);
  if (!verdict.allowed) return { kind: 'throttled', email, retryAfterMs: verdict.retryAfterMs };
  const { secret } = await web.services.store.citizens.createSignInLink({ email, locale: t.locale, ttl_ms: SIGN_IN_LINK_TTL_MS, at: web.services.now() });
  await web.mailer.send(signInMail(t, email, `${publicBase(web, request)}${linkPath(secret)}`, SIGN_IN_LINK_TTL_MINUTES));
  return { kind: 'sent', email };
}

export type LinkUse = SignInLinkUse | { ok: false; reason: 'throttled'; retryAfterMs: number };

export async function useSignInLink(web: WebContext, request: FastifyRequest, secret: string): Promise<LinkUse> {
  const throttle = new SignInThrottle(web);
  const verdict = await throttle.linkVerdict(request.ip);
  if (!verdict.allowed) return { ok: false, reason: 'throttled', retryAfterMs: verdict.retryAfterMs };
  const used = await web.services.store.citizens.useSignInLink(secret, { ttl_ms: accountSessionTtlMs(web) }, web.services.now());
  if (used.ok) await throttle.signedIn(used.account.email, request.ip);
  else await throttle.badLink(request.ip);
  return used;
}
