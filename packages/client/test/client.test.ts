/**
 * Every client method against o311's own server (Riverton, 300 requests, SQLite) in both
 * formats: a conforming server must be read without a single warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, type Format } from '@o311/georeport';
import { DEMO_SERVICES } from '@o311/demo';
import { Open311Client, type ClientOptions } from '../src/client.js';
import { NetworkError, Open311Error, ResponseReadError } from '../src/errors.js';
import { createTransport } from '../src/http/transport.js';
import { startO311, type O311Server } from './support/o311-server.js';
import { sendJson, startFakeServer } from './support/fake-server.js';
import { PNG } from './support/png.js';

const DAY = 86_400_000;
/** The demo history ends here; the tests' own submissions come later. */
const HISTORY_END = Date.now() - 60 * 60_000;

let o311: O311Server;
beforeAll(async () => {
  o311 = await startO311({ requests: 300, now: HISTORY_END });
});
afterAll(() => o311.close());

const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );

describe.each(FORMATS)('every method, %s', (format: Format) => {
  let client: Open311Client;
  const make = (over: Partial<ClientOptions> = {}) =>
    new Open311Client({
      baseUrl: o311.baseUrl,
      format,
      jurisdictionId: o311.jurisdictionId,
      apiKey: o311.apiKey,
      allowPrivate: true,
      ...over,
    });
  beforeAll(() => {
    client = make();
  });

  it('discovery: next to the endpoint by default', async () => {
    const a = await client.discovery();
    expect(a.exchange.request.url).toBe(o311.discoveryUrl(format));
    expect(a.warnings).toEqual([]);
    expect(a.data.endpoints[0]).toMatchObject({ url: o311.baseUrl, type: 'production' });
    expect(a.data.endpoints[0]?.formats).toEqual(['text/xml', 'application/json']);
  });

  it('fromDiscovery: the production endpoint, in its preferred (first listed) format unless told', async () => {
    const found = await Open311Client.fromDiscovery(o311.discoveryUrl(format), { allowPrivate: true });
    expect(found.options).toMatchObject({ baseUrl: o311.baseUrl, format: 'xml' });
    const chosen = await Open311Client.fromDiscovery(o311.discoveryUrl(format), {
      allowPrivate: true,
      format: 'json',
      type: 'test',
    });
    expect(chosen.options).toMatchObject({ baseUrl: o311.baseUrl, format: 'json' });
    expect((await chosen.services()).data.length).toBe(DEMO_SERVICES.length);
  });

  it('services, translated with locale', async () => {
    const a = await client.services();
    expect(a.warnings).toEqual([]);
    expect(a.data.map((s) => s.service_code).sort()).toEqual(DEMO_SERVICES.map((s) => s.code).sort());
    expect(a.data.find((s) => s.service_code === 'GRAFFITI')).toMatchObject({ type: 'batch', metadata: true });
    expect(a.exchange.request.url).toContain(`jurisdiction_id=${o311.jurisdictionId}`);
    const es = await client.services({ locale: 'es' });
    expect(es.data.find((s) => s.service_code === 'GRAFFITI')?.service_name).toBe('Eliminación de grafiti');
  });

  it('serviceDefinition; an unknown code is an Open311Error 404 with the server’s words', async () => {
    const a = await client.serviceDefinition('POTHOLE');
    expect(a.warnings).toEqual([]);
    expect(a.data.service_code).toBe('POTHOLE');
    expect(a.data.attributes.find((x) => x.code === 'SIZE')).toMatchObject({ datatype: 'singlevaluelist', required: true });
    const err = await rejection(client.serviceDefinition('NO_SUCH'));
    expect(err).toBeInstanceOf(Open311Error);
    expect(err).toMatchObject({ status: 404 });
    expect((err as Open311Error).errors[0]).toMatchObject({ code: 404, description: expect.stringContaining('NO_SUCH') });
    expect((err as Open311Error).message).toContain('HTTP 404');
  });

  it('submit (urlencoded) → receipt → request(id)', async () => {
    const receipt = await client.submit({
      service_code: 'POTHOLE',
      lat: 41.5868,
      long: -93.625,
      attributes: { LOCATION: 'travel_lane', SIZE: 'large' },
      description: 'Deep hole, café corner & 5th',
      email: 'reporter@private.example',
    });
    expect(receipt.warnings).toEqual([]);
    expect(receipt.exchange.request.headers?.['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    const id = receipt.data[0]?.service_request_id ?? '';
    expect(id).toMatch(/\S/);
    const one = await client.request(id);
    expect(one.warnings).toEqual([]);
    expect(one.data).toMatchObject({
      service_request_id: id,
      service_code: 'POTHOLE',
      status: 'open',
      description: 'Deep hole, café corner & 5th',
      lat: 41.5868,
      long: -93.625,
    });
  });

  it('submit a multivaluelist as attribute[CODE][] and read it back with extensions', async () => {
    const receipt = await client.submit({
      service_code: 'MISSED_COLLECTION',
      address_string: '12 Elm St',
      attributes: { CONTAINERS: ['trash', 'recycling'], COLLECTION_DATE: '2025-06-02', SET_OUT: 'yes' },
    });
    const id = receipt.data[0]?.service_request_id ?? '';
    const a = await client.requests({ service_request_id: [id], extensions: true });
    expect(a.data).toHaveLength(1);
    // extended_attributes are passed on untyped, in each format's own shape.
    expect(JSON.stringify(a.data[0]?.extended_attributes)).toMatch(/"CONTAINERS".*"trash","recycling"/);
  });

  it('submit with a photo goes multipart; the media is stored and served', async () => {
    const receipt = await client.submit({
      service_code: 'POTHOLE',
      address_string: '1 Main St',
      attributes: { LOCATION: 'alley', SIZE: 'small' },
      media: [{ filename: 'hole.png', contentType: 'image/png', data: PNG }],
    });
    expect(receipt.exchange.request.headers?.['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const id = receipt.data[0]?.service_request_id ?? '';
    const one = await client.request(id);
    const mediaUrl = one.data?.media_url ?? '';
    expect(mediaUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open311\/v2\/media\//);
    const media = await createTransport({ allowPrivate: true })({ method: 'GET', url: mediaUrl });
    expect(media.response.status).toBe(200);
    expect(media.response.headers['content-type']).toBe('image/png');
    expect(media.response.size).toBe(PNG.length);
  });

  it('api_key: missing or wrong is an Open311Error 403, and a POST is not retried', async () => {
    for (const apiKey of [undefined, 'wrong-key']) {
      const err = await rejection(
        make({ apiKey }).submit({ service_code: 'POTHOLE', address_string: '1 Main St', attributes: { LOCATION: 'alley', SIZE: 'small' } }),
      );
      expect(err).toBeInstanceOf(Open311Error);
      expect((err as Open311Error).status).toBe(403);
    }
  });

  it('jurisdiction_id: an unknown one is a 404; the only one may be left out', async () => {
    const err = await rejection(make({ jurisdictionId: 'atlantis.example' }).services());
    expect(err).toMatchObject({ status: 404 });
    const anon = await make({ jurisdictionId: undefined }).services();
    expect(anon.exchange.request.url).not.toContain('jurisdiction_id');
    expect(anon.data.length).toBe(DEMO_SERVICES.length);
  });

  it('requests: filters as comma lists and W3C dates', async () => {
    const end = new Date(HISTORY_END);
    const start = new Date(HISTORY_END - 60 * DAY);
    const a = await client.requests({ service_code: ['POTHOLE', 'GRAFFITI'], status: 'closed', start_date: start, end_date: end });
    expect(a.warnings).toEqual([]);
    expect(a.exchange.request.url).toContain('service_code=POTHOLE,GRAFFITI');
    expect(a.data.length).toBeGreaterThan(0);
    for (const r of a.data) {
      expect(['POTHOLE', 'GRAFFITI']).toContain(r.service_code);
      expect(r.status).toBe('closed');
      const t = Date.parse(r.requested_datetime ?? '');
      expect(t).toBeGreaterThanOrEqual(start.getTime());
      expect(t).toBeLessThanOrEqual(end.getTime());
    }
    const two = a.data.slice(0, 2).map((r) => r.service_request_id ?? '');
    const byId = await client.requests({ service_request_id: two });
    expect(byId.data.map((r) => r.service_request_id).sort()).toEqual([...two].sort());
  });

  it('request(id) of an unknown id is an Open311Error 404', async () => {
    expect(await rejection(client.request('999999999'))).toMatchObject({ status: 404 });
  });

  it('updates (mySociety) in a range', async () => {
    const a = await client.updates({ start_date: new Date(HISTORY_END - 30 * DAY), end_date: new Date(HISTORY_END) });
    expect(a.warnings).toEqual([]);
    expect(a.data.length).toBeGreaterThan(0);
    expect(a.data[0]).toMatchObject({ update_id: expect.any(String), service_request_id: expect.any(String) });
  });
});

describe('allRequests over the demo city', () => {
  const range = { start: new Date(HISTORY_END - 400 * DAY), end: new Date(HISTORY_END + 1000) };
  const collect = async (options: Partial<ClientOptions>): Promise<string[]> => {
    const client = new Open311Client({ baseUrl: o311.baseUrl, jurisdictionId: o311.jurisdictionId, allowPrivate: true, ...options });
    const warnings: unknown[] = [];
    const ids: string[] = [];
    for await (const r of client.allRequests(range, (w) => warnings.push(w))) ids.push(r.service_request_id ?? '');
    expect(warnings).toEqual([]);
    return ids;
  };

  it('yields all 300 requests once: in 90-day spans, by pages, and by halving windows', async () => {
    const plain = await collect({});
    expect(plain).toHaveLength(300);
    expect(new Set(plain).size).toBe(300);
    const paged = await collect({ profile: { name: 'paged', maxResults: 50, paging: 'page' } });
    expect([...paged].sort()).toEqual([...plain].sort());
    const windows = await collect({ format: 'xml', profile: { name: 'capped', maxResults: 50, paging: 'window' } });
    expect([...windows].sort()).toEqual([...plain].sort());
  });
});

describe('fromDiscovery on a city with several endpoints', () => {
  const endpoint = (type: string, url: string, formats: string[], specification = 'http://wiki.open311.org/GeoReport_v2') => ({
    specification,
    url,
    changeset: '2025-01-01T00:00:00Z',
    type,
    formats,
  });
  const document = (endpoints: unknown[]) => ({ changeset: '2025-01-01 00:00', contact: 'c', key_service: 'k', endpoints });

  it('picks the wanted type among GeoReport v2 endpoints, resolving a relative url, in the endpoint’s first format', async () => {
    const s = await startFakeServer((req, res) => {
      if (req.url.pathname === '/none/discovery.json') {
        return sendJson(res, 200, document([endpoint('production', '/v1/', ['text/xml'], 'http://wiki.open311.org/GeoReport_v1')]));
      }
      sendJson(
        res,
        200,
        document([
          endpoint('test', 'https://test.city.example/open311/v2/', ['text/xml', 'application/json']),
          endpoint('production', '/open311/v2/', ['application/json', 'text/xml']),
        ]),
      );
    });
    try {
      const production = await Open311Client.fromDiscovery(`${s.origin}/open311/discovery.json`, { allowPrivate: true });
      expect(production.options).toMatchObject({ baseUrl: `${s.origin}/open311/v2/`, format: 'json' });
      const test = await Open311Client.fromDiscovery(`${s.origin}/open311/discovery.json`, { allowPrivate: true, type: 'test' });
      expect(test.options).toMatchObject({ baseUrl: 'https://test.city.example/open311/v2/', format: 'xml' });
      const err = await rejection(Open311Client.fromDiscovery(`${s.origin}/none/discovery.json`, { allowPrivate: true }));
      expect(err).toBeInstanceOf(ResponseReadError);
      expect((err as ResponseReadError).path).toBe('endpoints');
      expect(await rejection(Open311Client.fromDiscovery('discovery.json'))).toMatchObject({ kind: 'bad-url' });
    } finally {
      await s.close();
    }
  });
});

describe('failures the client names', () => {
  it('a truncated answer is a NetworkError too-large', async () => {
    const client = new Open311Client({
      baseUrl: o311.baseUrl,
      jurisdictionId: o311.jurisdictionId,
      transport: createTransport({ allowPrivate: true, maxBytes: 200 }),
    });
    const err = await rejection(client.services());
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ kind: 'too-large' });
  });

  it('without allowPrivate the local server is refused', async () => {
    const err = await rejection(new Open311Client({ baseUrl: o311.baseUrl }).services());
    expect(err).toMatchObject({ kind: 'private-address' });
    expect((err as Error).message).toContain('allowPrivate');
  });

  it('a 2xx body that is no GeoReport document is a ResponseReadError', async () => {
    const s = await startFakeServer((_req, res) => sendJson(res, 200, { hello: 'world' }));
    try {
      const err = await rejection(new Open311Client({ baseUrl: `${s.origin}/`, allowPrivate: true }).services());
      expect(err).toBeInstanceOf(ResponseReadError);
      expect((err as ResponseReadError).exchange.response.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('an HTML error page still gives an Open311Error with the status', async () => {
    const s = await startFakeServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not Found</h1></body></html>');
    });
    try {
      const err = await rejection(new Open311Client({ baseUrl: `${s.origin}/`, allowPrivate: true, retries: 0 }).services());
      expect(err).toBeInstanceOf(Open311Error);
      expect((err as Open311Error).status).toBe(404);
      expect((err as Open311Error).errors.length).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });
});
