/**
 * The federated reader's rules on an in-memory federation (the HTTP path,
 * real upstreams and both formats are in packages/server/test/federated-read.test.ts):
 * who is asked, how answers merge, what is kept, and what is missing.
 */
import { describe, expect, it } from 'vitest';
import { isOpen311Failure, type PublicRequest, type RequestsQuery, type Service, type ServiceDefinition } from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import { FederatedReader } from '../src/federated-reader.js';
import type { Federation, UpstreamQuery, UpstreamReader } from '../src/upstream.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00Z');

const endpoint = (slug: string, tier: Endpoint['tier']): Endpoint => ({
  slug, name: `The ${slug}`, tier, country: 'US', base_url: `https://${slug}.example/v2/`, discovery_url: null, jurisdiction_id: null,
  local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null,
  quirks: null, notes: '', created_at: 0, updated_at: 0, last_check: null,
});

const request = (id: string, code: string, daysAgo: number, status: PublicRequest['status'] = 'open'): PublicRequest => {
  const at = new Date(NOW - daysAgo * DAY).toISOString().replace(/\.000Z$/, '+00:00');
  return {
    service_request_id: id, status, status_notes: null, service_name: code, service_code: code, description: null, agency_responsible: null,
    service_notice: null, requested_datetime: at, updated_datetime: at, expected_datetime: null, address: null, address_id: null,
    zipcode: null, lat: null, long: null, media_url: null,
  };
};

const service = (code: string): Service => ({ service_code: code, service_name: code, description: null, metadata: true, type: 'realtime', keywords: null, group: null });

/** An upstream held in memory: it filters as a GeoReport server does, counts calls, and may fail or stall. */
class MemoryUpstream implements UpstreamReader {
  calls = 0;
  queries: UpstreamQuery[] = [];
  failure: Error | undefined;
  stall = false;

  constructor(
    readonly list: PublicRequest[],
    readonly services: Service[] = [],
    readonly definitions: Record<string, ServiceDefinition> = {},
  ) {}

  async #answer<T>(value: () => T): Promise<T> {
    this.calls++;
    if (this.stall) return new Promise<T>(() => undefined);
    if (this.failure !== undefined) throw this.failure;
    return value();
  }

  serviceDefinition(code: string) {
    return this.#answer(() => this.definitions[code]);
  }

  requests(q: UpstreamQuery) {
    this.queries.push(q);
    return this.#answer(() => this.list
      .filter((r) => (q.ids === undefined ? true : q.ids.includes(r.service_request_id)))
      .filter((r) => q.ids !== undefined || q.service_codes === undefined || q.service_codes.includes(r.service_code))
      .filter((r) => q.ids !== undefined || q.statuses === undefined || q.statuses.includes(r.status))
      .sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime)));
  }

  request(id: string) {
    return this.#answer(() => this.list.find((r) => r.service_request_id === id));
  }
}

function federation(upstreams: Record<string, { endpoint: Endpoint; upstream: MemoryUpstream }>, covering: string[]): Federation {
  return {
    endpoint: async (slug) => upstreams[slug]?.endpoint,
    covering: async () => covering.map((slug) => upstreams[slug]!.endpoint),
    serviceList: async (e) => {
      const u = upstreams[e.slug]!.upstream;
      return u.failure === undefined ? { services: u.services } : { error: u.failure.message };
    },
    upstream: (e) => upstreams[e.slug]!.upstream,
  };
}

const query = (over: Partial<RequestsQuery> = {}): RequestsQuery => ({
  start: NOW - 90 * DAY, end: NOW, page: 1, page_size: 1000, paged: false, extensions: false, ...over,
});

function setup(o: { timeoutMs?: number; maxResults?: number } = {}) {
  const city = new MemoryUpstream(
    [request('1', 'POTHOLE', 1), request('2', 'GRAFFITI', 4, 'closed'), request('3', 'POTHOLE', 6)],
    [service('POTHOLE'), service('GRAFFITI')],
    { POTHOLE: { service_code: 'POTHOLE', attributes: [] } },
  );
  const county = new MemoryUpstream([request('1', 'ROADKILL', 2), request('77', 'ROADKILL', 4)], [service('ROADKILL')]);
  const state = new MemoryUpstream([request('9', 'BRIDGE', 3)], [service('BRIDGE')]);
  const upstreams = {
    city: { endpoint: endpoint('city', 'city'), upstream: city },
    county: { endpoint: endpoint('county', 'county'), upstream: county },
    state: { endpoint: endpoint('state', 'state'), upstream: state },
  };
  const clock = { now: NOW };
  const reader = new FederatedReader(federation(upstreams, ['city', 'county', 'state']), {
    timeoutMs: o.timeoutMs ?? 1000, maxUpstreams: 3, now: () => clock.now, ...(o.maxResults !== undefined && { maxResults: o.maxResults }),
  });
  return { reader, city, county, state, clock };
}

const ids = (list: readonly PublicRequest[]): string[] => list.map((r) => r.service_request_id);
const statusOf = async (p: Promise<unknown>): Promise<number> => {
  try {
    await p;
    return 200;
  } catch (err) {
    if (!isOpen311Failure(err)) throw err;
    return err.status;
  }
};

describe('FederatedReader: search', () => {
  it('merges every covering upstream newest first (ties by id), namespacing ids and codes', async () => {
    const { reader } = setup();
    const a = await reader.requests(query(), { point: { lat: 0, long: 0 } });
    expect(ids(a.items)).toEqual(['city:1', 'county:1', 'state:9', 'city:2', 'county:77', 'city:3']);
    expect(a.items[1]).toMatchObject({ service_code: 'county:ROADKILL' });
    expect([a.total, a.missing]).toEqual([6, []]);
  });

  it('pages the merged list and caps it', async () => {
    const { reader } = setup();
    const page = await reader.requests(query({ paged: true, page: 2, page_size: 4 }), { point: { lat: 0, long: 0 } });
    expect([ids(page.items), page.total]).toEqual([['county:77', 'city:3'], 6]);
    const capped = setup({ maxResults: 2 }).reader;
    expect(ids((await capped.requests(query(), { point: { lat: 0, long: 0 } })).items)).toEqual(['city:1', 'county:1']);
  });

  it('asks only the owners of namespaced codes, each with its own codes, and passes the filters on', async () => {
    const { reader, city, county, state } = setup();
    const a = await reader.requests(query({ service_codes: ['county:ROADKILL', 'city:GRAFFITI', 'POTHOLE', 'atlantis:X'], statuses: ['closed'] }), {});
    expect(ids(a.items)).toEqual(['city:2']);
    expect(city.queries.at(-1)).toMatchObject({ service_codes: ['GRAFFITI'], statuses: ['closed'], start: NOW - 90 * DAY, end: NOW });
    expect(county.queries.at(-1)).toMatchObject({ service_codes: ['ROADKILL'] });
    expect(state.calls).toBe(0);
  });

  it('reads named ids from their owners alone; ids without a known slug find nothing', async () => {
    const { reader, state } = setup();
    const a = await reader.requests(query({ ids: ['county:77', 'city:1', 'city:404', 'nowhere:1', '77'] }), { slug: 'state' });
    expect(ids(a.items)).toEqual(['city:1', 'county:77']);
    expect(state.calls).toBe(0);
  });

  it('answers without a failing or late upstream, naming it', async () => {
    const { reader, county, state } = setup({ timeoutMs: 100 });
    county.failure = new Error('HTTP 503');
    state.stall = true;
    const started = Date.now();
    const a = await reader.requests(query(), { point: { lat: 0, long: 0 } });
    expect(ids(a.items)).toEqual(['city:1', 'city:2', 'city:3']);
    expect(a.missing).toEqual([{ slug: 'county', reason: 'HTTP 503' }, { slug: 'state', reason: 'no answer within 100 ms' }]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a search without a scope or over too many upstreams; an unknown jurisdiction is a 404', async () => {
    const { reader } = setup();
    expect(await statusOf(reader.requests(query(), {}))).toBe(400);
    expect(await statusOf(reader.requests(query({ ids: ['a:1', 'b:1', 'c:1', 'd:1'] }), {}))).toBe(400);
    expect(await statusOf(reader.requests(query(), { slug: 'atlantis' }))).toBe(404);
    expect(ids((await reader.requests(query(), { slug: 'county', point: { lat: 0, long: 0 } })).items)).toEqual(['county:1', 'county:77']);
  });
});

describe('FederatedReader: services, definitions, single requests', () => {
  it('lists the services at a point namespaced with their owner, and names an endpoint without a list', async () => {
    const { reader, state } = setup();
    state.failure = new Error('refused');
    const a = await reader.services({ point: { lat: 0, long: 0 } });
    expect(a.services.map((s) => `${s.service_code} ${s.endpoint} ${s.tier} ${s.endpoint_name}`)).toEqual([
      'city:POTHOLE city city The city', 'city:GRAFFITI city city The city', 'county:ROADKILL county county The county',
    ]);
    expect(a.missing).toEqual([{ slug: 'state', reason: 'refused' }]);
    expect((await reader.services({ slug: 'county' })).services.map((s) => s.service_code)).toEqual(['county:ROADKILL']);
    expect(await statusOf(reader.services({}))).toBe(400);
    expect(await statusOf(reader.services({ slug: 'atlantis' }))).toBe(404);
  });

  it('reads a definition once an hour, namespaced; unknown ones are 404, an upstream that fails is 502 (asked again after a minute)', async () => {
    const { reader, city, county, clock } = setup();
    expect(await reader.serviceDefinition('city:POTHOLE')).toEqual({ service_code: 'city:POTHOLE', attributes: [] });
    await reader.serviceDefinition('city:POTHOLE');
    clock.now += 59 * 60 * 1000;
    await reader.serviceDefinition('city:POTHOLE');
    expect(city.calls).toBe(1);
    for (const name of ['city:NOPE', 'atlantis:POTHOLE', 'POTHOLE', ':POTHOLE', 'city:']) {
      expect(await statusOf(reader.serviceDefinition(name)), name).toBe(404);
    }
    county.failure = new Error('down');
    expect(await statusOf(reader.serviceDefinition('county:ROADKILL'))).toBe(502);
    county.failure = undefined;
    expect(await statusOf(reader.serviceDefinition('county:ROADKILL'))).toBe(502);
    clock.now += 60 * 1000;
    expect(await statusOf(reader.serviceDefinition('county:ROADKILL'))).toBe(404);
  });

  it('reads a request through to its owner, kept for 30 s', async () => {
    const { reader, county, clock } = setup();
    expect(await reader.request('county:77')).toMatchObject({ service_request_id: 'county:77', service_code: 'county:ROADKILL' });
    county.list[1] = { ...county.list[1]!, status: 'closed' };
    expect((await reader.request('county:77')).status).toBe('open');
    clock.now += 30_000;
    expect((await reader.request('county:77')).status).toBe('closed');
    expect(await statusOf(reader.request('county:78'))).toBe(404);
    expect(await statusOf(reader.request('77'))).toBe(404);
  });
});
