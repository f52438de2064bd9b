/**
 * Issue 8, items 7 and 9, as a property over HTTP on both dialects: whatever
 * mix of NUL characters, dates past 9999 and absurd numbers a client sends to
 * the public and staff routes, the answer is never a 500, and what is
 * accepted can be read back. PostgreSQL answered 500 to 285 of 30,000 such
 * fuzz cases (NUL), and both dialects stored dates no list could write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { form, get, postForm } from './support/http.js';
import { seedRequest } from './support/requests.js';
import { staffCall } from './support/staff.js';

const HOSTILE = [
  '\u0000', 'a\u0000b', 'pothole\u0000', 'trash\u0000bulk', '9999-12-31T23:59:59-23:59', '0000-12-31T23:59:59Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z',
  '1e300', '-1', '99999999999999999999', 'NaN', '2026-01-31T00:00:00Z', 'open', 'pothole', '',
];
const value = fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 4 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 });
const names = fc.constantFrom(
  'service_code', 'status', 'start_date', 'end_date', 'updated_after', 'updated_before', 'page', 'page_size', 'lat', 'long',
  'radius', 'service_request_id', 'description', 'updated_datetime', 'update_id', 'address_string', 'expected_datetime',
);
const pairs = fc.array(fc.tuple(names, value), { minLength: 1, maxLength: 6 });
const query = (ps: readonly (readonly [string, string])[]): string =>
  ps.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

describe.each(dialects)('hostile input never answers 500 (%s)', (dialect) => {
  let s: Server;
  let id: string;
  beforeAll(async () => {
    s = await startServer(dialect, { seed: async (store) => { id = (await seedRequest(store, { service_code: 'pothole' })).id; } });
  });
  afterAll(() => s.close());

  it('public reads and writes, then every list still reads', async () => {
    const open311 = (path: string) => `${s.url}/open311/v2/${path}`;
    await fc.assert(
      fc.asyncProperty(pairs, fc.constantFrom('json', 'xml'), async (ps, fmt) => {
        const reads = await Promise.all([
          get(open311(`requests.${fmt}?${query(ps)}`)),
          get(open311(`servicerequestupdates.${fmt}?${query(ps)}`)),
        ]);
        const writes = await Promise.all([
          postForm(open311(`requests.${fmt}`), `${form({ api_key: s.keys.plain, service_code: 'trash.bulk' })}&${query(ps)}`),
          postForm(open311(`servicerequestupdates.${fmt}`), `${form({ api_key: s.keys.trusted, service_request_id: id })}&${query(ps)}`),
        ]);
        for (const a of [...reads, ...writes]) expect(a.status, a.body).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
    for (const path of ['requests.json', 'requests.xml', `requests/${id}.json?extensions=true`, 'servicerequestupdates.json']) {
      const a = await get(open311(path));
      expect(a.status, `${path}: ${a.body}`).toBe(200);
    }
  });

  it('staff API status changes and services, then the request still reads', async () => {
    const call = (method: string, path: string, body?: unknown) => staffCall(s.url, method, path, s.staff.admin, body);
    const sla = fc.oneof(fc.double(), fc.constantFrom(87_600, 87_601, 1e8, -1, 0));
    await fc.assert(
      fc.asyncProperty(value, value, sla, async (status, expected, sla_hours) => {
        const answers = await Promise.all([
          call('POST', `/requests/${id}/status`, { status: status === '' ? 'open' : status, expected_datetime: expected }),
          call('PUT', `/jurisdictions/${JURISDICTION.id}/services/graffiti`, { service_name: `Graffiti ${status}`, type: 'batch', sla_hours }),
        ]);
        for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect((await get(`${s.url}/open311/v2/requests/${id}.json`)).status).toBe(200);
    expect((await call('GET', `/requests/${id}`)).status).toBe(200);
  });
});
