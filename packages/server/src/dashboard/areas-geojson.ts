/**
 * A dashboard source's areas from a GeoJSON FeatureCollection an admin
 * uploads: Polygon and MultiPolygon features, each named by the property the
 * admin chose or the first of NAME_PROPERTIES it has. Bounded (AREA_LIMITS);
 * every problem is said with the feature it is in, and nothing is kept when
 * there is one.
 */
import { GeometryError, toMultiPolygon } from '@o311/georeport';
import type { DashboardAreaShape } from '@o311/store';

export const AREA_LIMITS = { bytes: 5 * 1024 * 1024, features: 2_000, vertices: 200_000, nameLength: 200 } as const;

/** Where area names are found when the admin names no property, in this order. */
export const NAME_PROPERTIES = [
  'name', 'NAME', 'Name', 'neighborhood', 'NEIGHBORHOOD', 'neighbourhood', 'NEIGHBOURHOOD', 'nbhd', 'NBHD', 'pri_neigh', 'community',
  'COMMUNITY', 'ward', 'WARD', 'district', 'DISTRICT', 'label', 'title',
] as const;

/** At most this many problems are reported. */
const MAX_PROBLEMS = 20;

export type AreasFromFile = { ok: true; areas: DashboardAreaShape[] } | { ok: false; problems: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short URL-safe id of a name, unique among `taken`. */
export function areaIdOf(name: string, taken: Set<string>, index: number): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || `area-${index + 1}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function nameOf(properties: unknown, nameProperty: string | undefined): string | undefined {
  if (!isRecord(properties)) return undefined;
  const keys = nameProperty === undefined ? NAME_PROPERTIES : [nameProperty];
  for (const key of keys) {
    const value = properties[key];
    // Control characters out (a NUL, which the store refuses, included): a file is not read at the HTTP edge as a body is.
    // eslint-disable-next-line no-control-regex
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() : '';
    if (text !== '') return text.slice(0, AREA_LIMITS.nameLength);
  }
  return undefined;
}

export function areasFromGeoJson(body: unknown, nameProperty?: string): AreasFromFile {
  if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    return { ok: false, problems: ['The body must be a GeoJSON FeatureCollection (or {"from": "registry"}).'] };
  }
  const features = body.features as unknown[];
  if (features.length === 0) return { ok: false, problems: ['The FeatureCollection has no features.'] };
  if (features.length > AREA_LIMITS.features) return { ok: false, problems: [`At most ${AREA_LIMITS.features} areas (the file has ${features.length}).`] };
  const problems: string[] = [];
  const areas: DashboardAreaShape[] = [];
  const taken = new Set<string>();
  let vertices = 0;
  features.forEach((feature, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const where = `feature ${i + 1}`;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      problems.push(`${where}: not a GeoJSON Feature.`);
      return;
    }
    const name = nameOf(feature.properties, nameProperty);
    if (name === undefined) {
      problems.push(
        nameProperty === undefined
          ? `${where}: no name found (looked for ${NAME_PROPERTIES.slice(0, 6).join(', ')}, …); choose the property with name_property.`
          : `${where}: has no property ${JSON.stringify(nameProperty)}.`,
      );
      return;
    }
    try {
      const geometry = toMultiPolygon(feature.geometry);
      vertices += geometry.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
      areas.push({ id: areaIdOf(name, taken, i), name, geometry: geometry as unknown as number[][][][] });
    } catch (e) {
      if (!(e instanceof GeometryError)) throw e;
      problems.push(`${where} (${name}): ${e.message}.`);
    }
  });
  if (vertices > AREA_LIMITS.vertices) problems.push(`At most ${AREA_LIMITS.vertices} vertices in all (the file has ${vertices}); simplify the outlines.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, areas };
}
