/** The Atom feed of one request: one entry per public event, linking back to the tracker. */
import type { Translator } from '../i18n/translate.js';
import type { AtomFeed } from './atom.js';
import { feedPath, trackerPath } from './paths.js';
import { eventAnchor, eventTitle } from './timeline.js';
import type { TrackedRequest } from './tracked-request.js';

export function requestFeed(t: Translator, tracked: TrackedRequest, base: string): AtomFeed {
  const { request: r, j, events } = tracked;
  const page = `${base}${trackerPath(r.service_request_id)}`;
  return {
    id: page,
    title: t('feed.title', { id: r.service_request_id, service: tracked.serviceName }),
    ...(r.address ? { subtitle: r.address } : {}),
    updated: events.at(-1)?.datetime ?? r.updated_datetime,
    self: `${base}${feedPath(r.service_request_id)}`,
    alternate: page,
    author: j.name,
    lang: t.locale,
    entries: events.map((e) => ({
      id: `${page}#${eventAnchor(e.n)}`,
      title: eventTitle(t, e),
      updated: e.datetime,
      link: `${page}#${eventAnchor(e.n)}`,
      content: e.description || eventTitle(t, e),
    })),
  };
}
