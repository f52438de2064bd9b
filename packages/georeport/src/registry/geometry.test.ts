import { describe, expect, it } from 'vitest';
import { GeometryError, bboxOf, planarArea, toMultiPolygon } from './geometry.js';

const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

describe('boundary geometry', () => {
  it('takes a Polygon as a MultiPolygon of one, and keeps holes', () => {
    const mp = toMultiPolygon({ type: 'Polygon', coordinates: [square(0, 0, 10), square(2, 2, 2)] });
    expect(mp).toHaveLength(1);
    expect(mp[0]).toHaveLength(2);
    expect(bboxOf(mp)).toEqual([0, 0, 10, 10]);
    expect(planarArea(mp)).toBe(96);
  });

  it('drops holes without area (a repeated point, collinear points): they take nothing out of the polygon', () => {
    const point = [[20, 20], [20, 20], [20, 20], [20, 20]];
    const line = [[3, 3], [4, 4], [5, 5], [3, 3]];
    const mp = toMultiPolygon({ type: 'Polygon', coordinates: [square(0, 0, 10), point, square(2, 2, 2), line] });
    expect(mp[0]).toEqual([square(0, 0, 10), square(2, 2, 2)]);
  });

  it('takes every polygon of a MultiPolygon', () => {
    const mp = toMultiPolygon({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 2)]] });
    expect(mp).toHaveLength(2);
    expect(bboxOf(mp)).toEqual([0, 0, 7, 7]);
    expect(planarArea(mp)).toBe(5);
  });

  it.each([
    ['a point', { type: 'Point', coordinates: [1, 2] }, /a Point is not a polygon/],
    ['no geometry', null, /no geometry/],
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, /outer ring: the ring is not closed/],
    ['a short ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, /at least 4 positions \(it has 3\)/],
    ['projected metres', { type: 'Polygon', coordinates: [square(448_000, 4_640_000, 1000)] }, /outside longitude .* WGS 84/],
    ['a bad hole', { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(0, 0, 9), [[1, 1], [2, 1], [2, 2], [1, 1.5]]]] }, /polygon 2, hole 1: the ring is not closed/],
    ['a string coordinate', { type: 'Polygon', coordinates: [[[0, 0], ['1', 0], [1, 1], [0, 0]]] }, /position 2: a coordinate is not a finite number/],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, /at least one polygon/],
  ])('refuses %s, saying where and why', (_, geometry, message) => {
    expect(() => toMultiPolygon(geometry)).toThrow(GeometryError);
    expect(() => toMultiPolygon(geometry)).toThrow(message);
  });
});
