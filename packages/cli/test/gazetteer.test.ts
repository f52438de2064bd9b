/** `o311 gazetteer import` (CSV and GeoJSON; bad rows with their lines; all or nothing, or skipped) and `o311 gazetteer search`, on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { runGazetteerImport } from '../src/commands/gazetteer-import.js';
import { captureIo, cli, scratch } from './support.js';

const J = 'gz.example';

const GOOD_CSV = [
  'Name,House_Number,Street Name,Unit,ZIP,Latitude,Longitude,notes',
  'Corner shop,100,Main St,,50309,41.5868,-93.6250,corner',
  ',102,Main St,2,50309,41.5869,-93.6240,',
  'Bar,"7","Calle Mayor",,,40.4,-3.7,"with ""quotes"", commas"',
  ',,Oak Street,,,41.6,-93.6,a street point',
].join('\n');

const BAD_CSV = [
  'number,street,lat,lon',
  '100,Main St,41.5868,-93.625',
  'abc,Main St,41.5,-93.6',
  '101,,41.5,-93.6',
  '102,Main St,95,-93.6',
  '103,Main St,41.5,east',
].join('\n');

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [-93.625, 41.5868] }, properties: { 'addr:housenumber': '12B', 'addr:street': 'Rue de la Paix' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-93.7, 41.6], [-93.6, 41.6], [-93.5, 41.6]] }, properties: { name: 'Long Avenue' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { name: 'A park' } },
  ],
});

describe.each(dialects)('gazetteer commands on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let files: Awaited<ReturnType<typeof scratch>>;
  const run = (...argv: string[]) => cli([...argv, '--database', db.url]);

  beforeAll(async () => {
    files = await scratch();
    db = await freshUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction({ id: J, name: 'GZ', contact: '', key_service: '', timezone: 'UTC' });
  });
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
    await files?.cleanup();
  });

  it('imports a CSV with aliased headers (street over name), then finds its addresses', async () => {
    const file = await files.file('good.csv', GOOD_CSV);
    const r = await run('gazetteer', 'import', file, '--jurisdiction', J);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.last).toBe(`imported 3 address points and 3 streets into the gazetteer of ${J} (its previous gazetteer replaced)`);
    expect(await store.gazetteer.counts(J)).toEqual({ addresses: 3, streets: 3 });
    const found = await run('gazetteer', 'search', '102 main street', '--jurisdiction', J);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/1\.00\s+address\s+41\.5869\s+-93\.624\s+102 Main St, #2 50309/);
    const none = await run('gazetteer', 'search', '1 Nowhere Rd', '--jurisdiction', J);
    expect(none.last).toBe(`nothing found for "1 Nowhere Rd" among 3 address points and 3 streets of ${J}`);
  });

  it('reports every bad row with its line and imports nothing', async () => {
    const file = await files.file('bad.csv', BAD_CSV);
    const r = await run('gazetteer', 'import', file, '--jurisdiction', J);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      'line 3: house number "abc" does not start with digits',
      'line 4: street is missing',
      'line 5: lat must be a number from -90 to 90',
      'line 6: long must be a number from -180 to 180',
      `error: ${file}: 4 of 5 rows are not valid (listed above); nothing imported (--skip-bad-rows imports the others)`,
    ]);
    expect(await store.gazetteer.counts(J)).toEqual({ addresses: 3, streets: 3 });
  });

  it('imports the good rows with --skip-bad-rows, replacing the whole gazetteer', async () => {
    const file = await files.file('bad.csv', BAD_CSV);
    const r = await run('gazetteer', 'import', file, '--jurisdiction', J, '--skip-bad-rows');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('skipped 4 of 5 rows (listed above)');
    expect(await store.gazetteer.counts(J)).toEqual({ addresses: 1, streets: 1 });
  });

  it('imports GeoJSON points and lines (a street at its halfway point); a polygon is a bad feature', async () => {
    const file = await files.file('city.geojson', GEOJSON);
    const refused = await run('gazetteer', 'import', file, '--jurisdiction', J);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('feature 3: a Polygon is neither a Point nor a LineString');
    const r = await run('gazetteer', 'import', file, '--jurisdiction', J, '--skip-bad-rows');
    expect(r.code).toBe(0);
    const long = await store.gazetteer.findStreets({ jurisdiction_id: J, prefix: 'long avenue', limit: 1 });
    expect(long).toEqual([{ street_key: 'long avenue', name: 'Long Avenue', lat: 41.6, long: -93.6 }]);
    const paix = await run('gazetteer', 'search', '12 Rue la Paix', '--jurisdiction', J);
    expect(paix.stdout).toMatch(/address\s+41\.5868\s+-93\.625\s+12B Rue de la Paix/);
  });

  it('refuses what it cannot read, naming why', async () => {
    const cases: Array<[string, string, string[], RegExp]> = [
      ['x.txt', 'a,b', [], /cannot tell the format/],
      ['nohead.csv', 'number,street\n1,Main', [], /the header has no lat column/],
      ['broken.geojson', '{', [], /not JSON/],
      ['notgeo.json', '[1,2]', [], /not a GeoJSON FeatureCollection/],
      ['quote.csv', 'number,street,lat,lon\n1,"Main,1,1', [], /line 2: .*quote/i],
      ['good.csv', GOOD_CSV, ['--jurisdiction', 'nope.example'], /no jurisdiction 'nope.example'/],
    ];
    for (const [name, text, extra, message] of cases) {
      const file = await files.file(name, text);
      const r = await run('gazetteer', 'import', file, ...(extra.length > 0 ? extra : ['--jurisdiction', J]));
      expect(r.code, name).not.toBe(0);
      expect(r.stderr, name).toMatch(message);
    }
    expect((await run('gazetteer', 'import', '/nonexistent.csv', '--jurisdiction', J)).stderr).toMatch(/no such file/);
    expect((await run('gazetteer', 'search', 'x'.repeat(201), '--jurisdiction', J)).stderr).toMatch(/longer than 200/);
  });

  it('is bounded in bytes and rows', async () => {
    const file = await files.file('big.csv', GOOD_CSV);
    const io = captureIo();
    const o = { jurisdiction: J, skipBadRows: false, dryRun: true, database: db.url };
    await expect(runGazetteerImport(io, file, o, { maxBytes: 10, maxRows: 100 })).rejects.toThrow(/larger than 10 bytes/);
    await expect(runGazetteerImport(io, file, o, { maxBytes: 1e6, maxRows: 2 })).rejects.toThrow(/more than 2 rows/);
    expect(await runGazetteerImport(io, file, o)).toEqual({ addresses: 3, streets: 3 });
  });
});
