/** The public OpenAPI document describes the APIs, not the web apps' pages (the staff back office least of all). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCitizenTestApp, type CitizenTestApp } from './support/citizen-app.js';

let t: CitizenTestApp;
beforeAll(async () => {
  t = await buildCitizenTestApp({ requests: 0 });
});
afterAll(() => t.close());

describe('the OpenAPI document with the web apps', () => {
  it('lists the GeoReport (own and federated), staff and discovery APIs and no page of the web apps', async () => {
    const res = await t.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys((JSON.parse(res.body) as { paths: Record<string, unknown> }).paths);
    expect(paths).toContain('/open311/v2/requests.{format}');
    expect(paths).toContain('/api/v1/jurisdictions');
    expect(paths).toContain('/discovery/v1/lookup.{format}');
    expect(paths).toContain('/federated/open311/v2/requests.{format}');
    expect(paths.filter((p) => !/^\/(open311|api|discovery|federated\/open311)\//.test(p))).toEqual([]);
  });

  it('/developers may not be framed', async () => {
    const res = await t.app.inject({ url: '/developers' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
