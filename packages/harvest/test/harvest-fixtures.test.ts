/**
 * The harvester against the real responses in /work/shared/fixtures/real,
 * served over HTTP by a tiny node:http server as those cities' endpoints
 * would: lists filtered by requested dates (as each city writes them),
 * updated_after and paging ignored (none of them had those then). Expected
 * figures were counted from the files by hand (ids, statuses, points, dates).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, getProfile, readRequests } from '@o311/client';
import { harvest, parseCursor } from '@o311/harvest';
import { MemorySink, TestClock } from './fake-endpoint.js';

const REAL = '/work/shared/fixtures/real';

interface City {
  quirks: string;
  format: 'json' | 'xml';
  requests: string;
  services?: string;
  /** A moment after its newest request. */
  now: string;
}

const CITIES: Record<string, City> = {
  sanfrancisco: { quirks: 'sanfrancisco', format: 'xml', requests: 'sanfrancisco-requests.xml', services: 'sanfrancisco-services.xml', now: '2012-05-23T12:00:00Z' },
  toronto: { quirks: 'toronto', format: 'xml', requests: 'toronto-requests.xml', now: '2018-07-31T00:00:00Z' },
  chicago: { quirks: 'chicago', format: 'json', requests: 'chicago-requests.json', now: '2014-07-13T00:00:00Z' },
  bloomington: { quirks: 'bloomington', format: 'json', requests: 'bloomington-requests.json', services: 'bloomington-services.json', now: '2012-05-24T00:00:00Z' },
  helsinki: { quirks: 'helsinki', format: 'json', requests: 'helsinki-request.json', now: '2016-03-25T00:00:00Z' },
};

/** The raw items of a list (bytes as saved) with their requested time, so that a window is answered in the city's own format. */
function itemsOf(city: City): { raw: string; at: number }[] {
  const body = readFileSync(`${REAL}/${city.requests}`, 'utf8');
  const profile = getProfile(city.quirks);
  const read = readRequests(body, city.format, { ...(profile.timezone !== undefined && { timezone: profile.timezone }) }).value;
  const raws = city.format === 'xml'
    ? [...body.matchAll(/<request>[\s\S]*?<\/request>/g)].map((m) => m[0])
    : ((v: unknown) => (Array.isArray(v) ? v : [v]).map((x) => JSON.stringify(x)))(JSON.parse(body));
  expect(raws).toHaveLength(read.length);
  return raws.map((raw, i) => ({ raw, at: Date.parse(read[i]!.requested_datetime!) }));
}

function listBody(city: City, items: string[]): string {
  if (city.format === 'json') return `[${items.join(',')}]`;
  const head = readFileSync(`${REAL}/${city.requests}`, 'utf8').match(/^[\s\S]*?<service_requests[^>]*>/)![0];
  return `${head}${items.join('')}</service_requests>`;
}

let server: http.Server;
let origin: string;
const seen: http.IncomingHttpHeaders[] = [];
const asked: URL[] = [];

beforeAll(async () => {
  const items = Object.fromEntries(Object.entries(CITIES).map(([name, city]) => [name, itemsOf(city)]));
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    const url = new URL(req.url ?? '/', 'http://x');
    asked.push(url);
    const [, name, ...rest] = url.pathname.split('/');
    const city = CITIES[name ?? ''];
    const path = rest.join('/');
    if (city === undefined) return void res.writeHead(404).end();
    const type = city.format === 'xml' ? 'text/xml' : 'application/json';
    if (path === `open311/v2/services.${city.format}`) {
      if (city.services === undefined) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return void res.writeHead(200, { 'content-type': type }).end(readFileSync(`${REAL}/${city.services}`));
    }
    if (path !== `open311/v2/requests.${city.format}`) return void res.writeHead(404).end();
    // Servers bound dates inclusively, to the second.
    const start = Date.parse(url.searchParams.get('start_date') ?? '1970-01-01T00:00:00Z');
    const end = Date.parse(url.searchParams.get('end_date') ?? '2100-01-01T00:00:00Z') + 999;
    const inWindow = items[name!]!.filter((i) => i.at >= start && i.at <= end).map((i) => i.raw);
    res.writeHead(200, { 'content-type': type }).end(listBody(city, inWindow));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function harvestCity(name: string) {
  const city = CITIES[name]!;
  const sink = new MemorySink();
  const clock = new TestClock(Date.parse(city.now));
  const outcome = await harvest({
    target: { url: `${origin}/${name}/open311/v2/`, jurisdictionId: null, formats: [city.format], quirks: city.quirks },
    cursor: null,
    sink,
    transport: createTransport(),
    allowPrivate: true,
    options: { spacingMs: 0 },
    clock,
  });
  return { outcome, sink, facts: [...sink.facts.values()] };
}

const at = (iso: string): number => Date.parse(iso);

describe('harvest: real fixtures served over HTTP', () => {
  it('San Francisco (XML, Open/Closed, local times with fractions, 0.0 points, 56 requests over a cap of 50)', async () => {
    const { outcome, sink, facts } = await harvestCity('sanfrancisco');
    expect(outcome).toMatchObject({ caughtUp: true, error: null, requests: 56 });
    expect(facts).toHaveLength(56);
    expect(facts.filter((f) => f.status === 'closed').map((f) => f.request_id).sort()).toEqual(['1129684', '1129720', '1129724', '1129755']);
    expect(facts.filter((f) => f.lat === null)).toHaveLength(9);
    expect(sink.facts.get('1129806')).toMatchObject({
      status: 'open', detailed_status: 'open', // `2012-05-22 23:57:23.97`, Pacific time; the client keeps whole seconds. No updated_datetime (xsi:nil): its request time.
      requested_at: at('2012-05-23T06:57:23Z'), updated_at: at('2012-05-23T06:57:23Z'),
      closed_at: null, expected_at: at('2012-05-31T15:30:00Z'), lat: null, long: null, service_code: '280', service_group: null,
      address: 'SAN FRANCISCO , CA', description: null,
    });
    expect(sink.facts.get('1129755')).toMatchObject({ status: 'closed', closed_at: at('2012-05-23T05:27:21Z'), lat: 37.738567, long: -122.49258 });
    for (const f of facts.filter((x) => x.service_code === '006')) expect(f.service_group).toBe('Tree Maintenance');
    expect(facts.some((f) => f.service_code === '006')).toBe(true);
    // The cap of 50 made the day's window shrink until each part held fewer.
    const windows = asked.filter((u) => u.pathname.startsWith('/sanfrancisco/') && u.searchParams.has('end_date'))
      .map((u) => Date.parse(u.searchParams.get('end_date')!) - Date.parse(u.searchParams.get('start_date')!));
    expect(Math.min(...windows)).toBeLessThanOrEqual(12 * 3600 * 1000);
    expect(parseCursor(sink.cursor)).toMatchObject({ backfilled: true, sweep: null });
  });

  it('Toronto (XML, empty updated_datetime, long before lat)', async () => {
    const { outcome, facts } = await harvestCity('toronto');
    expect(outcome).toMatchObject({ caughtUp: true, error: null, requests: 2 });
    expect(facts.map((f) => f.request_id).sort()).toEqual(['101005420892', '101005420894']);
    expect(facts[0]).toMatchObject({ status: 'open', requested_at: at('2018-07-30T04:01:00Z'), updated_at: at('2018-07-30T04:01:00Z'), closed_at: null, expected_at: at('2018-08-03T04:01:00Z') });
    const pothole = facts.find((f) => f.request_id === '101005420892')!;
    expect(pothole).toMatchObject({ lat: 43.691104288, long: -79.272306875, service_code: 'CSROWR-12', service_name: 'Road - Pot hole' });
  });

  it('Chicago (JSON omitting empty fields, hex service codes; no service list)', async () => {
    const { outcome, facts } = await harvestCity('chicago');
    expect(outcome).toMatchObject({ caughtUp: true, error: null, requests: 2 });
    expect(facts.find((f) => f.request_id === '14-01100669')).toMatchObject({
      status: 'open', requested_at: at('2014-07-12T15:58:43Z'), updated_at: at('2014-07-12T16:08:21Z'),
      service_code: '4ffa9cad6018277d4000007b', service_name: 'Alley Light Out', service_group: null, description: null, lat: 41.858724777757864,
    });
  });

  it('Bloomington (JSON, null and 0 points, groups from its service list)', async () => {
    const { outcome, sink, facts } = await harvestCity('bloomington');
    expect(outcome).toMatchObject({ caughtUp: true, error: null, requests: 21 });
    expect(facts.filter((f) => f.status === 'closed')).toHaveLength(3);
    expect(facts.filter((f) => f.lat !== null)).toHaveLength(13);
    expect(sink.facts.get('4fbd40b2b1fe2c4b02000001')).toMatchObject({
      service_group: 'Streets, Parking & Traffic', requested_at: at('2012-05-23T19:55:28Z'), updated_at: at('2012-05-23T19:55:30Z'), lat: null,
    });
    expect(sink.facts.get('4fbd2b76b1fe2c195f000000')).toMatchObject({ lat: null, long: null });
  });

  it('Helsinki (one bare object, string and swapped coordinates, empty service_name, names in status notes kept out)', async () => {
    const { outcome, facts } = await harvestCity('helsinki');
    expect(outcome).toMatchObject({ caughtUp: true, error: null, requests: 1 });
    expect(facts[0]).toMatchObject({
      request_id: '3qp16kaphhsc78uc422l', status: 'closed', closed_at: at('2016-03-24T14:06:40Z'), requested_at: at('2016-03-22T11:27:16Z'),
      lat: 60.451667, long: 22.266944, service_code: '584', service_name: '584',
    });
    expect(JSON.stringify(facts)).not.toMatch(/Katja|Lappi/);
  });

  it('names itself o311 in every call', () => {
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((h) => /^o311-harvest\//.test(h['user-agent'] ?? ''))).toBe(true);
  });
});
