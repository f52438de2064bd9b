/**
 * Discovery's point lookup in process (issue 10): the index over every seeded
 * boundary (US states and counties, the world's countries), its build time
 * and memory, and lookups per second on one core for points that no cache
 * could answer (each point drawn afresh), over the US and over the world.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BoundaryIndex, usBoundaries, worldBoundaries } from '@o311/discovery';
import { random } from './dataset.js';

export interface LookupFigures {
  boundaries: number;
  polygons: number;
  vertices: number;
  buildMs: number;
  /** Memory growth from building the index and its grids, heap and array buffers (the boundaries themselves excluded). */
  indexMb: number;
  /** After every polygon's first test (grids are made then). */
  usLookupsPerSecond: number;
  worldLookupsPerSecond: number;
  /** Boundaries found per US point, on average: each lookup did real work. */
  usHitsPerLookup: number;
}

const POINTS = 300_000;

/** The collector, so that memory figures count what is kept, not garbage (`npm run bench` has no --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The index's tree and grids are array buffers, outside the heap. */
function usedMemory(gc: () => void): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function lookupsPerSecond(index: BoundaryIndex, points: Float64Array): { perSecond: number; hits: number } {
  let hits = 0;
  const started = performance.now();
  for (let i = 0; i < points.length; i += 2) hits += index.covering(points[i]!, points[i + 1]!).length;
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: points.length / 2 / seconds, hits: hits / (points.length / 2) };
}

function randomPoints(rnd: () => number, [minX, minY, maxX, maxY]: readonly [number, number, number, number]): Float64Array {
  const out = new Float64Array(POINTS * 2);
  for (let i = 0; i < out.length; i += 2) {
    out[i] = minX + rnd() * (maxX - minX);
    out[i + 1] = minY + rnd() * (maxY - minY);
  }
  return out;
}

export function measureLookups(): LookupFigures {
  const boundaries = [...usBoundaries(), ...worldBoundaries()];
  const gc = collector();
  const before = usedMemory(gc);
  const started = performance.now();
  const index = new BoundaryIndex(boundaries);
  const buildMs = performance.now() - started;
  const rnd = random(10);
  // A first pass makes the grids of the large polygons; the measured passes use fresh points.
  lookupsPerSecond(index, randomPoints(rnd, [-180, -60, 180, 80]));
  lookupsPerSecond(index, randomPoints(rnd, [-125, 25, -67, 49]));
  const indexMb = (usedMemory(gc) - before) / 2 ** 20;
  const us = randomPoints(rnd, [-125, 25, -67, 49]);
  const world = randomPoints(rnd, [-180, -60, 180, 80]);
  const usRun = lookupsPerSecond(index, us);
  const worldRun = lookupsPerSecond(index, world);
  return {
    boundaries: boundaries.length,
    polygons: boundaries.reduce((n, b) => n + b.geometry.length, 0),
    vertices: boundaries.reduce((n, b) => n + b.geometry.reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0), 0),
    buildMs,
    indexMb,
    usLookupsPerSecond: usRun.perSecond,
    worldLookupsPerSecond: worldRun.perSecond,
    usHitsPerLookup: usRun.hits,
  };
}
