/** GET requests (spec filters and extensions), GET one request, PII. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRequests } from '@o311/georeport';
import type { StoredRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, PII_STRINGS, startServer, type Server } from './support/fixture.js';
import { XML_DECLARATION, XML_TYPE, expectJsonError, expectXmlError, get, json } from './support/http.js';
import { DAY, seedRequest } from './support/requests.js';

interface PublicJson {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  service_code: string;
  lat: number | null;
  long: number | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  extended_attributes?: {
    detailed_status: string;
    media_urls: string[];
    notes: { datetime: string; type: string; status: string; description: string }[];
    attributes: { code: string; value: string | string[] }[];
  };
}

const OFFSET_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe.each(dialects)('GET requests (%s)', (dialect) => {
  let s: Server;
  let url: string;
  let old: StoredRequest, near: StoredRequest, closed: StoredRequest, far: StoredRequest;
  const now = Date.now();

  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        old = await seedRequest(store, {
          service_code: 'pothole', lat: 41.8, long: -87.6, requested_at: now - 100 * DAY,
          attributes: { SIZE: 'small' }, description: 'Old one',
        });
        near = await seedRequest(store, {
          service_code: 'pothole', lat: 41.8781, long: -87.6298, requested_at: now - 10 * DAY,
          attributes: { SIZE: 'large', HAZARDS: ['car', 'bike'] }, description: 'Near the school', zipcode: '60601',
        });
        closed = await seedRequest(store, {
          service_code: 'trash.bulk', address: '12 Oak Ave', requested_at: now - 5 * DAY, description: 'Old sofa',
        });
        await store.changeStatus({
          jurisdiction_id: JURISDICTION.id, request_id: closed.id, status: 'fixed', note: 'Picked up', author: 'crew',
          at: now - 4 * DAY,
        });
        await store.changeStatus({
          jurisdiction_id: JURISDICTION.id, request_id: near.id, status: 'in_progress', note: 'Crew scheduled', author: 'x',
          at: now - 2 * DAY,
        });
        far = await seedRequest(store, {
          service_code: 'graffiti', lat: 42.5, long: -88.2, requested_at: now - 1 * DAY, address_id: 'ADDR-9',
          with_token: true,
        });
      },
    });
    url = `${s.url}/open311/v2/requests`;
  });
  afterAll(() => s.close());

  const ids = (list: { service_request_id: string }[]) => list.map((r) => r.service_request_id);

  it('returns the last 90 days, newest first, with strict types (JSON)', async () => {
    const list = json<PublicJson[]>(await get(`${url}.json`));
    expect(ids(list)).toEqual([far.id, closed.id, near.id]);
    for (const r of list) {
      expect(typeof r.service_request_id).toBe('string');
      expect(['open', 'closed']).toContain(r.status);
      expect(r.requested_datetime).toMatch(OFFSET_DATE);
      expect(r.updated_datetime).toMatch(OFFSET_DATE);
      expect(r).not.toHaveProperty('extended_attributes');
    }
    const n = list.find((r) => r.service_request_id === near.id)!;
    expect(n.lat).toBe(41.8781);
    expect(n.long).toBe(-87.6298);
    expect(n.status).toBe('open');
    expect(n.status_notes).toBe('Crew scheduled');
    expect(n.expected_datetime).toMatch(OFFSET_DATE);
    expect(Object.keys(n).sort()).toEqual([
      'address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url',
      'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status',
      'status_notes', 'updated_datetime', 'zipcode',
    ]);
    const c = list.find((r) => r.service_request_id === closed.id)!;
    expect(c.status).toBe('closed');
    expect(c.lat).toBeNull();
  });

  it('returns the same in XML', async () => {
    const a = await get(`${url}.xml`);
    expect(a.type).toBe(XML_TYPE);
    expect(a.body.startsWith(XML_DECLARATION)).toBe(true);
    expect(a.body).toContain('<service_requests><request>');
    const list = decodeRequests(a.body, 'xml');
    expect(ids(list)).toEqual([far.id, closed.id, near.id]);
    expect(list[2]?.lat).toBe(41.8781);
  });

  it('gives the same answer for empty parameters as for none, and ignores unknown ones', async () => {
    const plain = await get(`${url}.json`);
    const empty = await get(
      `${url}.json?jurisdiction_id=&service_code=&status=&start_date=&end_date=&service_request_id=&page=&page_size=&extensions=&frobnicate=1`,
    );
    expect(empty.status).toBe(200);
    expect(empty.body).toBe(plain.body);
  });

  it('filters on a window of requested_datetime (of at most 90 days: see date-windows.test.ts)', async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const w = json<PublicJson[]>(await get(`${url}.json?start_date=${iso(now - 101 * DAY)}&end_date=${iso(now - 99 * DAY)}`));
    expect(ids(w)).toEqual([old.id]);
    const start = json<PublicJson[]>(await get(`${url}.json?start_date=${iso(now - 6 * DAY)}`));
    expect(ids(start)).toEqual([far.id, closed.id]);
    const offset = encodeURIComponent('2020-01-01T00:00:00-06:00');
    expect((await get(`${url}.json?start_date=${offset}&end_date=${encodeURIComponent('2020-03-01T00:00:00-06:00')}`)).status).toBe(200);
    const longer = await get(`${url}.json?start_date=${iso(now - 101 * DAY)}&end_date=${iso(now)}`);
    expect(ids(json<PublicJson[]>(longer))).toEqual([far.id, closed.id, near.id]);
  });

  it('rejects dates without timezone and unknown statuses, naming each', async () => {
    const items = expectJsonError(await get(`${url}.json?start_date=2026-01-01T00:00:00&status=pending`), 400);
    const text = items.map((i) => i.description).join('\n');
    expect(text).toContain('start_date');
    expect(text).toContain('pending');
    expectXmlError(await get(`${url}.xml?end_date=yesterday`), 400);
  });

  it('filters on status and service_code lists', async () => {
    expect(ids(json<PublicJson[]>(await get(`${url}.json?status=closed`)))).toEqual([closed.id]);
    expect(ids(json<PublicJson[]>(await get(`${url}.json?status=open`)))).toEqual([far.id, near.id]);
    expect(ids(json<PublicJson[]>(await get(`${url}.json?status=open,closed`)))).toHaveLength(3);
    expect(ids(json<PublicJson[]>(await get(`${url}.json?service_code=pothole,graffiti`)))).toEqual([far.id, near.id]);
    expect(ids(json<PublicJson[]>(await get(`${url}.json?service_code=trash.bulk`)))).toEqual([closed.id]);
  });

  it('ignores every other filter when service_request_id is given', async () => {
    const list = json<PublicJson[]>(await get(`${url}.json?service_request_id=${old.id},${near.id},nope&status=closed&service_code=graffiti`));
    expect(ids(list).sort()).toEqual([old.id, near.id].sort());
  });

  it('pages with page/page_size, total count and Link headers', async () => {
    const plain = await get(`${url}.json`);
    expect(plain.headers.get('x-total-count')).toBeNull();
    const p1 = await get(`${url}.json?page_size=2`);
    expect(ids(json<PublicJson[]>(p1))).toEqual([far.id, closed.id]);
    expect(p1.headers.get('x-total-count')).toBe('3');
    expect(p1.headers.get('link')).toContain('rel="next"');
    expect(p1.headers.get('link')).toContain('page=2');
    const p2 = await get(`${url}.json?page=2&page_size=2`);
    expect(ids(json<PublicJson[]>(p2))).toEqual([near.id]);
    expect(p2.headers.get('link')).not.toContain('rel="next"');
    expect(p2.headers.get('link')).toContain('rel="prev"');
    expect(p2.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
    expectJsonError(await get(`${url}.json?page=0`), 400);
    expectJsonError(await get(`${url}.json?page_size=100000`), 400);
  });

  it('filters by distance and bounding box', async () => {
    expect(ids(json<PublicJson[]>(await get(`${url}.json?lat=41.878&long=-87.63&radius=500`)))).toEqual([near.id]);
    expect(ids(json<PublicJson[]>(await get(`${url}.json?bbox=-88.5,42.0,-88.0,43.0`)))).toEqual([far.id]);
    expectJsonError(await get(`${url}.json?lat=41.8&long=-87.6&radius=-5`), 400);
    expectJsonError(await get(`${url}.json?bbox=1,2,3`), 400);
  });

  it('ignores lat and long without radius, and any of the three alone, as a plain v2 server does (OneBusAway)', async () => {
    const plain = await get(`${url}.json`);
    for (const partial of ['lat=41.878&long=-87.63', 'lat=41.8', 'long=-87.6&radius=500', 'radius=500', 'lat=north&long=west']) {
      const a = await get(`${url}.json?${partial}`);
      expect(a.status, partial).toBe(200);
      expect(a.body, partial).toBe(plain.body);
    }
  });

  it('filters by updated_after / updated_before', async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const after = json<PublicJson[]>(await get(`${url}.json?updated_after=${iso(now - 3 * DAY)}`));
    expect(ids(after)).toEqual([far.id, near.id]);
    const before = json<PublicJson[]>(await get(`${url}.json?updated_before=${iso(now - 3 * DAY)}`));
    expect(ids(before)).toEqual([closed.id]);
  });

  it('adds extended_attributes only with extensions=true', async () => {
    const list = json<PublicJson[]>(await get(`${url}.json?extensions=true`));
    const n = list.find((r) => r.service_request_id === near.id)!;
    expect(n.extended_attributes).toBeDefined();
    expect(n.extended_attributes!.detailed_status).toBe('in_progress');
    expect(n.extended_attributes!.media_urls).toEqual([]);
    expect(n.extended_attributes!.notes.map((x) => x.type)).toEqual(['submitted', 'status_change']);
    expect(n.extended_attributes!.notes[1]).toMatchObject({ status: 'in_progress', description: 'Crew scheduled' });
    expect(n.extended_attributes!.notes[1]?.datetime).toMatch(OFFSET_DATE);
    expect(n.extended_attributes!.attributes).toEqual(
      expect.arrayContaining([{ code: 'SIZE', value: 'large' }, { code: 'HAZARDS', value: ['car', 'bike'] }]),
    );
    const c = list.find((r) => r.service_request_id === closed.id)!;
    expect(c.extended_attributes!.detailed_status).toBe('fixed');
    const x = await get(`${url}.xml?extensions=true`);
    expect(x.body).toContain('<extended_attributes>');
    expect(decodeRequests(x.body, 'xml').find((r) => r.service_request_id === near.id)?.extended_attributes?.detailed_status).toBe('in_progress');
  });

  describe('one request', () => {
    it('is a list of one, in both formats', async () => {
      const list = json<PublicJson[]>(await get(`${url}/${near.id}.json`));
      expect(list).toHaveLength(1);
      expect(list[0]?.service_request_id).toBe(near.id);
      expect(list[0]).not.toHaveProperty('extended_attributes');
      const x = await get(`${url}/${near.id}.xml`);
      expect(x.type).toBe(XML_TYPE);
      expect(decodeRequests(x.body, 'xml').map((r) => r.service_request_id)).toEqual([near.id]);
      const ext = json<PublicJson[]>(await get(`${url}/${near.id}.json?extensions=true`));
      expect(ext[0]?.extended_attributes?.notes).toHaveLength(2);
    });

    it('is found whatever its age (no 90-day window)', async () => {
      expect(json<PublicJson[]>(await get(`${url}/${old.id}.json`))[0]?.service_request_id).toBe(old.id);
    });

    it('gives 404 for unknown and non-numeric ids and unknown formats', async () => {
      const items = expectJsonError(await get(`${url}/999999.json`), 404);
      expect(items[0]?.description).toContain('999999');
      expectXmlError(await get(`${url}/abc.xml`), 404);
      expectXmlError(await get(`${url}/${near.id}.pdf`), 404);
      expectJsonError(await get(`${url}/${near.id}.json?jurisdiction_id=nowhere.example`), 404);
    });
  });

  it('never shows the reporter\'s contact data in any public body', async () => {
    const bodies: string[] = [];
    for (const fmt of ['xml', 'json']) {
      for (const path of [
        `requests.${fmt}`,
        `requests.${fmt}?extensions=true`,
        `requests.${fmt}?service_request_id=${[old, near, closed, far].map((r) => r.id).join(',')}&extensions=true`,
        `requests/${near.id}.${fmt}?extensions=true`,
        `requests/${old.id}.${fmt}?extensions=true`,
        `tokens/${far.token}.${fmt}`,
        `servicerequestupdates.${fmt}?start_date=${new Date(now - 10 * DAY).toISOString()}&end_date=${new Date(now).toISOString()}`,
        `services.${fmt}`,
        `services/pothole.${fmt}`,
      ]) {
        const a = await get(`${s.url}/open311/v2/${path}`);
        expect(a.status, path).toBe(200);
        bodies.push(a.body);
      }
    }
    for (const body of bodies) {
      for (const secret of PII_STRINGS) expect(body).not.toContain(secret);
    }
  });
});
