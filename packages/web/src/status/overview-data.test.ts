import { describe, expect, it } from 'vitest';
import { OVERVIEW_TTL_MS, keptRows, overviewOf } from './overview-data.js';
import { parseOverviewQuery } from './overview-query.js';
import type { StatusRow } from './status-row.js';

const row = (slug: string, over: Partial<StatusRow> = {}): StatusRow => ({
  slug, name: slug, tier: 'city', country: 'US', state: 'up', shown: 'up', failed_checks: 0, since: null, paused: false, last_poll_at: null,
  uptime_24h: null, uptime_7d: null, uptime_30d: null, uptime_90d: null, p50_ms: null, p95_ms: null, score: null, usage: null, ...over,
});

describe('keptRows', () => {
  it('reads once per period, and once at a time', async () => {
    let clock = 1_000;
    let reads = 0;
    const rows = keptRows(async () => {
      reads++;
      await new Promise((r) => setImmediate(r));
      return [row(`r${reads}`)];
    }, () => clock);
    const [a, b] = await Promise.all([rows(), rows()]);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    clock += OVERVIEW_TTL_MS - 1;
    expect((await rows())[0]?.slug).toBe('r1');
    clock += 1;
    expect((await rows())[0]?.slug).toBe('r2');
    expect(reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const rows = keptRows(async () => {
      if (fail) throw new Error('database gone');
      return [row('back')];
    }, () => 0);
    await expect(rows()).rejects.toThrow('database gone');
    fail = false;
    expect((await rows())[0]?.slug).toBe('back');
  });
});

describe('overviewOf', () => {
  it('counts every state, sorts figures with the missing ones last either way, and pages', () => {
    const all = [
      row('a', { p50_ms: 300 }), row('b', { p50_ms: null, state: 'unknown', shown: 'unknown' }), row('c', { p50_ms: 100, state: 'down', shown: 'down', country: 'FR' }),
      row('d', { p50_ms: null, state: 'up', shown: 'failing', failed_checks: 1 }),
    ];
    const asc = overviewOf(all, parseOverviewQuery({ sort: 'p50' }));
    expect(asc.rows.map((r) => r.slug)).toEqual(['c', 'a', 'b', 'd']);
    expect(overviewOf(all, parseOverviewQuery({ sort: 'p50', dir: 'desc' })).rows.map((r) => r.slug)).toEqual(['a', 'c', 'b', 'd']);
    expect(asc.counts).toEqual({ up: 1, down: 1, failing: 1, unknown: 1, total: 4 });
    // By the shown state: down, failing, not checked yet, up.
    expect(overviewOf(all, parseOverviewQuery({ sort: 'state' })).rows.map((r) => r.slug)).toEqual(['c', 'd', 'b', 'a']);
    expect(overviewOf(all, parseOverviewQuery({ status: 'failing' })).rows.map((r) => r.slug)).toEqual(['d']);
    expect(asc.countries).toEqual(['FR', 'US']);
    const fr = overviewOf(all, parseOverviewQuery({ country: 'FR' }));
    expect(fr).toMatchObject({ matching: 1, page: 1, pages: 1, counts: { total: 4 } });
  });
});
