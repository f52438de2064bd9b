/**
 * The Open311 servers of the open311.org list (src/data/open311-servers.json,
 * copied from the project's research with its `source` kept) as registry
 * endpoints, each with the boundary of its city (seed-city-boundary.ts) placed
 * by src/data/city-halls.json and checked against the real boundaries: a US
 * city must lie in a county of its country, any other in its country.
 */
import { readFileSync } from 'node:fs';
import { bboxOf, type BBox, type Format, type MultiPolygon } from '@o311/georeport';
import type { EndpointStatus, NewBoundary, NewEndpoint } from '@o311/store';
import type { AtlasBoundary } from './atlas-boundaries.js';
import { insidePolygon } from './polygon-grid.js';
import { circleOfArea } from './seed-city-boundary.js';

interface ServerEntry {
  jurisdiction: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  base_url: string | null;
  jurisdiction_id: string | null;
  formats_evidence: string;
  discovery_url: string | null;
  test_url: string | null;
  /** `production`, `development` or `retired`. */
  listed: string;
  platform: string | null;
  notes: string | null;
}

interface CityHall {
  lat: number;
  long: number;
  area_km2: number;
  /** The id of a US county-equivalent that is the city itself. */
  same_as?: string;
  quirks?: string;
}


export interface SeedEntries {
  boundaries: NewBoundary[];
  endpoints: NewEndpoint[];
}

/** The countries of the list: ISO 3166-1 alpha-3 → alpha-2 and the numeric code world-atlas uses as id. */
const COUNTRIES: Readonly<Record<string, { alpha2: string; numeric: string }>> = {
  CAN: { alpha2: 'CA', numeric: '124' },
  CHE: { alpha2: 'CH', numeric: '756' },
  DEU: { alpha2: 'DE', numeric: '276' },
  ESP: { alpha2: 'ES', numeric: '724' },
  FIN: { alpha2: 'FI', numeric: '246' },
  GBR: { alpha2: 'GB', numeric: '826' },
  GRC: { alpha2: 'GR', numeric: '300' },
  PRT: { alpha2: 'PT', numeric: '620' },
  USA: { alpha2: 'US', numeric: '840' },
};

const STATUSES: Readonly<Record<string, EndpointStatus>> = { production: 'production', development: 'test', retired: 'retired' };

const readData = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../src/data/${file}`, import.meta.url), 'utf8')) as T;

/** `Köln / Cologne` → `koln-cologne`, `Gießen` → `giessen`. */
export function slugify(name: string): string {
  return name
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The formats the evidence names before its first parenthesis (the rest is
 * who saw what, e.g. `xml only (S: "JSON endpoint returns …")`); XML, the
 * spec's default, when it names none (`unknown`).
 */
export function formatsFromEvidence(evidence: string): Format[] {
  const named = evidence.split('(')[0]!.toLowerCase();
  const found = [...named.matchAll(/\b(xml|json)\b/g)].map((m) => m[1] as Format);
  const formats = [...new Set(found)];
  return formats.length > 0 ? formats : ['xml'];
}

function statusOf(e: ServerEntry): EndpointStatus {
  const status = STATUSES[e.listed];
  if (status === undefined) throw new Error(`${e.jurisdiction}: unknown listing '${e.listed}' (expected production, development or retired)`);
  return status;
}

/** The real boundaries the cities are placed in (a plain scan: a few dozen cities do not pay for an index). */
export class Atlas {
  readonly #boxes: { boundary: AtlasBoundary; bbox: BBox }[];
  readonly byId: ReadonlyMap<string, AtlasBoundary>;

  constructor(boundaries: readonly AtlasBoundary[]) {
    this.#boxes = boundaries.map((boundary) => ({ boundary, bbox: bboxOf(boundary.geometry) }));
    this.byId = new Map(boundaries.map((b) => [b.id, b]));
  }

  /** The boundary of `tier` that holds the city hall, else (on a simplified coast) one that holds a point of its circle. */
  place(hall: CityHall, circle: MultiPolygon, tier: 'county' | 'nation'): AtlasBoundary | undefined {
    const points = [[hall.long, hall.lat] as const, ...circle[0]![0]!];
    for (const [long, lat] of points) {
      for (const { boundary, bbox } of this.#boxes) {
        if (boundary.tier !== tier || long < bbox[0] || lat < bbox[1] || long > bbox[2] || lat > bbox[3]) continue;
        if (boundary.geometry.some((p) => insidePolygon([long, lat], p))) return boundary;
      }
    }
    return undefined;
  }
}

function cityBoundary(atlas: Atlas, e: ServerEntry, hall: CityHall, id: string): NewBoundary {
  const country = COUNTRIES[e.country];
  if (country === undefined) throw new Error(`${e.jurisdiction}: no country code known for '${e.country}'`);
  const circle = circleOfArea(hall.lat, hall.long, hall.area_km2);
  const nation = atlas.place(hall, circle, 'nation');
  if (nation?.id !== `country-${country.numeric}`) {
    throw new Error(`${e.jurisdiction}: its city hall (${hall.lat}, ${hall.long}) is not in ${e.country} but in ${nation?.name ?? 'no country'}`);
  }
  const county = e.country === 'USA' ? atlas.place(hall, circle, 'county') : undefined;
  if (e.country === 'USA' && county === undefined) throw new Error(`${e.jurisdiction}: its city hall (${hall.lat}, ${hall.long}) is in no US county`);
  if (hall.same_as !== undefined) {
    const same = atlas.byId.get(hall.same_as);
    if (same === undefined || same.id !== county?.id) {
      throw new Error(`${e.jurisdiction}: ${hall.same_as} is not the county its city hall lies in (${county?.id ?? 'none'})`);
    }
    return { id, name: e.jurisdiction, tier: 'city', approximate: false, geometry: same.geometry,
      source: `${same.source}: the county-equivalent ${same.name}, which is the city itself` };
  }
  return {
    id, name: e.jurisdiction, tier: 'city', approximate: true, geometry: circle,
    source: `approximate: a circle of the city's area (${hall.area_km2} km²) around its city hall (${hall.lat}, ${hall.long}), ` +
      `in ${(county ?? nation).name}; no package on npm has the city's polygon`,
  };
}

function notesOf(e: ServerEntry): string {
  return [
    e.notes,
    e.platform === null ? null : `Platform: ${e.platform}.`,
    e.test_url === null ? null : `Test server: ${e.test_url}`,
    'Last-known values from the open311.org GeoReport v2 servers list, not verified live.',
  ].filter((n): n is string => n !== null && n !== '').join(' ');
}

/** Every server of the list as an endpoint of tier city, with its city's boundary. */
export function serverSeed(atlas: Atlas): SeedEntries {
  const servers = readData<{ endpoints: ServerEntry[] }>('open311-servers.json').endpoints;
  const halls = readData<{ cities: Record<string, CityHall> }>('city-halls.json').cities;
  const out: SeedEntries = { boundaries: [], endpoints: [] };
  for (const e of servers) {
    const hall = halls[e.jurisdiction];
    if (hall === undefined) throw new Error(`${e.jurisdiction}: no city hall in city-halls.json`);
    const slug = slugify(e.jurisdiction);
    const boundary = cityBoundary(atlas, e, hall, `city-${slug}`);
    out.boundaries.push(boundary);
    out.endpoints.push({
      slug, name: e.jurisdiction, tier: 'city', country: COUNTRIES[e.country]!.alpha2,
      base_url: e.base_url, discovery_url: e.discovery_url, jurisdiction_id: e.jurisdiction_id, local: false,
      formats: formatsFromEvidence(e.formats_evidence), api_key_url: null, terms_url: null, contact_email: null,
      status: statusOf(e), boundary_id: boundary.id, quirks: hall.quirks ?? null, notes: notesOf(e),
    });
  }
  return out;
}
