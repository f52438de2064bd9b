/**
 * Duplicate slashes under /open311/: the SeeClickFix validator joins the
 * discovery `url` (ending in `/`) with `/services.xml`. Routing only, so one dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from './support/fixture.js';
import { form, get, json, postForm } from './support/http.js';
import { seedRequest } from './support/requests.js';

describe('duplicate slashes in GeoReport paths', () => {
  let s: Server;

  beforeAll(async () => {
    s = await startServer('sqlite', {
      seed: async (store) => {
        for (let i = 0; i < 3; i++) await seedRequest(store, { service_code: 'pothole', description: `hole ${i}` });
      },
    });
  });
  afterAll(() => s.close());

  it('answers a path with doubled slashes as the canonical one', async () => {
    for (const [doubled, canonical] of [
      ['/open311/v2//services.xml', '/open311/v2/services.xml'],
      ['//open311//v2///services/pothole.json', '/open311/v2/services/pothole.json'],
      ['/open311//discovery.json', '/open311/discovery.json'],
      ['/open311/v2//requests.json?status=open', '/open311/v2/requests.json?status=open'],
    ]) {
      const [a, b] = [await get(`${s.url}${doubled}`), await get(`${s.url}${canonical}`)];
      expect(a.status, doubled).toBe(200);
      expect(a.body, doubled).toBe(b.body);
    }
  });

  it('accepts a POST the same way', async () => {
    const fields = { api_key: s.keys.plain, service_code: 'pothole', lat: '41.88', long: '-87.63', 'attribute[SIZE]': 'small' };
    const a = await postForm(`${s.url}/open311/v2//requests.json`, form(fields));
    expect(a.status, a.body).toBe(200);
    expect(json<{ service_request_id: string }[]>(a)[0]?.service_request_id).toMatch(/^\d+$/);
  });

  it('builds canonical paging links from such a path, leaving the query as sent', async () => {
    const a = await get(`${s.url}/open311/v2//requests.json?page_size=1&service_code=pothole`);
    const links = [...(a.headers.get('link') ?? '').matchAll(/<([^>]+)>/g)].map((m) => new URL(m[1]!));
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      expect(link.pathname).toBe('/open311/v2/requests.json');
      expect(link.searchParams.get('service_code')).toBe('pothole');
    }
  });

  it('leaves paths outside /open311/ alone', async () => {
    expect((await get(`${s.url}//docs`)).status).toBe(404);
  });
});
