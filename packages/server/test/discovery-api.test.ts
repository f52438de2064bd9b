/**
 * The discovery API (`/discovery/v1/`) on both dialects: point lookups with and
 * without service lists (local, remote on 127.0.0.1, unreachable, refused as
 * private), the union of services, the registry's endpoints and boundaries,
 * bad input, and XML that says what the JSON says.
 */
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeLookup, decodePointServices, decodeRegistryEndpoint, type LookupAnswer, type PointServices, type Service, type WireEndpoint,
} from '@o311/georeport';
import { dialects } from '../../../test-support/databases.js';
import { buildApp } from '../src/index.js';
import { startServer, type Server } from './support/fixture.js';
import { expectJsonError, expectXmlError, get, json, XML_TYPE } from './support/http.js';
import {
  COUNTY_SERVICES, IN_SPRINGFIELD, IN_STATE_ONLY, NOWHERE, ON_BORDER, seedRegistry, startServiceStub, type ServiceStub,
} from './support/registry.js';

const slugs = (a: LookupAnswer): string[] => a.endpoints.map((e) => e.slug);
const at = (p: { lat: number; long: number }): string => `lat=${p.lat}&long=${p.long}`;

describe.each(dialects)('discovery API (%s)', (dialect) => {
  let s: Server;
  let stub: ServiceStub;
  const base = () => `${s.url}/discovery/v1`;
  /** Springfield's own service list, as GeoReport serves it. */
  const springfieldServices = async (): Promise<Service[]> => json<Service[]>(await get(`${s.url}/open311/v2/services.json`));
  const lookup = async (query: string): Promise<LookupAnswer> => json<LookupAnswer>(await get(`${base()}/lookup.json?${query}`));

  beforeAll(async () => {
    stub = await startServiceStub();
    s = await startServer(dialect, {
      seed: (store) => seedRegistry(store, stub.base),
      options: { discovery: { allowPrivate: true, timeoutMs: 2000 } },
    });
  });
  afterAll(async () => {
    await s?.close();
    await stub?.close();
  });

  it('lists every endpoint covering a point, smallest tier first, retired ones left out', async () => {
    const a = await lookup(at(IN_SPRINGFIELD));
    expect(slugs(a)).toEqual(['springfield', 'sangamon', 'lincoln']);
    expect(a.endpoints[0]).toMatchObject({
      name: 'Springfield 311', tier: 'city', local: true, jurisdiction_id: 'springfield.example', status: 'production',
      contact_email: '311@springfield.example', formats: ['json', 'xml'], boundary_id: 'springfield-city',
      boundary: { id: 'springfield-city', name: 'Springfield', tier: 'city', approximate: true, source: 'drawn for tests' },
    });
    expect(a.endpoints[0]).not.toHaveProperty('services');
    expect(a.endpoints[1]).toMatchObject({ base_url: stub.base, api_key_url: 'https://sangamon.example/keys', status: 'test' });
    expect(stub.calls).toBe(0);
  });

  it('tags a lookup answer, so that a client holding it gets a 304', async () => {
    const a = await get(`${base()}/lookup.json?${at(IN_SPRINGFIELD)}`);
    const etag = a.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    // Another point with the same endpoints: the same answer.
    expect((await get(`${base()}/lookup.json?lat=40.25&long=-89.75`, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(`${base()}/lookup.json?${at(ON_BORDER)}`, { 'if-none-match': etag })).status).toBe(200);
  });

  it('answers a lookup before routing exactly as the route does', async () => {
    for (const [path, headers] of [
      [`lookup.json?${at(ON_BORDER)}`, {}],
      [`lookup.xml?${at(IN_SPRINGFIELD)}&tier=county`, {}],
      [`lookup.json?${at(NOWHERE)}`, { 'accept-encoding': 'gzip' }],
      [`lookup.json?${at(ON_BORDER)}&lat=1`, {}],
    ] as const) {
      const routed = await s.app.inject({ method: 'GET', url: `/discovery/v1/${path}`, headers });
      const early = await fetch(`${base()}/${path}`, { headers });
      expect(early.status, path).toBe(routed.statusCode);
      expect(await early.text(), path).toBe(routed.body);
      for (const name of ['content-type', 'etag', 'cache-control', 'vary', 'access-control-allow-origin']) {
        expect(early.headers.get(name), `${path} ${name}`).toBe(routed.headers[name] ?? null);
      }
    }
  });

  it('answers both sides of a shared border, a tier alone, and an empty list where nothing is', async () => {
    // The two cities are the same size: either may come first.
    const border = slugs(await lookup(at(ON_BORDER)));
    expect(border.slice(0, 2).sort()).toEqual(['shelbyville', 'springfield']);
    expect(border.slice(2)).toEqual(['sangamon', 'lincoln']);
    expect(slugs(await lookup(`${at(ON_BORDER)}&tier=city`)).sort()).toEqual(['shelbyville', 'springfield']);
    expect(slugs(await lookup(at(IN_STATE_ONLY)))).toEqual(['lincoln']);
    const none = await get(`${base()}/lookup.json?${at(NOWHERE)}`);
    expect(none.status).toBe(200);
    expect(json<LookupAnswer>(none).endpoints).toEqual([]);
  });

  it('adds each service list with services=true: local from the store, remote fetched once, unreachable with services_error', async () => {
    const before = stub.calls;
    const a = await lookup(`${at(IN_SPRINGFIELD)}&services=true`);
    const [city, county, state] = a.endpoints;
    expect(city!.services).toEqual(await springfieldServices());
    expect(city!.services).toHaveLength(4);
    expect(city!.services_error).toBeUndefined();
    expect(county!.services).toEqual(COUNTY_SERVICES);
    expect(Date.parse(county!.services_expires!)).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    expect(state).toMatchObject({ slug: 'lincoln' });
    expect(state!.services).toBeUndefined();
    expect(state!.services_error).toMatch(/127\.0\.0\.1:1|ECONNREFUSED|failed/);
    expect(stub.calls).toBe(before + 1);
    await lookup(`${at(IN_SPRINGFIELD)}&services=true`);
    expect(stub.calls).toBe(before + 1);
  });

  it('answers every tier\'s services at a point, each with the endpoint and tier that own it', async () => {
    const p = json<PointServices>(await get(`${base()}/services.json?${at(IN_SPRINGFIELD)}`));
    const own = (await springfieldServices()).map((x) => `city:springfield:${x.service_code}`);
    expect(p.services.map((x) => `${x.tier}:${x.endpoint}:${x.service_code}`)).toEqual([
      ...own, 'county:sangamon:road-damage', 'county:sangamon:culvert',
    ]);
    expect(p.services[4]).toMatchObject({ ...COUNTY_SERVICES[0], endpoint_name: 'Sangamon County Roads' });
    expect(p.unavailable).toEqual([{ endpoint: 'lincoln', tier: 'state', services_error: expect.any(String) }]);
  });

  it('writes XML that is well-formed and says what the JSON says', async () => {
    for (const [path, decode] of [
      [`lookup.{f}?${at(ON_BORDER)}&services=true`, decodeLookup],
      [`services.{f}?${at(IN_SPRINGFIELD)}`, decodePointServices],
      ['endpoints/sangamon.{f}', decodeRegistryEndpoint],
    ] as const) {
      const x = await get(`${base()}/${path.replace('{f}', 'xml')}`);
      const j = await get(`${base()}/${path.replace('{f}', 'json')}`);
      expect(x.type).toBe(XML_TYPE);
      expect(XMLValidator.validate(x.body)).toBe(true);
      // A local list is read afresh for each answer, so its expiry moves between the two: compared without expiries.
      const withoutExpiries = (doc: unknown): unknown => JSON.parse(JSON.stringify(doc, (k, v: unknown) => (k === 'services_expires' ? undefined : v)));
      expect(withoutExpiries(decode(x.body, 'xml'))).toEqual(withoutExpiries(JSON.parse(j.body)));
    }
    const xml = (await get(`${base()}/lookup.xml?${at(IN_SPRINGFIELD)}`)).body;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><lookup><endpoints><endpoint><slug>springfield<\/slug>/);
    expect((await get(`${base()}/lookup.xml?${at(NOWHERE)}`)).body).toBe('<?xml version="1.0" encoding="utf-8"?><lookup><endpoints/></lookup>');
  });

  it('refuses bad input with a 400 listing each problem, in the format asked for', async () => {
    const cases: [string, RegExp][] = [
      ['long=-89.5', /lat is required/],
      ['lat=91&long=0', /lat 91 is outside -90\.\.90/],
      ['lat=0&long=-180.5', /long -180\.5 is outside/],
      ['lat=abc&long=0x10', /lat 'abc' is not a decimal number/],
      ['lat=1e1&long=0', /not a decimal number/],
      ['lat=Infinity&long=0', /not a decimal number/],
      ['lat=40&long=-89&tier=planet', /tier 'planet' is unknown/],
      ['lat=40&long=-89&services=maybe', /services 'maybe' must be true or false/],
    ];
    for (const [query, message] of cases) {
      const items = expectJsonError(await get(`${base()}/lookup.json?${query}`), 400);
      expect(items.map((i) => i.description).join(' '), query).toMatch(message);
    }
    expect(expectJsonError(await get(`${base()}/lookup.json?lat=&long=`), 400)).toHaveLength(2);
    expect(expectXmlError(await get(`${base()}/lookup.xml?lat=x&long=1`), 400).join(' ')).toMatch(/not a decimal/);
    expectJsonError(await get(`${base()}/lookup.yaml?${at(IN_SPRINGFIELD)}`), 400);
    expectJsonError(await get(`${base()}/services.json?lat=1`), 400);
  });

  it('lists the registry\'s endpoints with filters and bounded pages', async () => {
    const list = async (q: string) => json<WireEndpoint[]>(await get(`${base()}/endpoints.json?${q}`)).map((e) => e.slug);
    expect(await list('')).toEqual(['freedonia-old', 'lincoln', 'sangamon', 'shelbyville', 'springfield']);
    expect(await list('tier=city')).toEqual(['shelbyville', 'springfield']);
    expect(await list('status=retired')).toEqual(['freedonia-old']);
    expect(await list('country=fd')).toEqual(['freedonia-old']);
    expect(await list('text=COUNTY')).toEqual(['sangamon']);
    expect(await list('limit=2&offset=1')).toEqual(['lincoln', 'sangamon']);
    for (const q of ['limit=0', 'limit=1001', 'offset=-1', 'tier=moon', 'status=gone', 'country=USA']) {
      expectJsonError(await get(`${base()}/endpoints.json?${q}`), 400);
    }
    const xml = await get(`${base()}/endpoints.xml?tier=state`);
    expect(xml.body).toContain('<endpoints><endpoint><slug>lincoln</slug>');
  });

  it('shows one endpoint with its boundary, and 404s an unknown one', async () => {
    const e = json<WireEndpoint>(await get(`${base()}/endpoints/springfield.json`));
    expect(e).toMatchObject({ slug: 'springfield', boundary: { id: 'springfield-city', tier: 'city' } });
    expect(e.last_check).toBeUndefined();
    await s.store.recordEndpointCheck('springfield', { at: Date.UTC(2026, 0, 2, 3, 4, 5), ok: true, summary: '12 passed' });
    expect(json<WireEndpoint>(await get(`${base()}/endpoints/springfield.json`)).last_check)
      .toEqual({ datetime: '2026-01-02T03:04:05.000Z', ok: true, summary: '12 passed' });
    expect(expectJsonError(await get(`${base()}/endpoints/atlantis.json`), 404)[0]!.description).toMatch(/atlantis/);
    expectXmlError(await get(`${base()}/endpoints/atlantis.xml`), 404);
  });

  it('serves a boundary as a GeoJSON Feature, and 404s an unknown one', async () => {
    const a = await get(`${base()}/boundaries/sangamon-county.geojson`);
    expect(a.status).toBe(200);
    expect(a.type).toBe('application/geo+json');
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    expect(JSON.parse(a.body)).toEqual({
      type: 'Feature',
      id: 'sangamon-county',
      bbox: [-91, 39, -88, 42],
      properties: { name: 'Sangamon County', tier: 'county', approximate: false, source: 'drawn for tests', updated_datetime: expect.any(String) },
      geometry: { type: 'MultiPolygon', coordinates: [[[[-91, 39], [-88, 39], [-88, 42], [-91, 42], [-91, 39]]]] },
    });
    expect((await get(`${base()}/boundaries/sangamon-county.geojson`, { 'if-none-match': a.headers.get('etag')! })).status).toBe(304);
    expectJsonError(await get(`${base()}/boundaries/nowhere.geojson`), 404);
    expectJsonError(await get(`${base()}/boundaries/sangamon-county.kml`), 400);
  });

  it('sees a registry change at the next lookup', async () => {
    const e = await s.store.getEndpoint('lincoln');
    await s.store.saveEndpoint({ ...e!, status: 'retired' });
    expect(slugs(await lookup(at(IN_SPRINGFIELD)))).toEqual(['springfield', 'sangamon']);
    await s.store.saveEndpoint({ ...e!, status: 'production' });
    expect(slugs(await lookup(at(IN_SPRINGFIELD)))).toEqual(['springfield', 'sangamon', 'lincoln']);
    // The same endpoints cover the point, but one of them changed: the answer is not the one kept before.
    await s.store.saveEndpoint({ ...e!, name: 'Lincoln DOT' });
    expect((await lookup(at(IN_SPRINGFIELD))).endpoints[2]!.name).toBe('Lincoln DOT');
    await s.store.saveEndpoint(e!);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await get(`${s.url}/docs/json`));
    for (const path of ['lookup.{format}', 'services.{format}', 'endpoints.{format}', 'endpoints/{file}', 'boundaries/{file}']) {
      expect(doc.paths[`/discovery/v1/${path}`], path).toBeDefined();
    }
  });

  it('refuses to fetch service lists from loopback unless the app allows private addresses', async () => {
    const guarded = await buildApp({ store: s.store, logger: false });
    try {
      const r = await guarded.inject({ method: 'GET', url: `/discovery/v1/lookup.json?${at(IN_SPRINGFIELD)}&services=true` });
      expect(r.statusCode).toBe(200);
      const a = JSON.parse(r.body) as LookupAnswer;
      expect(slugs(a)).toEqual(['springfield', 'sangamon', 'lincoln']);
      expect(a.endpoints[0]!.services).toHaveLength(4);
      expect(a.endpoints[1]!.services).toBeUndefined();
      expect(a.endpoints[1]!.services_error).toMatch(/Refusing to connect to 127\.0\.0\.1: not a public internet address \(loopback\)/);
    } finally {
      await guarded.close();
    }
  });

  it('answers a stale list at once while one refresh runs, then the new list', async () => {
    let clock = Date.now();
    const app = await buildApp({
      store: s.store, logger: false, discovery: { allowPrivate: true, servicesTtlMs: 60_000, now: () => clock },
    });
    const countyOf = async () => {
      const r = await app.inject({ method: 'GET', url: `/discovery/v1/lookup.json?${at(IN_SPRINGFIELD)}&tier=county&services=true` });
      return (JSON.parse(r.body) as LookupAnswer).endpoints[0]!;
    };
    try {
      expect((await countyOf()).services).toEqual(COUNTY_SERVICES);
      const calls = stub.calls;
      const renamed = COUNTY_SERVICES.map((x) => ({ ...x, service_name: `${x.service_name} (new)` }));
      stub.services = renamed;
      clock += 61_000;
      let open!: () => void;
      stub.gate = new Promise<void>((resolve) => (open = resolve));
      const stale = await countyOf();
      expect(stale.services).toEqual(COUNTY_SERVICES);
      expect(Date.parse(stale.services_expires!)).toBeLessThan(clock);
      expect((await countyOf()).services).toEqual(COUNTY_SERVICES);
      await expect.poll(() => stub.calls).toBe(calls + 1);
      open();
      await expect.poll(async () => (await countyOf()).services).toEqual(renamed);
      expect(stub.calls).toBe(calls + 1);
    } finally {
      stub.gate = undefined;
      stub.services = COUNTY_SERVICES;
      await app.close();
    }
  });
});

describe('discovery API lookups without services', () => {
  let s: Server;
  const calls: string[] = [];

  beforeAll(async () => {
    s = await startServer('sqlite', {
      seed: (store) => seedRegistry(store, 'https://county.example/open311/v2/'),
      wrapStore: (store) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            const value: unknown = Reflect.get(target, prop, receiver);
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              calls.push(String(prop));
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        }),
    });
  });
  afterAll(() => s?.close());

  it('read nothing from the store but its data version once the index is built', async () => {
    await get(`${s.url}/discovery/v1/lookup.json?${at(IN_SPRINGFIELD)}`);
    calls.length = 0;
    for (const p of [IN_SPRINGFIELD, ON_BORDER, IN_STATE_ONLY, NOWHERE]) {
      expect((await get(`${s.url}/discovery/v1/lookup.json?${at(p)}`)).status).toBe(200);
    }
    expect(calls).toEqual(['dataVersion', 'dataVersion', 'dataVersion', 'dataVersion']);
  });
});
