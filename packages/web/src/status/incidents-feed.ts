/**
 * The Atom feed of incidents (`/status/incidents.atom`): an entry when an
 * endpoint went down and another when it came back, newest first, each
 * linking to the incident on the endpoint's page. Links are absolute from the
 * configured public origin (see publicBase), never from the Host header.
 */
import type { Incident } from '@o311/store';
import type { Translator } from '../i18n/translate.js';
import type { AtomEntry, AtomFeed } from '../tracker/atom.js';
import { dateTimeUtc, duration } from './figure-format.js';
import { INCIDENTS_FEED_PATH, STATUS_PATH, incidentAnchor, statusPath } from './paths.js';

/** Incidents read for the feed (newest opened first); each gives one or two entries. */
export const FEED_INCIDENTS = 50;
/** The most entries in the feed. */
export const FEED_ENTRIES = 50;

/** The registry name of each endpoint the incidents name. */
export type EndpointNames = ReadonlyMap<string, string>;

function entries(t: Translator, i: Incident, name: string, base: string): AtomEntry[] {
  const link = `${base}${statusPath(i.slug)}#${incidentAnchor(i.id)}`;
  const cause = `${t(`status.errorKind.${i.cause_kind}`)}: ${i.cause}`;
  const opened: AtomEntry = {
    id: `${link}-opened`,
    title: t('status.feed.down', { name }),
    updated: new Date(i.opened_at).toISOString(),
    link,
    content: t('status.feed.downText', { name, date: dateTimeUtc(t, i.opened_at), cause }),
  };
  if (i.closed_at === null) return [opened];
  const closed: AtomEntry = {
    id: `${link}-closed`,
    title: t('status.feed.up', { name }),
    updated: new Date(i.closed_at).toISOString(),
    link,
    content: t('status.feed.upText', { name, date: dateTimeUtc(t, i.closed_at), duration: duration(t, i.closed_at - i.opened_at), cause }),
  };
  return [closed, opened];
}

export function incidentsFeed(t: Translator, incidents: readonly Incident[], names: EndpointNames, base: string, now: number): AtomFeed {
  const all = incidents
    .flatMap((i) => entries(t, i, names.get(i.slug) ?? i.slug, base))
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id))
    .slice(0, FEED_ENTRIES);
  return {
    id: `${base}${INCIDENTS_FEED_PATH}`,
    title: t('status.feed.title'),
    subtitle: t('status.feed.subtitle'),
    updated: all[0]?.updated ?? new Date(now).toISOString(),
    self: `${base}${INCIDENTS_FEED_PATH}`,
    alternate: `${base}${STATUS_PATH}`,
    author: t('common.siteName'),
    lang: t.locale,
    entries: all,
  };
}
