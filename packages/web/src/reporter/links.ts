/**
 * The links of a reporter's mail: a fresh secret for the update and answer
 * pages (valid REPORTER_LINK_DAYS), the tracker, and the follower's stop link.
 * Built from the configured public URL (mailBase), never a Host header.
 */
import type { Jurisdiction, StoredRequest } from '@o311/store';
import type { WebContext } from '../context.js';
import type { Locale } from '../i18n/locales.js';
import { mailBase } from '../mail/notify.js';
import { trackerPath, unsubscribePath } from '../tracker/paths.js';
import type { ReporterLinks } from './mails.js';
import { updatePath } from './paths.js';
import { serviceNameOf } from './service-name.js';

/** How long a mailed secret works: long enough for a slow repair, short enough to age out. */
export const REPORTER_LINK_DAYS = 180;
const DAY_MS = 24 * 3_600_000;

export async function reporterLinks(
  web: WebContext,
  j: Jurisdiction,
  r: StoredRequest,
  locale: Locale,
  unsubscribeSecret: string,
): Promise<ReporterLinks & { token: string }> {
  const now = web.services.now();
  const token = await web.services.store.reporter.issueToken(j.id, r.id, now, now + REPORTER_LINK_DAYS * DAY_MS);
  const base = mailBase(web);
  return {
    token,
    requestId: r.id,
    serviceName: await serviceNameOf(web, j, r, locale),
    tracker: `${base}${trackerPath(r.id)}`,
    update: `${base}${updatePath({ token })}`,
    stop: `${base}${unsubscribePath(unsubscribeSecret)}`,
  };
}
