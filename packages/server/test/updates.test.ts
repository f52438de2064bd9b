/** mySociety servicerequestupdates: GET feed and POST from trusted partners. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUpdates } from '@o311/georeport';
import type { StoredRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { XML_DECLARATION, XML_TYPE, expectJsonError, expectXmlError, form, get, json, postForm } from './support/http.js';
import { seedRequest } from './support/requests.js';

interface UpdateJson {
  update_id: string;
  service_request_id: string;
  status: string;
  updated_datetime: string;
  description: string;
  media_url: string | null;
}

describe.each(dialects)('servicerequestupdates (%s)', (dialect) => {
  let s: Server;
  let req: StoredRequest;
  let url: string;
  const update = (over: Record<string, string> = {}) => ({
    api_key: s.keys.trusted,
    service_request_id: req.id,
    update_id: 'fms-1',
    status: 'IN_PROGRESS',
    updated_datetime: new Date(Date.now() - 60_000).toISOString(),
    description: 'Inspector on the way',
    ...over,
  });

  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        req = await seedRequest(store, { service_code: 'pothole', address: '3 Pine St', attributes: { SIZE: 'small' } });
      },
    });
    url = `${s.url}/open311/v2/servicerequestupdates`;
  });
  afterAll(() => s.close());

  it('is empty at first (no status changes yet)', async () => {
    expect(json<UpdateJson[]>(await get(`${url}.json`))).toEqual([]);
    const x = await get(`${url}.xml`);
    expect(x.type).toBe(XML_TYPE);
    expect(x.body.startsWith(XML_DECLARATION)).toBe(true);
    expect(decodeUpdates(x.body, 'xml')).toEqual([]);
  });

  it('accepts an update from a trusted key and reports it', async () => {
    const a = await postForm(`${url}.json`, form(update()));
    expect(a.status, a.body).toBe(200);
    const [u] = json<UpdateJson[]>(a);
    expect(u).toMatchObject({ service_request_id: req.id, status: 'in_progress', description: 'Inspector on the way' });
    expect(typeof u!.update_id).toBe('string');
    const feed = json<UpdateJson[]>(await get(`${url}.json`));
    expect(feed.map((x) => x.update_id)).toContain(u!.update_id);
    const x = await postForm(`${url}.xml`, form(update({ status: 'Fixed', description: '' })));
    expect(x.status, x.body).toBe(200);
    expect(decodeUpdates(x.body, 'xml')[0]?.status).toBe('fixed');
    const [pub] = json<{ status: string }[]>(await get(`${s.url}/open311/v2/requests/${req.id}.json`));
    expect(pub?.status).toBe('closed');
  });

  it('reads a given window; both dates or neither', async () => {
    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 60_000).toISOString();
    const list = json<UpdateJson[]>(await get(`${url}.json?start_date=${start}&end_date=${end}`));
    expect(list.length).toBeGreaterThanOrEqual(2);
    const old = json<UpdateJson[]>(await get(`${url}.json?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`));
    expect(old).toEqual([]);
    expectJsonError(await get(`${url}.json?start_date=${start}`), 400);
    expectXmlError(await get(`${url}.xml?start_date=2020-01-01&end_date=2020-01-02`), 400);
  });

  it('refuses keys that are missing, unknown, revoked or not trusted', async () => {
    const { api_key: _unused, ...noKey } = update();
    expectJsonError(await postForm(`${url}.json`, form(noKey)), 403);
    expectJsonError(await postForm(`${url}.json`, form(update({ api_key: 'nope' }))), 403);
    expectJsonError(await postForm(`${url}.json`, form(update({ api_key: s.keys.revoked }))), 403);
    const untrusted = expectJsonError(await postForm(`${url}.json`, form(update({ api_key: s.keys.plain }))), 403);
    expect(untrusted[0]?.description).toMatch(/trusted/);
  });

  it('answers 404 for an unknown request and 400 for bad arguments', async () => {
    expectJsonError(await postForm(`${url}.json`, form(update({ service_request_id: '987654' }))), 404);
    const items = expectJsonError(await postForm(`${url}.json`, form(update({ status: 'melted', updated_datetime: 'now' }))), 400);
    const text = items.map((i) => i.description).join('\n');
    expect(text).toContain('melted');
    expect(text).toContain('updated_datetime');
    expectXmlError(await postForm(`${url}.xml`, form({ api_key: s.keys.trusted })), 400);
    expectJsonError(await postForm(`${url}.json`, form(update({ jurisdiction_id: 'nowhere.example' }))), 404);
    const stored = await s.store.getRequest(JURISDICTION.id, req.id);
    expect(stored?.status).toBe('fixed');
  });
});
