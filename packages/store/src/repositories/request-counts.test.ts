import { describe, expect, it } from 'vitest';
import type { RequestFilter } from '../contract.js';
import { RequestCounts } from './request-counts.js';

type CountFilter = Omit<RequestFilter, 'limit' | 'offset'>;

/** Requests at every 10th millisecond in [0, 100 000), service `a` for even ones, `b` for odd ones. */
const rows = Array.from({ length: 10_000 }, (_, i) => ({ at: i * 10, code: i % 2 === 0 ? 'a' : 'b' }));

function counter() {
  const asked: [number, number][] = [];
  const count = async (f: CountFilter): Promise<number> => {
    const from = f.requested_from ?? -Infinity;
    const to = f.requested_to ?? Infinity;
    asked.push([from, to]);
    return rows.filter((r) => r.at >= from && r.at <= to && (!f.service_codes || f.service_codes.includes(r.code))).length;
  };
  return { asked, count };
}

const exact = (from: number, to: number, code?: string) =>
  rows.filter((r) => r.at >= from && r.at <= to && (code === undefined || r.code === code)).length;

describe('RequestCounts', () => {
  it('derives the count of a shifted window from the slices where it differs, exactly', async () => {
    const counts = new RequestCounts();
    const { asked, count } = counter();
    expect(await counts.count({ jurisdiction_id: 'j', requested_from: 1000, requested_to: 90_000 }, 'v1', count)).toBe(exact(1000, 90_000));
    asked.length = 0;
    for (const [from, to] of [[1005, 90_003], [990, 89_990], [1000, 90_000], [1010, 90_010], [995, 90_020]] as const) {
      expect(await counts.count({ jurisdiction_id: 'j', requested_from: from, requested_to: to }, 'v1', count)).toBe(exact(from, to));
    }
    // Only slices were counted: none as wide as the window.
    expect(asked.every(([from, to]) => to - from < 100)).toBe(true);
  });

  it('counts again under a new data version', async () => {
    const counts = new RequestCounts();
    const { count } = counter();
    const f = { jurisdiction_id: 'j', requested_from: 0, requested_to: 50_000 };
    expect(await counts.count(f, 'v1', count)).toBe(exact(0, 50_000));
    expect(await counts.count(f, 'v1', async () => { throw new Error('remembered'); })).toBe(exact(0, 50_000));
    expect(await counts.count(f, 'v2', async () => 7)).toBe(7);
  });

  it('keeps filters apart, and counts directly what it cannot derive', async () => {
    const counts = new RequestCounts();
    const { asked, count } = counter();
    const window = { requested_from: 0, requested_to: 50_000 };
    expect(await counts.count({ jurisdiction_id: 'j', service_codes: ['a'], ...window }, 'v', count)).toBe(exact(0, 50_000, 'a'));
    expect(await counts.count({ jurisdiction_id: 'j', service_codes: ['b'], ...window }, 'v', count)).toBe(exact(0, 50_000, 'b'));
    const box = (min_lat: number) => ({ min_lat, max_lat: min_lat + 1, min_long: 0, max_long: 1 });
    await counts.count({ jurisdiction_id: 'j', bbox: box(0), ...window }, 'v', async () => 1);
    expect(await counts.count({ jurisdiction_id: 'j', bbox: box(5), ...window }, 'v', async () => 2)).toBe(2);
    expect(await counts.count({ jurisdiction_id: 'j', bbox: box(0), ...window }, 'v', async () => 3)).toBe(1);
    // A window far from any remembered one is counted whole.
    asked.length = 0;
    expect(await counts.count({ jurisdiction_id: 'j', service_codes: ['a'], requested_from: 70_000, requested_to: 80_000 }, 'v', count)).toBe(exact(70_000, 80_000, 'a'));
    expect(asked).toEqual([[70_000, 80_000]]);
    // No window, or a list of ids: never remembered.
    asked.length = 0;
    await counts.count({ jurisdiction_id: 'j' }, 'v', count);
    await counts.count({ jurisdiction_id: 'j' }, 'v', count);
    expect(asked).toHaveLength(2);
  });
});
