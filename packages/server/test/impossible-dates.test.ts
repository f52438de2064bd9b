/**
 * Issue 8, item 7: dates no response can write and absurd numeric settings.
 * Each is refused with a 400 that writes nothing, on every channel that takes
 * one; and a row that already holds such a date (written before the checks)
 * no longer answers 500 for every list it is in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { JSON_TYPE, expectJsonError, form, get, json, postForm } from './support/http.js';
import { seedRequest } from './support/requests.js';
import { staffCall, type StaffAnswer } from './support/staff.js';

/** In year 10000 once the offset is applied. */
const PAST_9999 = '9999-12-31T23:59:59-23:59';
const YEAR_10000 = Date.UTC(10_000, 0, 1, 12);

interface PublicRequestJson {
  service_request_id: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
}

const expectStaff400 = (a: StaffAnswer): string => {
  expect(a.status, JSON.stringify(a.body)).toBe(400);
  expect(a.type).toBe(JSON_TYPE);
  return (a.body as { description: string }[]).map((i) => i.description).join('\n');
};

describe.each(dialects)('impossible dates and numbers (%s)', (dialect) => {
  let s: Server;
  let req: StoredRequest;
  let poisoned: StoredRequest;
  const call = (method: string, path: string, body?: unknown) => staffCall(s.url, method, path, s.staff.admin, body);
  const open311 = (path: string) => `${s.url}/open311/v2/${path}`;

  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        req = await seedRequest(store, { service_code: 'pothole', description: 'Deep hole' });
        poisoned = await seedRequest(store, { service_code: 'pothole', description: 'Stored before dates were bounded' });
        // As the unbounded parsers used to let through: a status change dated, and expecting, year 10000.
        await store.changeStatus({
          jurisdiction_id: JURISDICTION.id, request_id: poisoned.id, status: 'in_progress', note: 'Far future',
          author: 'partner', at: YEAR_10000, expected_at: YEAR_10000,
        });
      },
    });
  });
  afterAll(() => s.close());

  it('the staff API refuses an expected_datetime past 9999 with a 400, changing nothing', async () => {
    const text = expectStaff400(await call('POST', `/requests/${req.id}/status`, { status: 'in_progress', expected_datetime: PAST_9999 }));
    expect(text).toContain('expected_datetime must be a W3C datetime with a timezone, in the years 0001-9999');
    const triage = expectStaff400(await call('POST', `/requests/${req.id}/triage`, { expected_datetime: PAST_9999 }));
    expect(triage).toContain('in the years 0001-9999');
    expectStaff400(await call('POST', `/requests/${req.id}/status`, { status: 'in_progress', expected_datetime: '0000-12-31T23:59:59Z' }));
    const after = await s.store.getRequest(JURISDICTION.id, req.id);
    expect(after).toMatchObject({ status: 'open', expected_at: req.expected_at, updated_at: req.updated_at });
    expect((await get(open311(`requests/${req.id}.json`))).status).toBe(200);
  });

  it('servicerequestupdates refuses an updated_datetime past 9999 from a trusted key, recording nothing', async () => {
    const a = await postForm(open311('servicerequestupdates.json'), form({
      api_key: s.keys.trusted, service_request_id: req.id, update_id: 'fms-far', status: 'CLOSED',
      updated_datetime: PAST_9999, description: 'Fixed in the far future',
    }));
    expect(expectJsonError(a, 400).map((e) => e.description).join('\n')).toContain('updated_datetime');
    const events = await s.store.listEvents(JURISDICTION.id, req.id, { includeInternal: true });
    expect(events.map((e) => e.description)).not.toContain('Fixed in the far future');
    expect((await s.store.getRequest(JURISDICTION.id, req.id))?.status).toBe('open');
  });

  it('the staff API refuses sla_hours past ten years on create and on edit, saving nothing', async () => {
    const base = { service_name: 'Far promise', sla_hours: 100_000_000 };
    const created = expectStaff400(await call('POST', `/jurisdictions/${JURISDICTION.id}/services`, { service_code: 'far', ...base }));
    expect(created).toContain('sla_hours');
    expect(await s.store.getService(JURISDICTION.id, 'far')).toBeUndefined();
    expectStaff400(await call('PUT', `/jurisdictions/${JURISDICTION.id}/services/pothole`, { service_name: 'Pothole', sla_hours: 87_601 }));
    expect((await s.store.getService(JURISDICTION.id, 'pothole'))?.sla_hours).toBe(72);
    const ok = await call('PUT', `/jurisdictions/${JURISDICTION.id}/services/trash.bulk`, { service_name: 'Bulk trash pickup', sla_hours: 87_600 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('bounds the other numbers staff set: rate limits and pages', async () => {
    expect(expectStaff400(await call('POST', '/api-keys', { name: 'greedy', rate_limit_per_minute: 10_000_000_000 }))).toContain('rate_limit_per_minute');
    expect((await s.store.listApiKeys()).map((k) => k.name)).not.toContain('greedy');
    expectStaff400(await call('GET', '/requests?page=1000000000000'));
  });

  it('a one-sided range at the edge of the years a response can write answers, never a 500', async () => {
    for (const q of ['start_date=9999-12-31T00:00:00Z', 'end_date=0001-01-01T00:00:00Z', 'start_date=9999-12-31T23:59:59%2B14:00']) {
      const a = await get(open311(`requests.json?${q}`));
      expect(a.status, `${q}: ${a.body}`).toBe(200);
      expect(json(a)).toEqual([]);
    }
  });

  it('a public page far past the last answers an empty page or a 400, never a 500', async () => {
    for (const page of ['9007199254740991', '1e300', '99999999999999999999999']) {
      const a = await get(open311(`requests.json?page=${page}&page_size=500`));
      expect([200, 400], `page=${page}: ${a.body}`).toContain(a.status);
      if (a.status === 200) expect(json(a)).toEqual([]);
    }
  });

  it('a stored date past 9999 no longer takes down the lists, the request or the staff view', async () => {
    const list = await get(open311('requests.json'));
    expect(list.status, list.body).toBe(200);
    const row = json<PublicRequestJson[]>(list).find((r) => r.service_request_id === poisoned.id);
    expect(row).toMatchObject({ expected_datetime: null });
    expect(row!.updated_datetime.startsWith('9999-12-31T')).toBe(true);
    for (const path of ['requests.xml', `requests/${poisoned.id}.json`, `requests/${poisoned.id}.xml?extensions=true`]) {
      const a = await get(open311(path));
      expect(a.status, `${path}: ${a.body}`).toBe(200);
    }
    const staff = await call('GET', `/requests/${poisoned.id}`);
    expect(staff.status, JSON.stringify(staff.body)).toBe(200);
    expect(staff.body).toMatchObject({ expected_datetime: null });
  });
});
