/**
 * What staff see of the reporter's updates: their events' author as "the
 * reporter" (history), and which requests of an inbox page have one since
 * staff last acted (the reporter's event is the newest one of the request).
 */
import { isReporterAuthor, REPORTER_AUTHOR, REPORTER_FIXED_AUTHOR, REPORTER_NOT_FIXED_AUTHOR } from '@o311/store';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

export function authorLabel(t: Translator, author: string): string {
  if (author === REPORTER_NOT_FIXED_AUTHOR) return t('reporter.staff.authorNotFixed');
  if (author === REPORTER_FIXED_AUTHOR) return t('reporter.staff.authorFixed');
  if (author === REPORTER_AUTHOR) return t('reporter.staff.author');
  return author;
}

/** The ids among `ids` whose newest event (internal notes included) is the reporter's. */
export async function reporterUpdated(web: WebContext, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const events = await web.services.store.listEventsFor([...ids], { includeInternal: true });
  return new Set(ids.filter((id) => isReporterAuthor(events.get(id)?.at(-1)?.author ?? null)));
}

export const reporterMarker = (t: Translator): Html =>
  html` <span class="inbox-reporter-update" title="${t('reporter.inbox.markerTitle')}">${t('reporter.inbox.marker')}</span>`;
