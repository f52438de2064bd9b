/**
 * The Atom feed of a jurisdiction's recent public updates
 * (`/open-data[/{id}]/updates.atom`): one entry per status change or public
 * comment, newest first, linking to the request's tracker page (for the
 * jurisdiction the web pages serve) or its GeoReport document (another one).
 * Links are absolute from the public base, never from the Host header.
 */
import { formatDateTime } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import type { Translator } from '../i18n/translate.js';
import type { AtomEntry, AtomFeed } from '../tracker/atom.js';
import { trackerPath } from '../tracker/paths.js';
import { statusLabel } from '../tracker/status-label.js';
import { OPEN_DATA_PATH, updatesFeedPath } from './paths.js';
import type { PublicUpdate } from './recent-updates.js';

/** Entries in the feed. */
export const FEED_ENTRIES = 100;

export interface FeedPlace {
  /** Absolute origin of every link, without a trailing slash. */
  origin: string;
  /** The jurisdiction's open-data path (`/open-data` or `/open-data/{id}`). */
  base: string;
  /** Whether the tracker pages show this jurisdiction's requests. */
  tracked: boolean;
}

function requestLink(j: Jurisdiction, id: string, place: FeedPlace): string {
  if (place.tracked) return `${place.origin}${trackerPath(id)}`;
  return `${place.origin}/open311/v2/requests/${encodeURIComponent(id)}.json?jurisdiction_id=${encodeURIComponent(j.id)}&extensions=true`;
}

function entry(t: Translator, j: Jurisdiction, u: PublicUpdate, place: FeedPlace): AtomEntry {
  const what = u.type === 'status_change' ? t('timeline.statusChange', { status: statusLabel(t, u.status) }) : t('timeline.comment');
  const link = requestLink(j, u.request_id, place);
  return {
    id: `${place.origin}${place.base}/updates/${encodeURIComponent(u.id)}`,
    title: t('openData.feed.entry', { id: u.request_id, what }),
    updated: formatDateTime(u.at, j.timezone),
    link,
    content: u.description || what,
  };
}

export function updatesFeed(t: Translator, j: Jurisdiction, updates: readonly PublicUpdate[], place: FeedPlace, now: number): AtomFeed {
  const entries = updates.slice(0, FEED_ENTRIES).map((u) => entry(t, j, u, place));
  const self = `${place.origin}${updatesFeedPath(place.base)}`;
  return {
    id: self,
    title: t('openData.feed.title', { name: j.name }),
    subtitle: t.plural('openData.feed.subtitle', FEED_ENTRIES),
    updated: entries[0]?.updated ?? formatDateTime(now, j.timezone),
    self,
    alternate: `${place.origin}${OPEN_DATA_PATH}`,
    author: j.name,
    lang: t.locale,
    entries,
  };
}
