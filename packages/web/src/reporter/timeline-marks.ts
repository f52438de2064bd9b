/**
 * Which public events of a request come from its reporter, for the tracker's
 * timeline: the projection's notes carry no author (nor any name), so the
 * marks are read beside them, by position among the public events, as the
 * notes are numbered. Only the mark and the event's own photo are taken.
 */
import { isReporterAuthor, REPORTER_NOT_FIXED_AUTHOR, type Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import type { TimelineEvent } from '../tracker/tracked-request.js';

export interface ReporterMark {
  kind: 'update' | 'notFixed';
  /** The photo the reporter added (a path on this server), if any. */
  photo: string | null;
}

export async function withReporterMarks(web: WebContext, j: Jurisdiction, requestId: string, events: readonly TimelineEvent[]): Promise<TimelineEvent[]> {
  const stored = await web.services.store.listEvents(j.id, requestId);
  // Another count than the notes' (a change in between): no marks rather than wrong ones.
  if (stored.length !== events.length) return [...events];
  return events.map((e, i) => {
    const s = stored[i]!;
    if (!isReporterAuthor(s.author)) return e;
    const reporter: ReporterMark = { kind: s.author === REPORTER_NOT_FIXED_AUTHOR ? 'notFixed' : 'update', photo: s.media_url?.startsWith('/') ? s.media_url : null };
    return { ...e, reporter };
  });
}
