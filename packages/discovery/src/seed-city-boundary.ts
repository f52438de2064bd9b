/**
 * A city's boundary for the seed. No npm boundary package has city polygons,
 * so a city gets an `approximate` one: a circle of the city's own area around
 * its city hall (the right size, centred where the city government sits, but
 * not its shape). A US city that is its own county-equivalent (a consolidated
 * city-county or an independent city, e.g. San Francisco) takes that
 * county's real polygon instead.
 */
import type { MultiPolygon, Position } from '@o311/georeport';

const KM_PER_DEG_LAT = 111.32;
const VERTICES = 48;

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

/** A circle of `areaKm2` around the point, as a closed ring of 48 vertices (east–west scaled by the latitude). */
export function circleOfArea(lat: number, long: number, areaKm2: number): MultiPolygon {
  if (!(areaKm2 > 0)) throw new RangeError(`a city's area must be positive, got ${areaKm2}`);
  const radiusKm = Math.sqrt(areaKm2 / Math.PI);
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const dLong = radiusKm / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  const ring: Position[] = [];
  for (let i = 0; i < VERTICES; i++) {
    const a = (2 * Math.PI * i) / VERTICES;
    ring.push([round5(long + dLong * Math.cos(a)), round5(lat + dLat * Math.sin(a))]);
  }
  ring.push(ring[0]!);
  return [[ring]];
}
