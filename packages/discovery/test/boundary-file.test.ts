/** Boundary files: GeoJSON, TopoJSON and zipped shapefiles to registry boundaries, and the errors that refuse a whole file. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundaryFile, type BoundaryFileOptions } from '../src/boundary-file.js';
import { BoundaryIndex } from '../src/boundary-index.js';
import {
  feature, geoJson, json, polygon, shapefileZip, squareRing, topology, UTM_15N_PRJ, utmShapefile, wgs84Shapefile, WGS84_PRJ,
} from './support/boundary-fixtures.js';

const options = (o: Partial<BoundaryFileOptions> = {}): BoundaryFileOptions => ({ fileName: 'test.geojson', tier: 'city', source: 'test', ...o });

const read = (bytes: Uint8Array, o: Partial<BoundaryFileOptions> = {}) => readBoundaryFile(bytes, options(o));

const refusal = async (bytes: Uint8Array, o: Partial<BoundaryFileOptions> = {}): Promise<string> => {
  const error = await read(bytes, o).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('BoundaryFileError');
  return (error as Error).message;
};

describe('GeoJSON', () => {
  it('makes every feature of a FeatureCollection a boundary: ids slugified, names, holes and MultiPolygons kept', async () => {
    const withHole = polygon(squareRing(0, 0, 10), squareRing(2, 2, 1));
    const multi = { type: 'MultiPolygon', coordinates: [[squareRing(20, 0, 1)], [squareRing(30, 0, 1)]] };
    const file = await read(geoJson(
      feature(withHole, { name: 'Québec City' }, 'QC 01'),
      feature(multi, { NAME: 'Two Islands' }),
      feature(polygon(squareRing(40, 0, 1)), { NAME: 'Numbered', code: 42 }, 7),
    ), { approximate: true, tier: 'county' });
    expect(file.format).toBe('geojson');
    expect(file.boundaries.map((b) => [b.id, b.name, b.tier, b.source, b.approximate])).toEqual([
      ['qc-01', 'Québec City', 'county', 'test', true],
      ['two-islands', 'Two Islands', 'county', 'test', true],
      ['7', 'Numbered', 'county', 'test', true],
    ]);
    expect(file.boundaries[0]!.geometry).toEqual([withHole.coordinates]);
    expect(file.boundaries[1]!.geometry).toEqual(multi.coordinates);
    const index = new BoundaryIndex(file.boundaries);
    expect(index.covering(1, 1).map((b) => b.id)).toEqual(['qc-01']);
    expect(index.covering(2.5, 2.5)).toEqual([]); // in the hole
    expect(index.covering(30.5, 0.5).map((b) => b.id)).toEqual(['two-islands']);
  });

  it('takes ids and names from the properties asked for', async () => {
    const file = await read(geoJson(feature(polygon(squareRing(0, 0, 1)), { GEOID: 'US-19153', LABEL: 'Polk' }, 'ignored')), {
      idField: 'GEOID', nameField: 'LABEL',
    });
    expect(file.boundaries.map((b) => [b.id, b.name])).toEqual([['us-19153', 'Polk']]);
  });

  it('names a lone unnamed feature or bare geometry after the file', async () => {
    const bare = await read(json(polygon(squareRing(0, 0, 1))), { fileName: '/data/Riverton Limits.geojson' });
    expect(bare.boundaries.map((b) => [b.id, b.name])).toEqual([['riverton-limits', 'Riverton Limits']]);
    const single = await read(json(feature(polygon(squareRing(0, 0, 1)))), { fileName: 'town.json' });
    expect(single.boundaries.map((b) => b.id)).toEqual(['town']);
  });
});

describe('TopoJSON', () => {
  it('reads every object of a quantized topology, or only the one asked for', async () => {
    const all = await read(topology());
    expect(all.format).toBe('topojson');
    expect(all.boundaries.map((b) => [b.id, b.name])).toEqual([['a', 'Town A'], ['b', 'Town B'], ['park', 'Park']]);
    const [a] = all.boundaries;
    expect(a!.geometry[0]![0]!.map(([x, y]) => [+x.toFixed(6), +y.toFixed(6)])).toEqual([
      [-93.6, 41.5], [-93.6, 41.6], [-93.7, 41.6], [-93.7, 41.5], [-93.6, 41.5],
    ]);
    // The shared edge is one arc, so both towns have the same (dequantized) longitude there: a point on it is in both.
    const edge = a!.geometry[0]![0]![0]![0];
    expect(new BoundaryIndex(all.boundaries).covering(edge, 41.55).map((b) => b.id).sort()).toEqual(['a', 'b']);

    const parks = await read(topology(), { object: 'parks' });
    expect(parks.boundaries.map((b) => b.id)).toEqual(['park']);
  });

  it('names the objects there are when the one asked for is missing', async () => {
    expect(await refusal(topology(), { object: 'roads' })).toBe('the topology has no object "roads" (it has "towns", "parks")');
  });
});

describe('zipped shapefiles', () => {
  it('reads shapes and attributes', async () => {
    const file = await read(wgs84Shapefile(), { idField: 'GEOID' });
    expect(file.format).toBe('shapefile');
    expect(file.boundaries.map((b) => [b.id, b.name])).toEqual([['19001', 'West County'], ['19002', 'East County']]);
    expect(file.boundaries[0]!.geometry).toEqual([[squareRing(-94, 41, 1)]]);
  });

  it('reprojects UTM metres to WGS 84: a vertex on the central meridian at 45°N lands on (-93, 45)', async () => {
    const [square] = (await read(utmShapefile(), { idField: 'GEOID' })).boundaries;
    const [long, lat] = square!.geometry[0]![0]![0]!;
    expect(long).toBeCloseTo(-93, 9);
    expect(lat).toBeCloseTo(45, 6);
    // 1 km east at 45°N is 1000 / (0.9996 · N · cos 45°) radians ≈ 0.012688° of longitude.
    const [east] = square!.geometry[0]![0]![2]!;
    expect(east).toBeCloseTo(-93 + 0.012688, 4);
    const index = new BoundaryIndex([square!]);
    expect(index.covering(-93.005, 44.995).map((b) => b.id)).toEqual(['m1']); // the south-west quarter is in
    expect(index.covering(-93.005, 45.005)).toEqual([]); // the north-west quarter is cut out
    expect(index.covering(-92.98, 45)).toEqual([]); // 1.6 km east: outside
  });

  it('reprojects a state plane in US feet: the projection origin lands on (-93.5, 40)', async () => {
    const IOWA_SOUTH_FEET =
      'PROJCS["NAD_1983_StatePlane_Iowa_South_FIPS_1402_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",1640416.666666667],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-93.5],PARAMETER["Standard_Parallel_1",40.61666666666667],PARAMETER["Standard_Parallel_2",41.78333333333333],PARAMETER["Latitude_Of_Origin",40.0],UNIT["Foot_US",0.3048006096012192]]';
    const fe = 1_640_416.666666667;
    const zip = shapefileZip([{
      name: 'plane', kind: 'polygon', shapes: [[[[fe, 0], [fe, 5280], [fe + 5280, 5280], [fe + 5280, 0], [fe, 0]]]],
      records: [{ NAME: 'Origin Mile' }], prj: IOWA_SOUTH_FEET,
    }]);
    const [b] = (await read(zip)).boundaries;
    const [long, lat] = b!.geometry[0]![0]![0]!;
    expect(long).toBeCloseTo(-93.5, 8);
    expect(lat).toBeCloseTo(40, 8);
    // A mile (not 5280 metres) north.
    expect(b!.geometry[0]![0]![1]![1]).toBeCloseTo(40 + 1609.347 / 111_030, 3);
  });

  it('reads every shapefile of a zip as a layer, or the one asked for', async () => {
    const zip = shapefileZip([
      { name: 'towns', kind: 'polygon', shapes: [[squareRing(0, 0, 1)]], records: [{ NAME: 'Town' }], prj: WGS84_PRJ },
      { name: 'parks', kind: 'polygon', shapes: [[squareRing(5, 5, 1)]], records: [{ NAME: 'Park' }], prj: WGS84_PRJ },
    ]);
    expect((await read(zip)).boundaries.map((b) => b.id).sort()).toEqual(['park', 'town']);
    expect((await read(zip, { object: 'parks' })).boundaries.map((b) => b.id)).toEqual(['park']);
    expect(await refusal(zip, { object: 'roads' })).toMatch(/^the zip has no shapefile "roads" \(it has "(towns|parks)", "(towns|parks)"\)$/);
  });
});

describe('bad input refuses the whole file, naming the feature and the problem', () => {
  const good = feature(polygon(squareRing(0, 0, 1)), { name: 'Good' }, 'g');

  it('an unclosed ring', async () => {
    const open = feature(polygon([[0, 0], [0, 1], [1, 1], [1, 0]]), { name: 'Open Town' }, 'open');
    expect(await refusal(geoJson(good, open))).toBe(
      'feature 2 (id "open", name "Open Town"): outer ring: the ring is not closed: its last position must repeat its first',
    );
  });

  it('coordinates that are not WGS 84 longitude/latitude', async () => {
    const projected = feature(polygon(squareRing(448_000, 4_605_000, 1000)), { name: 'Projected' });
    expect(await refusal(geoJson(projected))).toMatch(/^feature 1 \(id "projected", name "Projected"\): outer ring, position 1: the position \[448000, 4605000\] is outside .*WGS 84/);
  });

  it('a GeoJSON document declaring another coordinate system', async () => {
    const doc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::26915' } }, features: [good] };
    expect(await refusal(json(doc))).toMatch(/^the file declares the coordinate system "urn:ogc:def:crs:EPSG::26915"; a GeoJSON boundary must be in WGS 84/);
    for (const name of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326', 'urn:ogc:def:crs:EPSG:6.6:4326', 'urn:ogc:def:crs:EPSG::4269']) {
      expect((await read(json({ ...doc, crs: { type: 'name', properties: { name } } }))).boundaries).toHaveLength(1);
    }
    expect(await refusal(json({ ...doc, crs: { type: 'name', properties: { name: 'EPSG:14326' } } }))).toMatch(/^the file declares/);
  });

  it('a shapefile without its .prj', async () => {
    const zip = shapefileZip([{ name: 'noprj', kind: 'polygon', shapes: [[squareRing(0, 0, 1)]], records: [{ NAME: 'A' }] }]);
    expect(await refusal(zip)).toBe('noprj.shp has no .prj beside it, so its coordinate system is unknown: add the .prj that came with the data');
  });

  it('a .prj that is not a coordinate system', async () => {
    const zip = shapefileZip([{ name: 'bad', kind: 'polygon', shapes: [[squareRing(0, 0, 1)]], records: [{ NAME: 'A' }], prj: 'PROJCS["nonsense",' }]);
    expect(await refusal(zip)).toMatch(/^bad\.prj is not a coordinate system proj4 can read: /);
  });

  it('a shapefile without its .dbf', async () => {
    const zip = shapefileZip([{ name: 'nodbf', kind: 'polygon', shapes: [[squareRing(0, 0, 1)]], records: [], prj: WGS84_PRJ, noDbf: true }]);
    expect(await refusal(zip)).toBe('nodbf.shp has no .dbf beside it (the attributes that name each boundary)');
  });

  it('a Point, or a shapefile of lines', async () => {
    const point = feature({ type: 'Point', coordinates: [0, 0] }, { name: 'Spot' });
    expect(await refusal(geoJson(good, point))).toBe('feature 2 (id "spot", name "Spot"): a Point is not a polygon: a boundary must be a Polygon or a MultiPolygon');
    const lines = shapefileZip([{ name: 'roads', kind: 'polyline', shapes: [[[[0, 0], [1, 1]]]], records: [{ NAME: 'Main St' }], prj: WGS84_PRJ }]);
    expect(await refusal(lines)).toBe('feature 1 (id "main-st", name "Main St"): a LineString is not a polygon: a boundary must be a Polygon or a MultiPolygon');
  });

  it('a feature without geometry', async () => {
    expect(await refusal(geoJson(good, feature(null, { name: 'Nowhere' })))).toBe('feature 2 (id "nowhere", name "Nowhere"): the feature has no geometry');
  });

  it('a missing name, or a missing name or id field', async () => {
    const unnamed = feature(polygon(squareRing(0, 0, 1)), { label: 'x', code: 1 }, 'u1');
    expect(await refusal(geoJson(good, unnamed))).toBe(
      'feature 2 (id "u1"): no "name" property; choose the property that names it with --name-field (its properties are label, code)',
    );
    expect(await refusal(geoJson(good), { nameField: 'LABEL' })).toBe('feature 1 (id "g"): no name in property "LABEL" (its properties are name)');
    expect(await refusal(wgs84Shapefile(), { idField: 'FIPS' })).toBe('feature 1 (name "West County"): no id in property "FIPS" (its properties are NAME, GEOID)');
  });

  it('duplicate ids', async () => {
    const twin = feature(polygon(squareRing(5, 5, 1)), { name: 'Twin' }, 'G');
    expect(await refusal(geoJson(good, twin))).toBe(
      'feature 2 (id "g", name "Twin"): the id "g" is also that of feature 1 (name "Good"); ids must be unique in a file (choose a property of unique values with --id-field)',
    );
  });

  it('an id with no letters or digits', async () => {
    expect(await refusal(geoJson(feature(polygon(squareRing(0, 0, 1)), { name: 'A' }, '***')))).toBe('feature 1 (id "***", name "A"): the id "***" has no letters or digits');
  });

  it('an unreadable zip, or a file that is neither zip nor JSON', async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(7)]);
    expect(await refusal(garbage)).toMatch(/^the zip cannot be read: /);
    const truncated = wgs84Shapefile().slice(0, 200);
    expect(await refusal(truncated)).toMatch(/^the zip cannot be read: /);
    expect(await refusal(zipSync({ 'readme.txt': new TextEncoder().encode('hello') }))).toBe('the zip holds no shapefile (.shp)');
    expect(await refusal(new TextEncoder().encode('name,wkt\n'))).toMatch(/^the file is neither a zip nor JSON: /);
    expect(await refusal(json({ type: 'Spreadsheet' }))).toBe('the JSON document is neither GeoJSON nor TopoJSON (its "type" is "Spreadsheet")');
    expect(await refusal(json({ type: 'FeatureCollection', features: [] }))).toBe('the file holds no features');
  });

  it('files, features and vertices beyond the limits', async () => {
    const three = geoJson(good, feature(polygon(squareRing(2, 0, 1)), { name: 'B' }), feature(polygon(squareRing(4, 0, 1)), { name: 'C' }));
    expect(await refusal(three, { limits: { maxBytes: 100 } })).toMatch(/^the file is \d+ bytes, more than the 100 bytes a boundary file may be$/);
    expect(await refusal(three, { limits: { maxFeatures: 2 } })).toBe('the file holds 3 features, more than the 2 an import may have');
    expect(await refusal(three, { limits: { maxVerticesPerFeature: 4 } })).toBe(
      'feature 1 (id "g", name "Good"): 5 vertices, more than the 4 a boundary may have (simplify it first)',
    );
  });

  it('a zip whose shapefiles unpack beyond the size limit (a zip bomb) is refused before unpacking', async () => {
    const zip = shapefileZip([{
      name: 'bomb', kind: 'polygon', shapes: [[squareRing(0, 0, 1)]], records: [{ NAME: 'A', PAD: 'x'.repeat(250) }], prj: WGS84_PRJ,
    }], { 'bomb.cpg': new Uint8Array(200_000).fill(0x20) });
    expect(zip.length).toBeLessThan(5_000);
    expect(await refusal(zip, { limits: { maxBytes: 100_000 } })).toBe("the zip's shapefiles unpack to more than 97.7 KiB");
  });
});
