/**
 * Properties of lookups over the real county boundaries (issue 10): every
 * vertex of a county's outline is covered by that county (an edge counts),
 * a vertex that two counties share returns both sides, and points far from
 * every county (out at sea) return none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usBoundaries } from '../src/atlas-boundaries.js';
import { BoundaryIndex } from '../src/boundary-index.js';

describe('lookups on the borders of the real US counties', () => {
  const counties = usBoundaries().filter((b) => b.tier === 'county');
  const index = new BoundaryIndex(counties);
  /** Per vertex (as "long,lat"), the counties whose outlines hold it. */
  const owners = new Map<string, Set<string>>();
  for (const c of counties) {
    for (const polygon of c.geometry) for (const ring of polygon) for (const [x, y] of ring) {
      const key = `${x},${y}`;
      owners.set(key, (owners.get(key) ?? new Set()).add(c.id));
    }
  }

  it('covers every vertex by its own county, and a shared vertex by every county that shares it (property)', () => {
    fc.assert(
      fc.property(fc.nat(counties.length - 1), fc.nat(), (which, at) => {
        const county = counties[which]!;
        const ring = county.geometry[at % county.geometry.length]![0]!;
        const [x, y] = ring[at % ring.length]!;
        const found = new Set(index.covering(x, y).map((b) => b.id));
        for (const owner of owners.get(`${x},${y}`)!) expect(found.has(owner)).toBe(true);
      }),
      { numRuns: 500 },
    );
    // Neighbours do share vertices: the property is not vacuous.
    expect([...owners.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(10_000);
  });

  it('finds no county far out at sea (property)', () => {
    const atSea = fc.oneof(
      fc.tuple(fc.double({ min: -60, max: -35, noNaN: true }), fc.double({ min: 25, max: 45, noNaN: true })), // the Atlantic
      fc.tuple(fc.double({ min: -150, max: -130, noNaN: true }), fc.double({ min: 25, max: 45, noNaN: true })), // the Pacific
    );
    fc.assert(fc.property(atSea, ([x, y]) => {
      expect(index.covering(x, y)).toEqual([]);
    }), { numRuns: 300 });
  });
});
