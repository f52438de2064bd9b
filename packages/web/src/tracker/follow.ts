/**
 * Following a request by e-mail, double opt-in: the form adds an unconfirmed
 * follower and mails a confirmation link; only confirmed followers get updates;
 * every mail carries an unsubscribe link.
 */
import type { FastifyRequest } from 'fastify';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { publicBase } from '../citizen/origin.js';
import { isEmailAddress } from '../citizen/value-checks.js';
import { confirmMail } from '../mail/follow-mails.js';
import type { FollowState } from './follow-form.js';
import { confirmPath, trackerPath, unsubscribePath } from './paths.js';

/** Confirmation mails one address (or one client) may cause per clock minute. */
const FOLLOWS_PER_MINUTE = 5;

export async function startFollowing(
  web: WebContext,
  request: FastifyRequest,
  t: Translator,
  j: Jurisdiction,
  r: { id: string; serviceName: string },
  rawEmail: string,
): Promise<FollowState> {
  const email = rawEmail.trim();
  if (!isEmailAddress(email)) return { kind: 'invalid', email };
  const { postLimits, now, store } = web.services;
  // In the database, like the API keys' quotas: every server process counts against the same limit.
  for (const bucket of [`follow-ip:${request.ip}`, `follow-email:${email.toLowerCase()}`]) {
    if (!(await postLimits.take(bucket, FOLLOWS_PER_MINUTE, now())).allowed) return { kind: 'busy', email };
  }
  const { confirmSecret, unsubscribeSecret } = await store.addFollower({ jurisdiction_id: j.id, request_id: r.id, email, locale: t.locale });
  const base = publicBase(web, request);
  const links = {
    requestId: r.id,
    serviceName: r.serviceName,
    tracker: `${base}${trackerPath(r.id)}`,
    unsubscribe: `${base}${unsubscribePath(unsubscribeSecret)}`,
  };
  await web.mailer.send(confirmMail(t, email, links, `${base}${confirmPath(r.id, confirmSecret)}`));
  return { kind: 'sent' };
}
