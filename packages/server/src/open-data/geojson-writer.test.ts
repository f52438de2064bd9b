import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { geoJsonStream, pointFeature } from './geojson-writer.js';
import { ndjsonStream } from './ndjson-writer.js';

interface Row { id: string; lat: number | null; long: number | null }
async function* pagesOf(...pages: Row[][]): AsyncGenerator<Row[]> {
  for (const p of pages) yield p;
}
const toFeature = (r: Row) => pointFeature(r.lat, r.long, { id: r.id }, r.id);
const rows: Row[][] = [[{ id: '1', lat: 41.9, long: -87.6 }], [], [{ id: '2', lat: null, long: null }, { id: '3', lat: 91, long: 0 }]];

describe('GeoJSON writers', () => {
  it('writes a FeatureCollection with [long, lat] and null geometry without a point', async () => {
    const doc = JSON.parse(await text(geoJsonStream(toFeature, pagesOf(...rows), { members: { name: 'x' } })));
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.name).toBe('x');
    expect(doc.features.map((f: { id: string }) => f.id)).toEqual(['1', '2', '3']);
    expect(doc.features[0].geometry).toEqual({ type: 'Point', coordinates: [-87.6, 41.9] });
    expect(doc.features[1].geometry).toBeNull();
    expect(doc.features[2].geometry).toBeNull();
    expect(JSON.parse(await text(geoJsonStream(toFeature, pagesOf())))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('writes one feature per line as NDJSON', async () => {
    const lines = (await text(ndjsonStream(toFeature, pagesOf(...rows)))).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['1', '2', '3']);
  });
});
