/**
 * Riverton: a fictional mid-sized river city laid on a real spot of the US
 * Midwest (a grid city, so its blocks line up with the tiles under it). Streets
 * form a regular grid of 1/8-mile (≈200 m) blocks around City Hall: east–west
 * named streets, north–south numbered avenues. Reports are placed on a street,
 * a few metres off its centre line, inside one of the neighbourhoods below, so
 * they cluster along streets the way real 311 points do.
 */
import type { Jurisdiction } from '@o311/store';
import type { Random } from './random.js';

export const DEMO_JURISDICTION: Jurisdiction = {
  id: 'riverton.example',
  name: 'City of Riverton',
  contact:
    'Riverton 311 Customer Service, 100 Main St, Riverton. Call 311 (or 555-0311 from outside the city), ' +
    'Mon–Fri 7 am–7 pm; email 311@riverton.example. For emergencies call 911.',
  key_service:
    'Developers can request a free API key at https://riverton.example/open311/keys or by writing to ' +
    'open311@riverton.example with the name of your app; keys are issued within two business days.',
  timezone: 'America/Chicago',
};

/** City Hall, the origin of the street grid and of house numbers. */
export const CITY_HALL = { lat: 41.5868, long: -93.625 } as const;

const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LONG = 111_320 * Math.cos((CITY_HALL.lat * Math.PI) / 180);
/** One block: 1/8 mile, 100 house numbers. */
export const BLOCK_M = 200;

export interface Neighbourhood {
  name: string;
  /** Centre as metres east (x) and north (y) of City Hall. */
  x: number;
  y: number;
  /** Rough radius in metres; points fall off like a Gaussian of half that sigma. */
  radius: number;
  /** Share of the city's reports. */
  weight: number;
  zipcode: string;
  /** Multipliers on the base rate of some services here (industrial areas get dumping, campuses noise…). */
  affinity: Readonly<Record<string, number>>;
}

export const NEIGHBOURHOODS: readonly Neighbourhood[] = [
  { name: 'Downtown', x: 0, y: 0, radius: 900, weight: 20, zipcode: '50309',
    affinity: { GRAFFITI: 2.5, NOISE: 2, TRAFFIC_SIGNAL: 2, STREETLIGHT: 1.3, MISSED_COLLECTION: 0.6, ABANDONED_VEHICLE: 0.5 } },
  { name: 'Riverside', x: -1500, y: 700, radius: 800, weight: 10, zipcode: '50312',
    affinity: { BLOCKED_DRAIN: 2.5, FALLEN_TREE: 1.5, PLAYGROUND: 1.5 } },
  { name: 'Old Mill District', x: -700, y: -1400, radius: 700, weight: 9, zipcode: '50315',
    affinity: { GRAFFITI: 1.8, WATER_LEAK: 1.8, POTHOLE: 1.3 } },
  { name: 'Northgate', x: 600, y: 2800, radius: 1200, weight: 12, zipcode: '50313',
    affinity: { MISSED_COLLECTION: 1.6, POTHOLE: 1.2 } },
  { name: 'Cedar Heights', x: 2900, y: 1900, radius: 1100, weight: 10, zipcode: '50317',
    affinity: { FALLEN_TREE: 2.5, PLAYGROUND: 1.5, MISSED_COLLECTION: 1.4, GRAFFITI: 0.4 } },
  { name: 'University Hill', x: -2600, y: 2300, radius: 900, weight: 9, zipcode: '50311',
    affinity: { NOISE: 3.5, ILLEGAL_DUMPING: 1.4, ABANDONED_VEHICLE: 1.2 } },
  { name: 'Southfield', x: 800, y: -3100, radius: 1300, weight: 11, zipcode: '50320',
    affinity: { POTHOLE: 1.6, STREETLIGHT: 1.4, ABANDONED_VEHICLE: 1.5 } },
  { name: 'Westbrook', x: -3600, y: -900, radius: 1300, weight: 8, zipcode: '50321',
    affinity: { MISSED_COLLECTION: 2, FALLEN_TREE: 1.6, WATER_LEAK: 1.3, GRAFFITI: 0.3 } },
  { name: 'Eastwood', x: 3300, y: -700, radius: 1000, weight: 7, zipcode: '50316',
    affinity: { POTHOLE: 1.3, DEAD_ANIMAL: 1.8, ABANDONED_VEHICLE: 1.3 } },
  { name: 'Industrial Flats', x: 2200, y: -2300, radius: 800, weight: 4, zipcode: '50317',
    affinity: { ILLEGAL_DUMPING: 4, ABANDONED_VEHICLE: 2.5, POTHOLE: 1.8, NOISE: 0.5, PLAYGROUND: 0.1 } },
];

export interface Park {
  name: string;
  x: number;
  y: number;
}

export const PARKS: readonly Park[] = [
  { name: 'Bellamy Park', x: 200, y: 400 },
  { name: 'Riverside Park', x: -1700, y: 500 },
  { name: 'Millrace Commons', x: -600, y: -1600 },
  { name: 'Northgate Playfield', x: 800, y: 3000 },
  { name: 'Cedar Heights Park', x: 3000, y: 2000 },
  { name: 'Founders Green', x: -2400, y: 2200 },
  { name: 'Southfield Community Park', x: 600, y: -3200 },
  { name: 'Westbrook Meadows', x: -3800, y: -1000 },
  { name: 'Eastwood Pond Park', x: 3400, y: -500 },
];

const NORTH_STREETS = [
  'Oak St', 'Maple St', 'Elm St', 'Walnut St', 'Cherry St', 'Birch St', 'Chestnut St', 'Hickory St',
  'Willow St', 'Poplar St', 'Linden St', 'Aspen St', 'Sycamore St', 'Juniper St', 'Laurel St', 'Magnolia St',
  'Cottonwood St', 'Hawthorn St', 'Spruce St', 'Alder St', 'Beech St', 'Cypress St', 'Dogwood St', 'Redbud St',
] as const;
const SOUTH_STREETS = [
  'Market St', 'Church St', 'Mill St', 'Bridge St', 'Water St', 'Park St', 'Lincoln St', 'Grant St',
  'Franklin St', 'Jefferson St', 'Madison St', 'Monroe St', 'Jackson St', 'Harrison St', 'Tyler St', 'Polk St',
  'Taylor St', 'Fillmore St', 'Pierce St', 'Buchanan St', 'Garfield St', 'Arthur St', 'Cleveland St', 'Hayes St',
] as const;

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1: return `${n}st`;
    case 2: return `${n}nd`;
    case 3: return `${n}rd`;
    default: return `${n}th`;
  }
};

/** East–west street `k` blocks north (k > 0) or south (k < 0) of Main St. */
export function eastWestStreet(k: number): string {
  if (k === 0) return 'Main St';
  const list = k > 0 ? NORTH_STREETS : SOUTH_STREETS;
  const i = Math.abs(k) - 1;
  return list[i % list.length] ?? 'Main St';
}

/** North–south avenue `k` blocks east (k ≥ 0) or west (k < 0) of City Hall. */
export function northSouthStreet(k: number): string {
  return k >= 0 ? `${ordinal(k + 1)} Ave` : `W ${ordinal(-k)} Ave`;
}

export interface Place {
  lat: number;
  long: number;
  address: string;
  /** The street the point is on (for descriptions). */
  street: string;
  /** A cross street near the point. */
  cross_street: string;
  zipcode: string;
  neighbourhood: string;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
/** Metres east (x) and north (y) of City Hall as a point, to 6 decimals. */
export const toLatLong = (x: number, y: number): { lat: number; long: number } => ({
  lat: round6(CITY_HALL.lat + y / M_PER_DEG_LAT),
  long: round6(CITY_HALL.long + x / M_PER_DEG_LONG),
});

/** A Gaussian draw clamped to ±2 sigma, so every point stays within its neighbourhood's radius. */
const spread = (rng: Random): number => Math.max(-2, Math.min(2, rng.normal()));

/** A house number on a street: 100 per block counted from City Hall, even on one side, odd on the other. */
function houseNumber(distance: number, evenSide: boolean): number {
  let n = Math.max(2, Math.floor(Math.abs(distance) / 2));
  if ((n % 2 === 0) !== evenSide) n += 1;
  return n;
}

/** A point on a street of `hood`, with its street address. */
export function placeOnStreet(rng: Random, hood: Neighbourhood): Place {
  const x0 = hood.x + spread(rng) * hood.radius * 0.5;
  const y0 = hood.y + spread(rng) * hood.radius * 0.5;
  const setback = (rng.chance(0.5) ? 1 : -1) * rng.between(4, 14);
  if (rng.chance(0.55)) {
    // On an east–west street.
    const k = Math.round(y0 / BLOCK_M);
    const y = k * BLOCK_M + setback;
    const street = eastWestStreet(k);
    const cross = northSouthStreet(Math.round(x0 / BLOCK_M));
    return { ...toLatLong(x0, y), street, cross_street: cross, zipcode: hood.zipcode, neighbourhood: hood.name,
      address: `${houseNumber(x0, setback > 0)} ${street}` };
  }
  const k = Math.round(x0 / BLOCK_M);
  const x = k * BLOCK_M + setback;
  const street = northSouthStreet(k);
  const cross = eastWestStreet(Math.round(y0 / BLOCK_M));
  return { ...toLatLong(x, y0), street, cross_street: cross, zipcode: hood.zipcode, neighbourhood: hood.name,
    address: `${houseNumber(y0, setback > 0)} ${street}` };
}

/** A point at a street corner of `hood` (traffic signals). */
export function placeAtIntersection(rng: Random, hood: Neighbourhood): Place {
  const kx = Math.round((hood.x + spread(rng) * hood.radius * 0.5) / BLOCK_M);
  const ky = Math.round((hood.y + spread(rng) * hood.radius * 0.5) / BLOCK_M);
  const street = eastWestStreet(ky);
  const cross = northSouthStreet(kx);
  return {
    ...toLatLong(kx * BLOCK_M + rng.between(-8, 8), ky * BLOCK_M + rng.between(-8, 8)),
    street, cross_street: cross, zipcode: hood.zipcode, neighbourhood: hood.name,
    address: `${street} & ${cross}`,
  };
}

/** A point in one of the city's parks, nearest to `hood` more often than not. */
export function placeInPark(rng: Random, hood: Neighbourhood): Place & { park: string } {
  let park = PARKS[0] as Park;
  let best = Infinity;
  for (const p of PARKS) {
    const d = Math.hypot(p.x - hood.x, p.y - hood.y) * rng.between(0.6, 1.4);
    if (d < best) { best = d; park = p; }
  }
  const x = park.x + rng.normal() * 70;
  const y = park.y + rng.normal() * 70;
  const street = eastWestStreet(Math.round(park.y / BLOCK_M));
  const cross = northSouthStreet(Math.round(park.x / BLOCK_M));
  return { ...toLatLong(x, y), street, cross_street: cross, zipcode: hood.zipcode, neighbourhood: hood.name,
    park: park.name, address: `${park.name}, ${houseNumber(park.x, true)} ${street}` };
}

/** Bounding box of the neighbourhoods (with their radius), for maps and tests. */
export function cityBounds(): { min_lat: number; min_long: number; max_lat: number; max_long: number } {
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  for (const h of NEIGHBOURHOODS) {
    minX = Math.min(minX, h.x - h.radius); maxX = Math.max(maxX, h.x + h.radius);
    minY = Math.min(minY, h.y - h.radius); maxY = Math.max(maxY, h.y + h.radius);
  }
  const sw = toLatLong(minX, minY);
  const ne = toLatLong(maxX, maxY);
  return { min_lat: sw.lat, min_long: sw.long, max_lat: ne.lat, max_long: ne.long };
}
