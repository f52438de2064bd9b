/**
 * The `followers.notify` job: one public event of a request, mailed to each
 * confirmed follower with links to the tracker and to unsubscribe. The job
 * names the event, so the mail tells of the change that triggered it even when
 * later changes come first. Only public data: it reads the request through the
 * tracker's projection-based loader. No HTTP request here: links come from the
 * configured public URL, else the origin the server announced.
 */
import { isOpen311Failure } from '@o311/georeport';
import { JOB, type FollowersNotifyData } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { trackerPath, unsubscribePath } from '../tracker/paths.js';
import { statusLabel } from '../tracker/status-label.js';
import { eventAnchor } from '../tracker/timeline.js';
import { loadTrackedRequest, type TrackedRequest } from '../tracker/tracked-request.js';
import { updateMail } from './follow-mails.js';
import { reporterThreader } from './threading.js';

/** The base of links in mail, without a trailing slash (never a request's Host header). */
export const mailBase = (web: WebContext): string => (web.options.publicUrl ?? web.services.origin.announced).replace(/\/+$/, '');

async function tracked(web: WebContext, j: Jurisdiction, requestId: string, base: string, locale: Locale): Promise<TrackedRequest | undefined> {
  try {
    return await loadTrackedRequest(web, j, requestId, { timezone: j.timezone, mediaBase: `${base}/open311/v2/media/` }, locale);
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

/** Mails the event to the request's confirmed followers, each in the language they followed in. */
export async function notifyFollowers(web: WebContext, d: FollowersNotifyData): Promise<void> {
  const { store } = web.services;
  const followers = await store.listConfirmedFollowers(d.jurisdictionId, d.requestId);
  const j = followers.length > 0 ? await store.getJurisdiction(d.jurisdictionId) : undefined;
  if (!j) return;
  const base = mailBase(web);
  const inReporterThread = await reporterThreader(web, j.id, d.requestId);
  for (const [locale, group] of byLocale(followers)) {
    const found = await tracked(web, j, d.requestId, base, locale);
    const event = found?.events.find((e) => e.n === d.event);
    // The request or its event is gone (a sandbox reset): nothing left to tell.
    if (!found || !event) return;
    const t = translator(locale);
    const update = { status: statusLabel(t, event.status), when: t.dateTime(event.at, j.timezone), note: event.description };
    for (const follower of group) {
      const links = {
        requestId: d.requestId,
        serviceName: found.serviceName,
        tracker: `${base}${trackerPath(d.requestId)}#${eventAnchor(event.n)}`,
        unsubscribe: `${base}${unsubscribePath(follower.unsubscribeSecret)}`,
      };
      // A retry after a partial failure mails only the followers this event has not reached.
      const mail = inReporterThread(updateMail(t, follower.email, links, update));
      await web.mailer.send(mail, `${JOB.followersNotify}:${d.requestId}:${d.event}:${follower.id}`);
    }
  }
}
