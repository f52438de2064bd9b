/**
 * The rules that make a file's features boundaries: an id (from a property,
 * else the feature id, else the name) made a slug and unique in the file, a
 * name, a checked (Multi)Polygon of bounded size. The first feature that
 * breaks one is named in a BoundaryFileError.
 */
import { GeometryError, toMultiPolygon, type MultiPolygon, type Tier } from '@o311/georeport';
import type { NewBoundary } from '@o311/store';
import { BoundaryFileError } from './errors.js';
import type { BoundaryFileLimits } from './limits.js';
import { slugify } from './slug.js';
import type { SourceFeature } from './source-feature.js';

export interface BoundaryRules {
  tier: Tier;
  source: string;
  approximate: boolean;
  /** The property holding each feature's id; else the feature id, else the name. */
  idField?: string;
  /** The property holding each feature's name; else `name` in any case. */
  nameField?: string;
  /** The name of a file's only feature when it has none (a bare geometry): the file's name. */
  soleName: string;
  limits: BoundaryFileLimits;
  /** Called as features are checked. */
  progress?: (done: number, total: number) => void;
}

const MAX_ID = 100;
const MAX_NAME = 300;

const scalar = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** `layer "x", feature 3 (id "a", name "B")`: as much as is known. */
function describe(f: SourceFeature, id?: unknown, name?: unknown): string {
  const known = [
    scalar(id) === undefined ? '' : `id "${scalar(id)}"`,
    scalar(name) === undefined ? '' : `name "${scalar(name)}"`,
  ].filter((s) => s !== '');
  return `${f.layer === undefined ? '' : `layer "${f.layer}", `}feature ${f.index}${known.length ? ` (${known.join(', ')})` : ''}`;
}

const propertyList = (f: SourceFeature): string => {
  const keys = Object.keys(f.properties);
  if (keys.length === 0) return 'it has no properties';
  return `its properties are ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}`;
};

function nameOf(f: SourceFeature, rules: BoundaryRules, single: boolean): string {
  if (rules.nameField !== undefined) {
    const name = scalar(f.properties[rules.nameField]);
    if (name === undefined) throw new BoundaryFileError(`${describe(f, f.id)}: no name in property "${rules.nameField}" (${propertyList(f)})`);
    return name;
  }
  const key = Object.keys(f.properties).find((k) => k.toLowerCase() === 'name');
  const name = key === undefined ? undefined : scalar(f.properties[key]);
  if (name !== undefined) return name;
  if (single) return rules.soleName;
  throw new BoundaryFileError(`${describe(f, f.id)}: no "name" property; choose the property that names it with --name-field (${propertyList(f)})`);
}

function idOf(f: SourceFeature, rules: BoundaryRules, name: string): string {
  let raw: string | undefined;
  if (rules.idField !== undefined) {
    raw = scalar(f.properties[rules.idField]);
    if (raw === undefined) throw new BoundaryFileError(`${describe(f, undefined, name)}: no id in property "${rules.idField}" (${propertyList(f)})`);
  } else {
    raw = scalar(f.id) ?? name;
  }
  const id = slugify(raw);
  if (id === '') throw new BoundaryFileError(`${describe(f, raw, name)}: the id "${raw}" has no letters or digits`);
  if (id.length > MAX_ID) throw new BoundaryFileError(`${describe(f, raw, name)}: the id is longer than ${MAX_ID} characters`);
  return id;
}

const vertexCount = (mp: MultiPolygon): number => mp.reduce((n, p) => p.reduce((m, r) => m + r.length, n), 0);

export function toBoundaries(features: readonly SourceFeature[], rules: BoundaryRules): NewBoundary[] {
  const { limits } = rules;
  if (features.length === 0) throw new BoundaryFileError('the file holds no features');
  if (features.length > limits.maxFeatures) {
    throw new BoundaryFileError(`the file holds ${features.length} features, more than the ${limits.maxFeatures} an import may have`);
  }
  /** Per id: the feature that had it first, described. */
  const seen = new Map<string, string>();
  const out: NewBoundary[] = [];
  features.forEach((f, i) => {
    const name = nameOf(f, rules, features.length === 1);
    if (name.length > MAX_NAME) throw new BoundaryFileError(`${describe(f, f.id)}: the name is longer than ${MAX_NAME} characters`);
    const id = idOf(f, rules, name);
    const where = describe(f, id, name);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new BoundaryFileError(
        `${where}: the id "${id}" is also that of ${earlier}; ids must be unique in a file${rules.idField === undefined ? ' (choose a property of unique values with --id-field)' : ''}`,
      );
    }
    seen.set(id, describe(f, undefined, name));
    let geometry: MultiPolygon;
    try {
      geometry = toMultiPolygon(f.geometry);
    } catch (e) {
      if (e instanceof GeometryError) throw new BoundaryFileError(`${where}: ${e.message}`, { cause: e });
      throw e;
    }
    const vertices = vertexCount(geometry);
    if (vertices > limits.maxVerticesPerFeature) {
      throw new BoundaryFileError(`${where}: ${vertices} vertices, more than the ${limits.maxVerticesPerFeature} a boundary may have (simplify it first)`);
    }
    out.push({ id, name, tier: rules.tier, source: rules.source, approximate: rules.approximate, geometry });
    rules.progress?.(i + 1, features.length);
  });
  return out;
}
