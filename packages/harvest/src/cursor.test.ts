import { describe, expect, it } from 'vitest';
import { formatCursor, freshCursor, parseCursor, type HarvestCursor } from './cursor.js';

describe('harvest cursor', () => {
  it('round-trips', () => {
    const c: HarvestCursor = {
      v: 1, backfilled: true, changes: 'updated', paging: true, since: 1_700_000_000_000,
      sweep: { axis: 'updated', top: 1_700_000_060_000, bottom: 1_699_999_940_000, end: 1_700_000_000_000, span: 60_000, page: 3, total: 250, reach: 2 },
      spans: { requested: 86_400_000, updated: 60_000 }, groups: { at: 1, byCode: { pothole: 'Streets' } },
    };
    expect(parseCursor(formatCursor(c))).toEqual(c);
  });

  it('junk starts afresh, and bad parts are dropped', () => {
    for (const junk of [null, '', '{', '[]', '"x"', '{"v":2}']) expect(parseCursor(junk)).toEqual(freshCursor());
    const partly = parseCursor(JSON.stringify({
      v: 1, backfilled: true, changes: 'maybe', paging: 'yes', since: 'soon',
      sweep: { axis: 'sideways', top: 1, bottom: 0, end: 1, span: 1, page: 1 }, spans: { requested: -5, updated: 1000 },
      groups: { at: 1, byCode: { a: 'A', b: 7 } },
    }));
    expect(partly).toEqual({ ...freshCursor(), backfilled: true, spans: { updated: 1000 }, groups: { at: 1, byCode: { a: 'A' } } });
  });
});
