/**
 * "Me too" (issue 14): a visitor adds their support to an open request instead
 * of reporting it again. One support per signed-in citizen, per e-mail address
 * and per browser (store.supporters keeps only hashes of these keys), a few
 * per minute per client address. An e-mail left with it also starts the
 * ordinary follow flow (double opt-in mail, follow.ts). No CSRF token: the
 * account and browser cookies are SameSite=Lax, so a POST from another site
 * carries neither and counts as a new browser, like any anonymous visitor.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { citizenOf } from '../account/authenticate.js';
import { isEmailAddress } from '../citizen/value-checks.js';
import { startFollowing } from './follow.js';
import { isClosed } from './status-label.js';
import { browserSecret } from './supporter-cookie.js';
import type { TrackedRequest } from './tracked-request.js';

/** Supports one client address may add per clock minute. */
const SUPPORTS_PER_MINUTE = 10;

export const SUPPORT_OUTCOMES = ['added', 'already', 'followed', 'busy', 'invalid', 'closed'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export async function addSupport(
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  t: Translator,
  j: Jurisdiction,
  tracked: TrackedRequest,
  rawEmail: string,
): Promise<SupportOutcome> {
  const email = rawEmail.trim();
  if (email !== '' && (email.length > 254 || !isEmailAddress(email))) return 'invalid';
  if (isClosed(tracked.status)) return 'closed';
  const { postLimits, now, store } = web.services;
  if (!(await postLimits.take(`support-ip:${request.ip}`, SUPPORTS_PER_MINUTE, now())).allowed) return 'busy';
  const who = await citizenOf(web, request);
  const keys = [`browser:${browserSecret(web, request, reply)}`];
  if (who) keys.push(`account:${who.account.id}`);
  if (email !== '') keys.push(`email:${email.toLowerCase()}`);
  const id = tracked.request.service_request_id;
  const added = await store.supporters.add({ jurisdiction_id: j.id, request_id: id, keys, at: now() });
  if (!added.ok) return 'closed';
  if (email !== '') {
    const follow = await startFollowing(web, request, t, j, { id, serviceName: tracked.serviceName }, email);
    if (follow.kind === 'busy') return 'busy';
    return 'followed';
  }
  return added.added ? 'added' : 'already';
}
