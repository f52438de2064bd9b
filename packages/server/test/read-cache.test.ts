/** GET requests answers are reused between clients, but never once the data has changed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { form, get, json, postForm } from './support/http.js';

describe.each(dialects)('cached GET requests (%s)', (dialect) => {
  let s: Server;
  let url: string;
  const ids = async (): Promise<string[]> =>
    json<{ service_request_id: string }[]>(await get(`${url}.json`)).map((r) => r.service_request_id);
  const post = async (): Promise<string> => {
    const a = await postForm(`${url}.json`, form({
      api_key: s.keys.plain, service_code: 'pothole', lat: '41.88', long: '-87.63', 'attribute[SIZE]': 'small',
    }));
    expect(a.status, a.body).toBe(200);
    return json<{ service_request_id: string }[]>(a)[0]!.service_request_id;
  };

  beforeAll(async () => {
    s = await startServer(dialect);
    url = `${s.url}/open311/v2/requests`;
  });
  afterAll(() => s.close());

  it('shows a new request to the very next GET', async () => {
    const first = await post();
    expect(await ids()).toContain(first);
    const second = await post();
    expect(await ids()).toContain(second);
  });

  it('shows a status change made through the store at once', async () => {
    const id = await post();
    await ids();
    await s.store.changeStatus({ jurisdiction_id: JURISDICTION.id, request_id: id, status: 'fixed', note: 'Done', author: null });
    const closed = json<{ service_request_id: string; status: string }[]>(await get(`${url}.json?status=closed`));
    expect(closed.map((r) => r.service_request_id)).toContain(id);
    const all = json<{ service_request_id: string; status: string }[]>(await get(`${url}.json`));
    expect(all.find((r) => r.service_request_id === id)?.status).toBe('closed');
  });

  it('answers 304 to a client that holds the current answer, 200 once it changed', async () => {
    const a = await get(`${url}.xml`);
    const etag = a.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await get(`${url}.xml`, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    await post();
    const changed = await get(`${url}.xml`, { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('keeps paging headers on reused answers', async () => {
    const a = await get(`${url}.json?page=1&page_size=1`);
    const b = await get(`${url}.json?page=1&page_size=1`);
    expect(a.headers.get('x-total-count')).not.toBeNull();
    expect(b.headers.get('x-total-count')).toBe(a.headers.get('x-total-count'));
    expect(b.headers.get('link')).toBe(a.headers.get('link'));
  });
});
