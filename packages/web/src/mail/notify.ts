/**
 * After every public change of a request (called by the staff pages): the
 * latest public event, mailed to each confirmed follower with links to the
 * tracker and to unsubscribe. Only public data: it reads the request through
 * the tracker's projection-based loader.
 */
import type { FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import type { WebContext } from '../context.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { pageProjection, publicBase } from '../citizen/origin.js';
import { trackerPath, unsubscribePath } from '../tracker/paths.js';
import { statusLabel } from '../tracker/status-label.js';
import { eventAnchor } from '../tracker/timeline.js';
import { loadTrackedRequest, type TrackedRequest } from '../tracker/tracked-request.js';
import { updateMail } from './follow-mails.js';

async function tracked(
  web: WebContext,
  request: FastifyRequest,
  jurisdictionId: string,
  requestId: string,
  locale: Locale,
): Promise<TrackedRequest | undefined> {
  const j = await web.services.store.getJurisdiction(jurisdictionId);
  if (!j) return undefined;
  try {
    return await loadTrackedRequest(web, j, requestId, pageProjection(request, j), locale);
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 404) return undefined;
    throw e;
  }
}

type ConfirmedFollower = Awaited<ReturnType<WebContext['services']['store']['listConfirmedFollowers']>>[number];

function byLocale(followers: readonly ConfirmedFollower[]): Map<Locale, ConfirmedFollower[]> {
  const groups = new Map<Locale, ConfirmedFollower[]>();
  for (const f of followers) {
    const locale = f.locale !== null && isLocale(f.locale) ? f.locale : DEFAULT_LOCALE;
    groups.set(locale, [...(groups.get(locale) ?? []), f]);
  }
  return groups;
}

/** Mails the request's latest public event to its confirmed followers, each in the language they followed in. */
export async function notifyFollowers(
  web: WebContext,
  request: FastifyRequest,
  jurisdictionId: string,
  requestId: string,
): Promise<void> {
  const followers = await web.services.store.listConfirmedFollowers(jurisdictionId, requestId);
  const base = publicBase(web, request);
  for (const [locale, group] of byLocale(followers)) {
    const found = await tracked(web, request, jurisdictionId, requestId, locale);
    const latest = found?.events.at(-1);
    if (!found || !latest) return;
    const t = translator(locale);
    const update = {
      status: statusLabel(t, found.status),
      when: t.dateTime(latest.at, found.j.timezone),
      note: latest.description,
    };
    for (const follower of group) {
      const links = {
        requestId,
        serviceName: found.serviceName,
        tracker: `${base}${trackerPath(requestId)}#${eventAnchor(latest.n)}`,
        unsubscribe: `${base}${unsubscribePath(follower.unsubscribeSecret)}`,
      };
      await web.mailer.send(updateMail(t, follower.email, links, update));
    }
  }
}
