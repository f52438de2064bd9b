/** The Nominatim client against a local fake service: the query it sends, timeouts, bad answers, refused addresses, spacing, the composite. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompositeGeocoder, GeocoderError, NominatimGeocoder, Throttle, type GeocodeCandidate, type Geocoder, type NominatimOptions } from '@o311/geocoder';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base: string;
let handler: Handler = (_req, res) => res.end('[]');
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nominatim/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const PLACES = [
  { lat: '41.5868', lon: '-93.625', display_name: '100 Main St, Riverton', category: 'place', type: 'house', addresstype: 'house', importance: 0.4 },
  { lat: '41.59', lon: '-93.62', display_name: 'Main St, Riverton', category: 'highway', type: 'residential', addresstype: 'road', importance: 0.3 },
  { lat: 'x', lon: '1', display_name: 'no point' },
  { lat: '1', lon: '1' },
];

const client = (over: Partial<NominatimOptions> = {}) =>
  new NominatimGeocoder({ baseUrl: base, userAgent: 'o311-test (https://311.example)', checkAddress: async () => undefined, minIntervalMs: 0, ...over });

const query = { text: '100 Main St', jurisdiction_id: 'j', limit: 3, language: 'es', viewbox: { west: -94, south: 41, east: -93, north: 42 } };

describe('NominatimGeocoder', () => {
  it('sends the jsonv2 search with limit, viewbox, language and User-Agent, and reads the places', async () => {
    handler = (_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(PLACES));
    const found = await client().search(query);
    const req = seen.at(-1)!;
    const url = new URL(req.url!, base);
    expect(url.pathname).toBe('/nominatim/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'jsonv2', q: '100 Main St', limit: '3', viewbox: '-94,42,-93,41', bounded: '1', 'accept-language': 'es',
    });
    expect(req.headers['user-agent']).toBe('o311-test (https://311.example)');
    expect(found).toEqual([
      { label: '100 Main St, Riverton', lat: 41.5868, long: -93.625, kind: 'address', score: 0.4, source: 'external' },
      { label: 'Main St, Riverton', lat: 41.59, long: -93.62, kind: 'street', score: 0.3, source: 'external' },
    ]);
  });

  it('gives up after its timeout', async () => {
    handler = () => undefined; // never answers
    await expect(client({ timeoutMs: 100 }).search(query)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('refuses an answer that is not JSON, not a list, not 200 or too large', async () => {
    const cases: Array<[Handler, RegExp]> = [
      [(_q, res) => res.end('<html>oops</html>'), /other than JSON/],
      [(_q, res) => res.end('{"error":"x"}'), /list of places/],
      [(_q, res) => res.writeHead(503).end('[]'), /HTTP 503/],
      [(_q, res) => res.writeHead(302, { location: 'http://10.0.0.1/' }).end(), /HTTP 302/],
      [(_q, res) => res.end(`[${'"x",'.repeat(1000)}"x"]`), /larger than 100 bytes/],
    ];
    for (const [h, message] of cases) {
      handler = h;
      const e = await client({ maxBytes: 100 }).search(query).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(GeocoderError);
      expect(e).toMatchObject({ kind: 'bad-response', message: expect.stringMatching(message) });
    }
  });

  it('asks nothing of an address the caller refuses', async () => {
    const before = seen.length;
    const refusing = client({ checkAddress: async (url) => (url.hostname === '127.0.0.1' ? '127.0.0.1 is a loopback address' : undefined) });
    await expect(refusing.search(query)).rejects.toMatchObject({ kind: 'refused-address', message: '127.0.0.1 is a loopback address' });
    expect(seen.length).toBe(before);
  });

  it('reports a service that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(client({ baseUrl: `http://127.0.0.1:${port}/` }).search(query)).rejects.toMatchObject({ kind: 'connection' });
  });
});

describe('Throttle', () => {
  it('spaces calls one interval apart and refuses one that would wait too long', async () => {
    let now = 1000;
    const waits: number[] = [];
    const t = new Throttle({ intervalMs: 1000, maxWaitMs: 1500, now: () => now, sleep: async (ms) => void waits.push(ms) });
    await t.turn();
    await t.turn();
    await expect(t.turn()).rejects.toMatchObject({ kind: 'rate-limited' });
    now += 5000;
    await t.turn();
    expect(waits).toEqual([1000]);
  });
});

describe('CompositeGeocoder', () => {
  const fixed = (c: GeocodeCandidate[]): Geocoder => ({ search: async () => c });
  const failing: Geocoder = { search: async () => { throw new GeocoderError('timeout', 'slow'); } };
  const own = (score: number): GeocodeCandidate => ({ label: 'own', lat: 1, long: 1, kind: 'address', score, source: 'gazetteer' });
  const ext: GeocodeCandidate = { label: 'ext', lat: 2, long: 2, kind: 'address', score: 1, source: 'external' };
  const q = { text: 'x', jurisdiction_id: 'j' };

  it('keeps a good gazetteer answer without asking the external service', async () => {
    expect(await new CompositeGeocoder(fixed([own(1)]), failing).search(q)).toEqual([own(1)]);
  });

  it('adds the external answer below a weak gazetteer one, and survives its failure', async () => {
    expect((await new CompositeGeocoder(fixed([own(0.6)]), fixed([ext])).search(q)).map((c) => c.label)).toEqual(['ext', 'own']);
    const errors: unknown[] = [];
    expect(await new CompositeGeocoder(fixed([own(0.6)]), failing, (e) => errors.push(e)).search(q)).toEqual([own(0.6)]);
    expect(errors).toHaveLength(1);
  });
});
