/**
 * The federated endpoint's read side (issue 11) on both dialects, against real
 * upstreams: two o311 servers (a county read as XML only, a utility read
 * with a quirk profile), a state endpoint that never answers, and the
 * router's own city read in process. Both formats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServices } from '@o311/client';
import {
  decodeOfferedServices, decodeRequests, decodeServiceDefinition, type OfferedService, type PublicRequest, type ServiceDefinition,
} from '@o311/georeport';
import { MISSING_ENDPOINTS_HEADER, parseMissingEndpoints } from '@o311/router';
import { dialects } from '../../../test-support/databases.js';
import { COUNTY_SERVICES, IN_ALL, IN_STATE, NOWHERE, OUTSIDE_CITY, at, startFederation, type Federation } from './support/federation.js';
import { expectJsonError, expectXmlError, get, json, XML_TYPE, type Answer } from './support/http.js';

const codes = (list: readonly { service_code: string }[]): string[] => list.map((s) => s.service_code);
const missingOf = (a: Answer): string[] => parseMissingEndpoints(a.headers.get(MISSING_ENDPOINTS_HEADER));

describe.each(dialects)('federated endpoint, read side (%s)', (dialect) => {
  let f: Federation;
  const base = () => `${f.router.url}/federated/open311/v2`;
  const services = async (query: string): Promise<OfferedService[]> => json<OfferedService[]>(await get(`${base()}/services.json?${query}`));
  const requests = async (query: string): Promise<PublicRequest[]> => json<PublicRequest[]>(await get(`${base()}/requests.json?${query}`));
  /** An upstream's own service codes, in its order, namespaced. */
  const own = async (slug: 'springfield' | 'sangamon'): Promise<string[]> => {
    const origin = slug === 'springfield' ? f.router.url : f.county.url;
    return codes(json<OfferedService[]>(await get(`${origin}/open311/v2/services.json`))).map((c) => `${slug}:${c}`);
  };
  /** The federated id of a seeded request. */
  const idOf = (slug: string, daysAgo: number): string => `${slug}:${f.seeded.find((s) => s.slug === slug && s.daysAgo === daysAgo)!.id}`;

  beforeAll(async () => {
    f = await startFederation(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });

  describe('GET services', () => {
    it('lists every covering endpoint\'s services at a point in the overlap, namespaced, smallest tier first', async () => {
      const a = await get(`${base()}/services.json?${at(IN_ALL)}`);
      expect(a.headers.get(MISSING_ENDPOINTS_HEADER)).toBeNull();
      const list = json<OfferedService[]>(a);
      expect(codes(list)).toEqual([...(await own('springfield')), 'lincoln-water:LEAK', ...(await own('sangamon'))]);
      expect(codes(list).sort()).toEqual([
        'lincoln-water:LEAK', 'sangamon:CULVERT', 'sangamon:ROADKILL',
        'springfield:graffiti', 'springfield:noise', 'springfield:pothole', 'springfield:trash.bulk',
      ]);
      expect(list.find((s) => s.service_code === 'sangamon:ROADKILL')).toEqual({
        service_code: 'sangamon:ROADKILL', service_name: 'Dead animal on a county road', description: null, metadata: true,
        type: 'realtime', keywords: null, group: 'Roads', endpoint: 'sangamon', endpoint_name: 'Sangamon County Roads', tier: 'county',
      });
      expect(list.find((s) => s.service_code === 'lincoln-water:LEAK')).toMatchObject({ type: 'batch', group: 'Water', tier: 'utility' });
    });

    it('says the same in XML, which a plain v2 client still reads as a service list', async () => {
      const a = await get(`${base()}/services.xml?${at(IN_ALL)}&unknown=ignored`);
      expect(a.status).toBe(200);
      expect(a.type).toBe(XML_TYPE);
      expect(decodeOfferedServices(a.body, 'xml')).toEqual(await services(at(IN_ALL)));
      const plain = readServices(a.body, 'xml').value;
      expect(codes(plain)).toEqual(codes(await services(at(IN_ALL))));
      expect(plain.find((x) => x.service_code === 'springfield:pothole')).toMatchObject({ service_name: 'Pothole', group: 'Streets' });
    });

    it('lists only the endpoints covering a point outside the city', async () => {
      expect(codes(await services(at(OUTSIDE_CITY)))).toEqual(['lincoln-water:LEAK', ...(await own('sangamon'))]);
      expect(await services(at(NOWHERE))).toEqual([]);
    });

    it('names an endpoint whose list cannot be had, and still answers the others', async () => {
      const a = await get(`${base()}/services.json?${at(IN_STATE)}`);
      expect(codes(json<OfferedService[]>(a))).toEqual(await own('sangamon'));
      expect(missingOf(a)).toEqual(['lincoln']);
      expect(a.headers.get(MISSING_ENDPOINTS_HEADER)).toMatch(/^lincoln;reason="[^"]+"$/);
      expect(a.headers.get('access-control-expose-headers')).toContain('X-Open311-Missing-Endpoints');
    });

    it('answers one endpoint\'s services for jurisdiction_id = its slug, 404 for an unknown slug', async () => {
      expect(codes(await services('jurisdiction_id=sangamon'))).toEqual(await own('sangamon'));
      expectJsonError(await get(`${base()}/services.json?jurisdiction_id=nowhere-land`), 404);
      expectXmlError(await get(`${base()}/services.xml?jurisdiction_id=nowhere-land`), 404);
    });

    it('answers 400 without a location, and for a bad or half location', async () => {
      const [missing] = expectJsonError(await get(`${base()}/services.json`), 400);
      expect(missing!.description).toMatch(/lat and long/);
      expect(expectXmlError(await get(`${base()}/services.xml`), 400)[0]).toMatch(/jurisdiction_id/);
      expectJsonError(await get(`${base()}/services.json?lat=91&long=0`), 400);
      expectJsonError(await get(`${base()}/services.json?lat=40.5&long=east`), 400);
      expectJsonError(await get(`${base()}/services.json?lat=40.5`), 400);
      expectXmlError(await get(`${base()}/services.yaml?${at(IN_ALL)}`), 404);
    });
  });

  describe('GET service definition', () => {
    it('reads the owner\'s definition, namespaced, attribute codes unchanged, in both formats', async () => {
      const a = json<ServiceDefinition>(await get(`${base()}/services/sangamon:ROADKILL.json`));
      expect(a.service_code).toBe('sangamon:ROADKILL');
      expect(a.attributes).toEqual([expect.objectContaining({ code: 'SPECIES', datatype: 'singlevaluelist', required: true })]);
      expect(a.attributes[0]!.values).toEqual([{ key: 'deer', name: 'Deer' }, { key: 'other', name: 'Something else' }]);
      const x = await get(`${base()}/services/sangamon%3AROADKILL.xml`);
      expect(decodeServiceDefinition(x.body, 'xml')).toEqual(a);
      const local = json<ServiceDefinition>(await get(`${base()}/services/springfield:pothole.json`));
      expect(local.service_code).toBe('springfield:pothole');
      expect(local.attributes.map((x) => x.code)).toContain('SIZE');
    });

    it('keeps a definition: a change upstream is seen only when the hour is over', async () => {
      const before = json<ServiceDefinition>(await get(`${base()}/services/sangamon:ROADKILL.json`));
      await f.county.store.saveService({ ...COUNTY_SERVICES[0]!, attributes: [] });
      expect(json<ServiceDefinition>(await get(`${base()}/services/sangamon:ROADKILL.json`))).toEqual(before);
      expect(json<ServiceDefinition>(await get(`${f.county.url}/open311/v2/services/ROADKILL.json`)).attributes).toEqual([]);
    });

    it('answers 404 for an unknown code, slug or a name without a slug; 502 for an upstream that cannot be read', async () => {
      expectJsonError(await get(`${base()}/services/sangamon:NOPE.json`), 404);
      expectXmlError(await get(`${base()}/services/atlantis:ROADKILL.xml`), 404);
      expectJsonError(await get(`${base()}/services/ROADKILL.json`), 404);
      const [down] = expectJsonError(await get(`${base()}/services/lincoln:POTHOLE.json`), 502);
      expect(down!.description).toMatch(/lincoln/);
    });
  });

  describe('GET requests', () => {
    it('merges the covering upstreams\' requests newest first, namespaced', async () => {
      const a = await get(`${base()}/requests.json?${at(IN_ALL)}`);
      expect(a.headers.get(MISSING_ENDPOINTS_HEADER)).toBeNull();
      const list = json<PublicRequest[]>(a);
      expect(list.map((r) => r.service_request_id)).toEqual([
        idOf('springfield', 0.5), idOf('sangamon', 1), idOf('lincoln-water', 2), idOf('sangamon', 3),
        idOf('lincoln-water', 4), idOf('sangamon', 5), idOf('springfield', 6),
      ]);
      expect(list.map((r) => r.service_code)).toEqual([
        'springfield:pothole', 'sangamon:ROADKILL', 'lincoln-water:LEAK', 'sangamon:CULVERT', 'lincoln-water:LEAK',
        'sangamon:ROADKILL', 'springfield:trash.bulk',
      ]);
      const times = list.map((r) => Date.parse(r.requested_datetime));
      expect([...times].sort((x, y) => y - x)).toEqual(times);
      expect(list[1]).toMatchObject({ status: 'open', description: 'sangamon ROADKILL 1', lat: IN_ALL.lat, long: IN_ALL.long });
      expect(a.body).not.toMatch(/private\.example|Margeline|5309/);
      const x = await get(`${base()}/requests.xml?${at(IN_ALL)}`);
      expect(decodeRequests(x.body, 'xml').map((r) => r.service_request_id)).toEqual(list.map((r) => r.service_request_id));
    });

    it('searches one endpoint by jurisdiction_id, the owners of namespaced codes, or named ids', async () => {
      expect((await requests('jurisdiction_id=lincoln-water')).map((r) => r.service_request_id)).toEqual([
        idOf('lincoln-water', 2), idOf('lincoln-water', 4),
      ]);
      expect((await requests('service_code=sangamon:ROADKILL')).map((r) => r.service_request_id)).toEqual([
        idOf('sangamon', 1), idOf('sangamon', 5),
      ]);
      expect((await requests(`${at(IN_ALL)}&service_code=sangamon:CULVERT,springfield:pothole`)).map((r) => r.service_code)).toEqual([
        'springfield:pothole', 'sangamon:CULVERT',
      ]);
      const ids = [idOf('springfield', 6), idOf('sangamon', 3), 'atlantis:1', 'no-slug'];
      expect((await requests(`service_request_id=${ids.join(',')}`)).map((r) => r.service_request_id)).toEqual(ids.slice(0, 2).reverse());
    });

    it('passes status and the date window on', async () => {
      expect(await requests(`${at(IN_ALL)}&status=closed`)).toEqual([]);
      const day = 86_400_000;
      const window = `start_date=${new Date(Date.now() - 4.5 * day).toISOString()}&end_date=${new Date(Date.now() - 1.5 * day).toISOString()}`;
      expect((await requests(`${at(IN_ALL)}&${window}`)).map((r) => r.service_request_id)).toEqual([
        idOf('lincoln-water', 2), idOf('sangamon', 3), idOf('lincoln-water', 4),
      ]);
    });

    it('pages the merged list', async () => {
      const a = await get(`${base()}/requests.json?${at(IN_ALL)}&page=2&page_size=3`);
      expect(json<PublicRequest[]>(a).map((r) => r.service_request_id)).toEqual([
        idOf('sangamon', 3), idOf('lincoln-water', 4), idOf('sangamon', 5),
      ]);
      expect(a.headers.get('x-total-count')).toBe('7');
      expect(a.headers.get('link')).toContain('rel="next"');
    });

    it('answers without an upstream that does not answer in time, and names it', async () => {
      const started = Date.now();
      const a = await get(`${base()}/requests.json?${at(IN_STATE)}`);
      expect(json<PublicRequest[]>(a).map((r) => r.service_request_id)).toEqual([idOf('sangamon', 1), idOf('sangamon', 3), idOf('sangamon', 5)]);
      expect(missingOf(a)).toEqual(['lincoln']);
      expect(a.headers.get(MISSING_ENDPOINTS_HEADER)).toMatch(/1000 ms/);
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it('answers 400 without a scope and for bad filters, 404 for an unknown jurisdiction_id', async () => {
      expect(expectJsonError(await get(`${base()}/requests.json`), 400)[0]!.description).toMatch(/lat and long/);
      expectXmlError(await get(`${base()}/requests.xml?${at(IN_ALL)}&start_date=yesterday`), 400);
      expectJsonError(await get(`${base()}/requests.json?${at(IN_ALL)}&status=pending`), 400);
      expectJsonError(await get(`${base()}/requests.json?lat=100&long=0`), 400);
      expectJsonError(await get(`${base()}/requests.json?jurisdiction_id=atlantis`), 404);
      const many = Array.from({ length: 21 }, (_, i) => `slug-${i}:1`).join(',');
      expect(expectJsonError(await get(`${base()}/requests.json?service_request_id=${many}`), 400)[0]!.description).toMatch(/at most 20/);
    });
  });

  describe('GET request', () => {
    it('reads a federated id through to its upstream, remote and local, in both formats', async () => {
      const id = idOf('sangamon', 3);
      const [one] = json<PublicRequest[]>(await get(`${base()}/requests/${id}.json`));
      expect(one).toMatchObject({ service_request_id: id, service_code: 'sangamon:CULVERT', description: 'sangamon CULVERT 3' });
      const x = await get(`${base()}/requests/${id}.xml`);
      expect(decodeRequests(x.body, 'xml')).toEqual([one]);
      const local = idOf('springfield', 0.5);
      expect(json<PublicRequest[]>(await get(`${base()}/requests/${local}.json`))[0]).toMatchObject({
        service_request_id: local, service_code: 'springfield:pothole',
      });
    });

    it('keeps a request for a short while', async () => {
      const id = idOf('lincoln-water', 2);
      const before = json<PublicRequest[]>(await get(`${base()}/requests/${id}.json`));
      const local = id.slice('lincoln-water:'.length);
      await f.utility.store.changeStatus({ jurisdiction_id: 'water.example', request_id: local, status: 'closed', note: 'Fixed.', author: null });
      expect(json<PublicRequest[]>(await get(`${f.utility.url}/open311/v2/requests/${local}.json`))[0]!.status).toBe('closed');
      expect(json<PublicRequest[]>(await get(`${base()}/requests/${id}.json`))).toEqual(before);
      expect(before[0]!.status).toBe('open');
    });

    it('answers 404 in the Open311 shape for an unknown id or slug, or an id without a slug', async () => {
      expectJsonError(await get(`${base()}/requests/sangamon:99999.json`), 404);
      expectXmlError(await get(`${base()}/requests/atlantis:1.xml`), 404);
      expectJsonError(await get(`${base()}/requests/42.json`), 404);
    });
  });

  it('publishes a discovery document pointing at the federated endpoint', async () => {
    const d = json<{ endpoints: { url: string; type: string }[] }>(await get(`${f.router.url}/federated/open311/discovery.json`));
    expect(d.endpoints).toEqual([expect.objectContaining({ url: `${base()}/`, type: 'production' })]);
    expect((await get(`${f.router.url}/federated/open311/discovery.xml`)).type).toBe(XML_TYPE);
  });

  it('names an upstream that went down in the search, and still answers from the others', async () => {
    await f.stopUtility();
    const a = await get(`${base()}/requests.json?${at(OUTSIDE_CITY)}`);
    expect(json<PublicRequest[]>(a).map((r) => r.service_request_id)).toEqual([idOf('sangamon', 1), idOf('sangamon', 3), idOf('sangamon', 5)]);
    expect(missingOf(a)).toEqual(['lincoln-water']);
  });
});
