/**
 * The service list, service definitions and discovery are served from the read
 * cache (one lookup and encoding per data version), never once the catalog changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { get, json } from './support/http.js';

describe.each(dialects)('cached catalog documents (%s)', (dialect) => {
  let s: Server;
  let listCalls = 0;
  const v2 = () => `${s.url}/open311/v2`;

  beforeAll(async () => {
    s = await startServer(dialect, {
      wrapStore: (store) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            if (prop === 'listServices') listCalls++;
            const value: unknown = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    });
  });
  afterAll(() => s.close());

  const rename = async (code: string, service_name: string): Promise<void> => {
    const svc = await s.store.getService(JURISDICTION.id, code);
    await s.store.saveService({ ...svc!, service_name });
  };

  it('reads the catalog once for repeated services.json, and again after a change', async () => {
    const first = await get(`${v2()}/services.json`);
    const calls = listCalls;
    const again = await get(`${v2()}/services.json`);
    expect(listCalls).toBe(calls);
    expect(again.body).toBe(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    await rename('graffiti', 'Graffiti removal');
    const changed = json<{ service_code: string; service_name: string }[]>(await get(`${v2()}/services.json`));
    expect(changed.find((x) => x.service_code === 'graffiti')?.service_name).toBe('Graffiti removal');
    expect(listCalls).toBe(calls + 1);
  });

  it('keeps one answer per format and locale', async () => {
    const es = await get(`${v2()}/services.json?locale=es`);
    const en = await get(`${v2()}/services.json`);
    const xml = await get(`${v2()}/services.xml?locale=es`);
    expect(json<{ service_code: string; service_name: string }[]>(es).find((x) => x.service_code === 'pothole')?.service_name).toBe('Bache');
    expect(json<{ service_code: string; service_name: string }[]>(en).find((x) => x.service_code === 'pothole')?.service_name).toBe('Pothole');
    expect(xml.headers.get('content-type')).toMatch(/xml/);
    expect(xml.body).toContain('<service_name>Bache</service_name>');
  });

  it('answers 304 to a client that holds the current list, 200 once the catalog changed', async () => {
    const a = await get(`${v2()}/services.xml`);
    const etag = a.headers.get('etag')!;
    expect((await get(`${v2()}/services.xml`, { 'if-none-match': etag })).status).toBe(304);
    await rename('noise', 'Noise');
    const changed = await get(`${v2()}/services.xml`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body).toContain('<service_name>Noise</service_name>');
  });

  it('serves a changed service definition and discovery changeset at once', async () => {
    const before = json<{ attributes: { code: string; description: string }[] }>(await get(`${v2()}/services/pothole.json`));
    const discovery = json<{ changeset: string }>(await get(`${s.url}/open311/discovery.json`));
    await new Promise((r) => setTimeout(r, 1100));
    const svc = await s.store.getService(JURISDICTION.id, 'pothole');
    const attributes = svc!.attributes.map((a) => (a.code === 'SIZE' ? { ...a, description: 'How big, roughly?' } : a));
    await s.store.saveService({ ...svc!, attributes });
    const after = json<{ attributes: { code: string; description: string }[] }>(await get(`${v2()}/services/pothole.json`));
    expect(before.attributes.find((a) => a.code === 'SIZE')?.description).not.toBe('How big, roughly?');
    expect(after.attributes.find((a) => a.code === 'SIZE')?.description).toBe('How big, roughly?');
    const changed = json<{ changeset: string }>(await get(`${s.url}/open311/discovery.json`));
    expect(Date.parse(changed.changeset)).toBeGreaterThan(Date.parse(discovery.changeset));
  });

  it('follows a change of primary jurisdiction in the answers to calls without jurisdiction_id', async () => {
    const codes = async () => json<{ service_code: string }[]>(await get(`${v2()}/services.json`)).map((x) => x.service_code);
    expect(await codes()).toContain('pothole');
    await s.store.saveJurisdiction({ ...JURISDICTION, id: 'elsewhere.example', name: 'Elsewhere' });
    const svc = await s.store.getService(JURISDICTION.id, 'pothole');
    await s.store.saveService({ ...svc!, jurisdiction_id: 'elsewhere.example', service_code: 'lamp.elsewhere', service_name: 'Lamp' });
    expect(await codes()).not.toContain('lamp.elsewhere');
    expect(await s.store.setPrimaryJurisdiction('elsewhere.example')).toBe(true);
    expect(await codes()).toEqual(['lamp.elsewhere']);
    expect(await s.store.setPrimaryJurisdiction(JURISDICTION.id)).toBe(true);
    expect(await codes()).toContain('pothole');
  });

  it('never caches an error: an unknown service is a 404 each time, and found once it exists', async () => {
    expect((await get(`${v2()}/services/lamp.json`)).status).toBe(404);
    expect((await get(`${v2()}/services/lamp.json`)).status).toBe(404);
    const svc = await s.store.getService(JURISDICTION.id, 'pothole');
    await s.store.saveService({ ...svc!, service_code: 'lamp', service_name: 'Lamp out' });
    expect((await get(`${v2()}/services/lamp.json`)).status).toBe(200);
  });
});
