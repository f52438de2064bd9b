import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from '@o311/georeport';
import { PolygonGrid, insidePolygon } from '../src/polygon-grid.js';

/** A closed star-shaped ring of `n` vertices around (cx, cy), radius varying with `noise`. */
function star(cx: number, cy: number, radius: number, noise: readonly number[]): Position[] {
  const ring: Position[] = noise.map((k, i) => {
    const a = (2 * Math.PI * i) / noise.length;
    const r = radius * (0.5 + k);
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  return [...ring, ring[0]!];
}

describe('PolygonGrid', () => {
  it('agrees with the full point-in-polygon test wherever it decides, holes included (property)', () => {
    let decided = 0;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 130, maxLength: 400 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 40 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 50, maxLength: 200 }),
        (outer, hole, samples) => {
          const polygon: Polygon = [star(10, 20, 4, outer), star(10, 20, 0.5, hole).reverse()];
          const grid = new PolygonGrid(polygon);
          for (const [u, v] of samples) {
            const x = 10 - 6 + u * 12;
            const y = 20 - 6 + v * 12;
            const answer = grid.classify(x, y);
            if (answer === undefined) continue;
            decided++;
            expect(answer).toBe(insidePolygon([x, y], polygon));
          }
        },
      ),
      { numRuns: 60 },
    );
    // Most of a star's box is far from its outline: the grid answers most points.
    expect(decided).toBeGreaterThan(1000);
  });

  it('never decides a cell that a vertex or an edge passes through', () => {
    const ring: Position[] = star(0, 0, 1, Array.from({ length: 200 }, (_, i) => (i % 7) / 7));
    const polygon: Polygon = [ring];
    const grid = new PolygonGrid(polygon);
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1]!;
      const [bx, by] = ring[i]!;
      for (const t of [0, 0.25, 0.5, 0.75, 1]) expect(grid.classify(ax + t * (bx - ax), ay + t * (by - ay))).toBeUndefined();
    }
  });
});
