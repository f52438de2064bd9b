/**
 * Real boundaries from npm, with no download at run time: the US states and
 * counties of us-atlas and the world's countries of world-atlas (Natural
 * Earth, public domain), TopoJSON turned into GeoJSON by topojson-client.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { toMultiPolygon, type MultiPolygon, type Tier } from '@o311/georeport';

export interface AtlasBoundary {
  id: string;
  name: string;
  tier: Tier;
  /** ISO 3166-1 alpha-2 where known (`US` for the states and counties). */
  country: string | null;
  source: string;
  geometry: MultiPolygon;
}

const require = createRequire(import.meta.url);

function topology(file: string): Topology {
  return JSON.parse(readFileSync(require.resolve(file), 'utf8')) as Topology;
}

interface Named {
  id: string;
  name: string;
  geometry: MultiPolygon;
}

function features(t: Topology, object: string): Named[] {
  const collection = t.objects[object] as GeometryCollection<{ name?: string }>;
  const byId = new Map<string, Named>();
  for (const f of feature(t, collection).features) {
    // A few Natural Earth features have no geometry at this scale.
    if (f.geometry === null || f.id === undefined) continue;
    const id = String(f.id);
    const geometry = toMultiPolygon(f.geometry);
    // A territory can share its country's code (Ashmore and Cartier Is. is 036, Australia): one boundary, the first name.
    const known = byId.get(id);
    if (known) known.geometry = [...known.geometry, ...geometry];
    else byId.set(id, { id, name: f.properties?.name ?? id, geometry });
  }
  return [...byId.values()];
}

const US_SOURCE = 'us-atlas 3 (US Census Bureau cartographic boundaries, 1:10m), ISC licence';
const WORLD_SOURCE = 'world-atlas 2 (Natural Earth 1:50m, public domain), ISC licence';

/** The 50 states, DC and the territories, and every county (ids are FIPS codes). */
export function usBoundaries(): AtlasBoundary[] {
  const states = features(topology('us-atlas/states-10m.json'), 'states');
  const stateNames = new Map(states.map((s) => [s.id, s.name]));
  const counties = features(topology('us-atlas/counties-10m.json'), 'counties');
  return [
    ...states.map((s) => ({ id: `us-state-${s.id}`, name: s.name, tier: 'state' as const, country: 'US', source: US_SOURCE, geometry: s.geometry })),
    ...counties.map((c) => {
      const state = stateNames.get(c.id.slice(0, 2));
      return {
        id: `us-county-${c.id}`,
        name: state === undefined ? c.name : `${c.name}, ${state}`,
        tier: 'county' as const,
        country: 'US',
        source: US_SOURCE,
        geometry: c.geometry,
      };
    }),
  ];
}

/** The countries of the world (ids are ISO 3166-1 numeric codes). */
export function worldBoundaries(): AtlasBoundary[] {
  return features(topology('world-atlas/countries-50m.json'), 'countries').map((c) => ({
    id: `country-${c.id}`,
    name: c.name,
    tier: 'nation' as const,
    country: null,
    source: WORLD_SOURCE,
    geometry: c.geometry,
  }));
}
