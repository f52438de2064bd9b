/**
 * A routed POST names a point its endpoint serves: a point outside the
 * owning endpoint's boundary is refused before anything is stored (400, the
 * Open311 shape, pointing at the services of the endpoints that do serve it);
 * a point inside is accepted. Real upstreams and registry boundaries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { IN_ALL, NOWHERE, OUTSIDE_CITY, startFederation, type Federation } from './support/federation.js';
import { expectJsonError, form, json, postForm } from './support/http.js';

describe.each(dialects)('federated POST: the point must be served by the endpoint (%s)', (dialect) => {
  let f: Federation;
  const post = (fields: Record<string, string>) =>
    postForm(`${f.router.url}/federated/open311/v2/requests.json`, form({ api_key: f.router.keys.plain, ...fields }));

  beforeAll(async () => {
    f = await startFederation(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('refuses a point outside the owner’s boundary, stores nothing, and accepts one inside', async () => {
    const before = await f.router.store.federation.count({});
    for (const p of [NOWHERE, OUTSIDE_CITY]) {
      const [problem] = expectJsonError(await post({ service_code: 'springfield:pothole', lat: String(p.lat), long: String(p.long), 'attribute[SIZE]': 'large' }), 400);
      expect(problem?.description).toMatch(/^Springfield 311 \(springfield\) does not serve the point .*services\.json\?lat=/);
    }
    expect(await f.router.store.federation.count({})).toBe(before);

    const inside = await post({ service_code: 'sangamon:CULVERT', lat: String(IN_ALL.lat), long: String(IN_ALL.long) });
    expect(inside.status, inside.body).toBe(200);
    expect(json<{ token?: string }[]>(inside)[0]?.token).toBeTruthy();
    // Without a point (an address only) there is nothing to check against the boundary.
    expect((await post({ service_code: 'sangamon:CULVERT', address_string: '1 Court St' })).status).toBe(200);
    expect(await f.router.store.federation.count({})).toBe(before + 2);
  });
});
