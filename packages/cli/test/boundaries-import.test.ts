/** `o311 boundaries import` of GeoJSON, TopoJSON and zipped shapefiles, on SQLite and PostgreSQL: the whole file or nothing. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOUNDARY_FILE_LIMITS, RegistryLookup } from '@o311/discovery';
import type { Tier } from '@o311/georeport';
import { openStore, type NewEndpoint, type Store } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import {
  feature, geoJson, polygon, shapefileZip, squareRing, topology, utmShapefile, WGS84_PRJ,
} from '../../discovery/test/support/boundary-fixtures.js';
import { runBoundariesImport } from '../src/commands/boundaries-import.js';
import { captureIo, cli, scratch } from './support.js';

const endpoint = (slug: string, tier: Tier, boundary_id: string): NewEndpoint => ({
  slug, name: slug, tier, country: 'US', base_url: `https://${slug}.example/open311/v2/`, discovery_url: null, jurisdiction_id: null,
  local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id, quirks: null,
  notes: '',
});

const towns = (): Uint8Array => geoJson(
  feature(polygon(squareRing(-93.7, 41.5, 0.1)), { NAME: 'Alpha Town' }, 'Alpha'),
  feature(polygon(squareRing(-93.5, 41.5, 0.1)), { NAME: 'Beta Town' }, 'beta'),
);

describe.each(dialects)('boundaries import on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let files: Awaited<ReturnType<typeof scratch>>;
  let database: string[];

  const write = async (name: string, bytes: Uint8Array): Promise<string> => {
    const path = join(files.dir, name);
    await writeFile(path, bytes);
    return path;
  };
  const registry = async () => (await store.listBoundaries()).map((b) => [b.id, b.name, b.tier]);

  beforeAll(async () => {
    files = await scratch();
  });
  afterAll(async () => {
    await files.cleanup();
  });

  beforeEach(async () => {
    db = await freshUrl(dialect);
    database = ['--database', db.url];
    store = await openStore(db.url);
    await store.migrate();
    // Already there: an import may replace it, a refused one must leave it alone.
    await store.saveBoundary({ id: 'alpha', name: 'Old Alpha', tier: 'city', source: 'before', approximate: false, geometry: [[squareRing(0, 0, 1)]] });
    return async () => {
      await store.close();
      await db.cleanup();
    };
  });

  it('imports a GeoJSON file in one go, and the boundaries then answer lookups', async () => {
    const file = await write('towns.geojson', towns());
    const r = await cli(['boundaries', 'import', file, '--tier', 'city', '--source', 'Test towns, CC0', ...database]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.last).toBe(`imported 2 boundaries (tier city) from ${file}`);
    expect(await registry()).toEqual([['alpha', 'Alpha Town', 'city'], ['beta', 'Beta Town', 'city']]);
    expect(await store.getBoundary('beta')).toMatchObject({ source: 'Test towns, CC0', approximate: false, bbox: [-93.5, 41.5, -93.4, 41.6] });

    await store.saveEndpoint(endpoint('alpha-311', 'city', 'alpha'));
    const lookup = new RegistryLookup(store);
    expect((await lookup.lookup(-93.65, 41.55)).map((h) => `${h.endpoint.slug}@${h.boundary.id}`)).toEqual(['alpha-311@alpha']);
    expect(await lookup.lookup(0.5, 0.5)).toEqual([]); // the old geometry is gone
  });

  it('imports every TopoJSON object, or one, and marks them approximate when asked', async () => {
    const file = await write('towns.topojson', topology());
    const r = await cli(['boundaries', 'import', file, '--tier', 'district', '--object', 'towns', '--approximate', ...database]);
    expect(r.code).toBe(0);
    expect(r.last).toBe(`imported 2 boundaries (tier district) from ${file}`);
    expect(await registry()).toEqual([['a', 'Town A', 'district'], ['alpha', 'Old Alpha', 'city'], ['b', 'Town B', 'district']]);
    expect(await store.getBoundary('a')).toMatchObject({ approximate: true, source: 'towns.topojson' });
  });

  it('imports a projected shapefile reprojected to WGS 84, found by a lookup at its real place', async () => {
    const file = await write('utm.zip', utmShapefile());
    const r = await cli(['boundaries', 'import', file, '--tier', 'county', '--id-field', 'GEOID', ...database]);
    expect(r.code).toBe(0);
    expect(r.last).toBe(`imported 1 boundary (tier county) from ${file}`);
    await store.saveEndpoint(endpoint('meridian-311', 'county', 'm1'));
    const lookup = new RegistryLookup(store);
    expect((await lookup.lookup(-93.005, 44.995)).map((h) => h.boundary.name)).toEqual(['Meridian Square']);
    expect(await lookup.lookup(-93.005, 45.005)).toEqual([]);
  });

  it('checks without writing on --dry-run', async () => {
    const file = await write('dry.geojson', towns());
    const r = await cli(['boundaries', 'import', file, '--tier', 'city', '--dry-run', ...database]);
    expect(r.code).toBe(0);
    expect(r.last).toBe(`checked 2 boundaries (tier city) from ${file}: all valid (dry run, nothing written)`);
    expect(await registry()).toEqual([['alpha', 'Old Alpha', 'city']]);
  });

  const good = feature(polygon(squareRing(-93.7, 41.5, 0.1)), { NAME: 'Alpha Town' }, 'alpha');
  const badFiles: [string, string, () => Uint8Array, string[], RegExp][] = [
    ['an unclosed ring', 'open.geojson', () => geoJson(good, feature(polygon([[0, 0], [0, 1], [1, 1], [1, 0]]), { NAME: 'Open' }, 'open')), [],
      /: feature 2 \(id "open", name "Open"\): outer ring: the ring is not closed/],
    ['coordinates not in WGS 84', 'utm.geojson', () => geoJson(good, feature(polygon(squareRing(448_000, 4_605_000, 1000)), { NAME: 'Projected' })), [],
      /: feature 2 \(id "projected", name "Projected"\): outer ring, position 1: the position \[448000, 4605000\] is outside/],
    ['a shapefile without .prj', 'noprj.zip', () => shapefileZip([{ name: 'alpha', kind: 'polygon', shapes: [[squareRing(0, 0, 1)]], records: [{ NAME: 'alpha' }] }]), [],
      /: alpha\.shp has no \.prj beside it, so its coordinate system is unknown/],
    ['a Point', 'point.geojson', () => geoJson(good, feature({ type: 'Point', coordinates: [0, 0] }, { NAME: 'Spot' })), [],
      /: feature 2 \(id "spot", name "Spot"\): a Point is not a polygon/],
    ['a LineString', 'roads.zip', () => shapefileZip([{ name: 'roads', kind: 'polyline', shapes: [[[[0, 0], [1, 1]]]], records: [{ NAME: 'Main' }], prj: WGS84_PRJ }]), [],
      /: feature 1 \(id "main", name "Main"\): a LineString is not a polygon/],
    ['a missing name field', 'names.geojson', () => geoJson(good), ['--name-field', 'TOWN'],
      /: feature 1 \(id "alpha"\): no name in property "TOWN" \(its properties are NAME\)/],
    ['duplicate ids', 'twins.geojson', () => geoJson(good, feature(polygon(squareRing(5, 5, 1)), { NAME: 'Alpha Twin' }, 'ALPHA')), [],
      /: feature 2 \(id "alpha", name "Alpha Twin"\): the id "alpha" is also that of feature 1 \(name "Alpha Town"\)/],
    ['an unreadable zip', 'broken.zip', () => shapefileZip([{ name: 'alpha', kind: 'polygon', shapes: [[squareRing(0, 0, 1)]], records: [{ NAME: 'alpha' }], prj: WGS84_PRJ }]).slice(0, 150), [],
      /: the zip cannot be read: /],
  ];

  it.each(badFiles)('refuses %s with one line naming the problem, and imports nothing', async (_, name, bytes, args, message) => {
    const file = await write(name, bytes());
    const r = await cli(['boundaries', 'import', file, '--tier', 'city', ...args, ...database]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('; nothing imported\n')).toBe(true);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr.startsWith(`error: ${file}: `)).toBe(true);
    expect(r.stderr).toMatch(message);
    expect(await registry()).toEqual([['alpha', 'Old Alpha', 'city']]);
  });
});

describe('boundaries import arguments', () => {
  let files: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    files = await scratch();
  });
  afterAll(async () => {
    await files.cleanup();
  });

  it('wants a tier from the list, and an existing file', async () => {
    const file = join(files.dir, 'a.geojson');
    await writeFile(file, towns());
    const none = await cli(['boundaries', 'import', file, '--database', 'sqlite::memory:']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("error: required option '--tier <tier>' not specified (see --help)\n");
    const wrong = await cli(['boundaries', 'import', file, '--tier', 'planet', '--database', 'sqlite::memory:']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--tier <tier>' argument 'planet' is invalid. Allowed choices are district, city/);
    const missing = await cli(['boundaries', 'import', join(files.dir, 'nope.geojson'), '--tier', 'city', '--database', 'sqlite::memory:']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: cannot read ${join(files.dir, 'nope.geojson')}: no such file\n`);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(files.dir, 'big.geojson');
    await writeFile(file, towns());
    const run = runBoundariesImport(captureIo(), file, { tier: 'city', approximate: false, dryRun: true }, { limits: { ...BOUNDARY_FILE_LIMITS, maxBytes: 64 } });
    await expect(run).rejects.toThrow(/^.*big\.geojson: the file is \d+ bytes, more than the 64 bytes a boundary file may be; nothing imported$/);
  });

  it('shows progress on stderr while checking features', async () => {
    const file = join(files.dir, 'progress.geojson');
    await writeFile(file, towns());
    const io = captureIo();
    await runBoundariesImport(io, file, { tier: 'city', approximate: false, dryRun: true }, { progressEveryMs: 0 });
    expect(io.err.join('')).toMatch(/^checking: 2 features \(100%\), \d+ features\/s$/m);
    expect(io.out.join('')).toBe(`checked 2 boundaries (tier city) from ${file}: all valid (dry run, nothing written)\n`);
  });
});
