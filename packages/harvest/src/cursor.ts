/**
 * The harvester's resume point, kept as JSON text in the source's HarvestState.
 * It is saved after every answer whose facts were written, so a run killed at
 * any moment resumes at the window (and page) it was reading: that answer is
 * read again and its facts written again, which changes nothing.
 */

/** Which datetime a sweep's windows bound: `requested_datetime` (start_date/end_date) or `updated_datetime` (updated_after/before). */
export type SweepAxis = 'requested' | 'updated';

/** One pass over a time range in windows, newest first. Times are epoch ms on whole seconds. */
export interface Sweep {
  axis: SweepAxis;
  /** Exclusive upper bound of the pass (when it started). */
  top: number;
  /** Inclusive lower bound. */
  bottom: number;
  /** Exclusive upper bound of the next window; the pass is over when it reaches `bottom`. */
  end: number;
  /** Width of the next window, ms. */
  span: number;
  /** Next page of the window (1 unless the endpoint pages and the window has more). */
  page: number;
  /** The window's X-Total-Count on the pages read so far: a change means the list moved under the pages. */
  total?: number;
  /**
   * Changes passes: which 90-day span of requested dates the window is read for (0: the latest; absent: 0).
   * Servers answer any list for at most 90 days of requested dates, so changes to older requests are asked
   * for span by span.
   */
  reach?: number;
}

export interface HarvestCursor {
  v: 1;
  /** The first pass (back to the horizon) is over. */
  backfilled: boolean;
  /** How changes are read after it: `updated` (updated_after honoured), `windows` (read recent windows again); null: untried. */
  changes: 'updated' | 'windows' | null;
  /** The endpoint pages (page/page_size); null until an answer shows it. */
  paging: boolean | null;
  /** Top of the last pass that ended: changes are read from there on. */
  since: number | null;
  sweep: Sweep | null;
  /** Window widths that worked last, per axis (they start the next pass). */
  spans: Partial<Record<SweepAxis, number>>;
  /** The service list's groups (code → group) and when they were read. */
  groups: { at: number; byCode: Record<string, string> } | null;
}

export const freshCursor = (): HarvestCursor => ({
  v: 1, backfilled: false, changes: null, paging: null, since: null, sweep: null, spans: {}, groups: null,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readSweep(v: unknown): Sweep | null {
  if (!isObject(v)) return null;
  const { axis, top, bottom, end, span, page, total, reach } = v;
  if ((axis !== 'requested' && axis !== 'updated') || !isTime(top) || !isTime(bottom) || !isTime(end) || !isTime(span)) return null;
  if (!(typeof page === 'number' && Number.isInteger(page) && page >= 1) || span <= 0) return null;
  return {
    axis, top, bottom, end, span, page, ...(isTime(total) && { total }),
    ...(typeof reach === 'number' && Number.isInteger(reach) && reach > 0 && { reach }),
  };
}

/** The cursor in `text`; a missing or unreadable one starts afresh (the harvest reads again, which changes nothing). */
export function parseCursor(text: string | null): HarvestCursor {
  if (text === null) return freshCursor();
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return freshCursor();
  }
  if (!isObject(v) || v.v !== 1) return freshCursor();
  const spans: HarvestCursor['spans'] = {};
  if (isObject(v.spans)) {
    for (const axis of ['requested', 'updated'] as const) {
      const s = v.spans[axis];
      if (isTime(s) && s > 0) spans[axis] = s;
    }
  }
  const groups = isObject(v.groups) && isTime(v.groups.at) && isObject(v.groups.byCode)
    ? { at: v.groups.at, byCode: Object.fromEntries(Object.entries(v.groups.byCode).filter((e): e is [string, string] => typeof e[1] === 'string')) }
    : null;
  return {
    v: 1,
    backfilled: v.backfilled === true,
    changes: v.changes === 'updated' || v.changes === 'windows' ? v.changes : null,
    paging: typeof v.paging === 'boolean' ? v.paging : null,
    since: isTime(v.since) ? v.since : null,
    sweep: readSweep(v.sweep),
    spans,
    groups,
  };
}

export const formatCursor = (c: HarvestCursor): string => JSON.stringify(c);
