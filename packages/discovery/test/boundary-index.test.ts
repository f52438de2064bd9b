import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundaryIndex, type IndexedBoundary } from '../src/boundary-index.js';
import type { MultiPolygon, Ring, Tier } from '@o311/georeport';

const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const boundary = (id: string, tier: Tier, geometry: MultiPolygon): IndexedBoundary => ({ id, tier, geometry });
const ids = (index: BoundaryIndex, long: number, lat: number) => index.covering(long, lat).map((b) => b.id);

describe('BoundaryIndex', () => {
  const nation = boundary('nation', 'nation', [[rect(-10, -10, 10, 10)]]);
  const state = boundary('state', 'state', [[rect(-5, -5, 5, 5)]]);
  const west = boundary('west-county', 'county', [[rect(-5, -5, 0, 5)]]);
  const east = boundary('east-county', 'county', [[rect(0, -5, 5, 5)]]);
  // A city with a hole (an enclave) and a detached second part.
  const city = boundary('city', 'city', [[rect(-4, -4, -1, -1), rect(-3, -3, -2, -2)], [rect(-0.9, -0.9, -0.5, -0.5)]]);
  const index = new BoundaryIndex([nation, east, city, state, west]);

  it('lists every tier that covers a point, smallest first', () => {
    expect(ids(index, -3.5, -3.5)).toEqual(['city', 'west-county', 'state', 'nation']);
  });

  it('honours holes and the parts of a MultiPolygon', () => {
    expect(ids(index, -2.5, -2.5)).toEqual(['west-county', 'state', 'nation']);
    expect(ids(index, -0.7, -0.7)).toEqual(['city', 'west-county', 'state', 'nation']);
  });

  it('returns both sides of a shared border, and a hole edge counts as inside', () => {
    // Two counties of one size: in the order they were given.
    expect(ids(index, 0, 1)).toEqual(['east-county', 'west-county', 'state', 'nation']);
    expect(ids(index, -3, -2.5)).toContain('city');
  });

  it('answers nothing far away, and nothing from an empty index', () => {
    expect(ids(index, 100, 45)).toEqual([]);
    expect(new BoundaryIndex([]).covering(0, 0)).toEqual([]);
  });

  it('finds random interior points of random rectangles, and not points outside them (property)', () => {
    const box = fc
      .tuple(fc.double({ min: -170, max: 160, noNaN: true }), fc.double({ min: -80, max: 70, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }))
      .map(([x, y, w, h]) => [x, y, x + w, y + h] as const);
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 30 }), fc.nat(), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (boxes, pick, u, v) => {
        const bs = boxes.map((b, i) => boundary(`b${i}`, 'county', [[rect(...b)]]));
        const idx = new BoundaryIndex(bs);
        const target = boxes[pick % boxes.length]!;
        const x = target[0] + u * (target[2] - target[0]);
        const y = target[1] + v * (target[3] - target[1]);
        const found = new Set(ids(idx, x, y));
        expect(found.has(`b${pick % boxes.length}`)).toBe(true);
        boxes.forEach((b, i) => {
          const outside = x < b[0] || x > b[2] || y < b[1] || y > b[3];
          if (outside) expect(found.has(`b${i}`)).toBe(false);
        });
      }),
    );
  });
});
