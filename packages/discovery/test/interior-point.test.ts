import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '@o311/georeport';
import { interiorPoint } from '../src/interior-point.js';
import { insidePolygon } from '../src/polygon-grid.js';
import { usBoundaries, worldBoundaries } from '../src/atlas-boundaries.js';

const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]] as [number, number][];

describe('interiorPoint', () => {
  it('is the centre of a plain shape, in its largest polygon', () => {
    const mp: MultiPolygon = [[square(10, 10, 1)], [square(0, 0, 4)]];
    expect(interiorPoint(mp)).toEqual([2, 2]);
  });

  it('is inside a shape whose centre is a hole', () => {
    const ring: MultiPolygon = [[square(0, 0, 10), square(3, 3, 4).reverse()]];
    const p = interiorPoint(ring);
    expect(insidePolygon([...p], ring[0]!)).toBe(true);
    expect(p[0] > 3 && p[0] < 7 && p[1] > 3 && p[1] < 7).toBe(false);
  });

  it('lies inside every real county, state and country', () => {
    for (const b of [...usBoundaries(), ...worldBoundaries()]) {
      const p = interiorPoint(b.geometry);
      expect(b.geometry.some((polygon) => insidePolygon([...p], polygon)), b.name).toBe(true);
    }
  });
});
