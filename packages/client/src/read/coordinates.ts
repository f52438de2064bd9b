/**
 * lat/long after both are read as numbers: 0 as "unknown", exchanged axes and
 * impossible values. A point is taken as swapped when its latitude is beyond ±90°
 * while its longitude is a possible latitude, or when an area is known and only
 * the swapped point lies in it (Helsinki: lat 22.27, long 60.45).
 */
import type { Area } from '../model.js';
import type { RecordReader } from './record.js';

export interface Point {
  lat: number | null;
  long: number | null;
}

const inside = (area: Area, lat: number, long: number): boolean =>
  lat >= area.south && lat <= area.north && long >= area.west && long <= area.east;

export function settleCoordinates(rec: RecordReader, lat: number | null, long: number | null): Point {
  if ((lat === 0 || long === 0) && (lat ?? 0) === 0 && (long ?? 0) === 0) {
    rec.warn('zero-coordinates', 'lat');
    return { lat: null, long: null };
  }
  if (lat === null || long === null) return { lat, long };
  const reason = swapReason(lat, long, rec.ctx.area);
  if (reason !== undefined) {
    rec.note('coordinates-swapped', 'lat', `lat ${lat}, long ${long}`, reason);
    return { lat: long, long: lat };
  }
  if (Math.abs(lat) > 90 || Math.abs(long) > 180) {
    rec.note('invalid-value', 'lat', `lat ${lat}, long ${long}`, 'not a point on Earth; lat and long read as null');
    return { lat: null, long: null };
  }
  return { lat, long };
}

function swapReason(lat: number, long: number, area: Area | undefined): string | undefined {
  if (Math.abs(lat) > 90 && Math.abs(long) <= 90) return 'a latitude cannot exceed 90°';
  if (area !== undefined && !inside(area, lat, long) && inside(area, long, lat)) {
    return "only the swapped point lies in the endpoint's area";
  }
  return undefined;
}
