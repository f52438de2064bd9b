/** Failures of every kind leave in the standard's error shape, never with internals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { startServer, type Server } from './support/fixture.js';
import { JSON_TYPE, expectJsonError, expectXmlError, form, get, postForm } from './support/http.js';
import { spyStore, type SpyStore } from './support/spy-store.js';

describe.each(dialects)('errors (%s)', (dialect) => {
  let s: Server;
  let spy: SpyStore | undefined;
  beforeAll(async () => {
    s = await startServer(dialect, { wrapStore: (store) => (spy = spyStore(store)).store });
  });
  afterAll(() => s.close());

  it('answers unexpected exceptions with a generic 500, in the path\'s format', async () => {
    spy!.failing.add('listServices');
    try {
      const j = await get(`${s.url}/open311/v2/services.json`);
      const items = expectJsonError(j, 500);
      expect(items[0]?.description).not.toMatch(/exploded|secret|sqlite/);
      const x = await get(`${s.url}/open311/v2/services.xml`);
      expectXmlError(x, 500);
      expect(x.body).not.toContain('exploded');
    } finally {
      spy!.failing.clear();
    }
  });

  it('keeps a failed store write from leaking either', async () => {
    spy!.failing.add('createRequest');
    try {
      const a = await postForm(
        `${s.url}/open311/v2/requests.json`,
        form({ api_key: s.keys.plain, service_code: 'trash.bulk', address_string: '1 Main' }),
      );
      expect(expectJsonError(a, 500)[0]?.description).toMatch(/nothing was saved/);
    } finally {
      spy!.failing.clear();
    }
  });

  it('answers unknown routes outside /open311 in JSON', async () => {
    const a = await get(`${s.url}/api/v1/nothing`);
    expect(a.status).toBe(404);
    expect(a.type).toBe(JSON_TYPE);
    expect(JSON.parse(a.body)).toEqual([{ code: 404, description: expect.stringContaining('/api/v1/nothing') }]);
  });

  it('answers a bad path encoding with 400 in the standard shape', async () => {
    const a = await get(`${s.url}/open311/v2/requests/%E0%A4.json`);
    expect(expectJsonError(a, 400)[0]?.description).toMatch(/malformed/);
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    expectXmlError(await get(`${s.url}/open311/v2/requests/%E0%A4.xml`), 400);
  });

  it('answers DELETE on a GeoReport resource with an Open311 404', async () => {
    const res = await fetch(`${s.url}/open311/v2/requests.xml`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  });
});
