/**
 * `/discover?place=`: a place typed by name is looked up among the registry's
 * boundaries; the best match gives the spot (a point inside it) and the
 * endpoints there, other places of the name are offered, an unknown name is
 * said so, and typed text is bounded and escaped. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type WebTestApp } from './support/app.js';
import { seedDiscoverRegistry } from './support/discover-registry.js';

describe.each(dialects)('/discover?place= (%s)', (dialect) => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    await seedDiscoverRegistry(t.store);
    // A second place named like the county, far away and smaller.
    await t.store.saveBoundary({
      id: 'tallgrass-village', name: 'Tallgrass', tier: 'city', source: 'test', approximate: false,
      geometry: [[[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]]],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds a place by name and answers with the endpoints there', async () => {
    const res = await t.get('/discover?place=riverton%20city');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Showing Riverton city limits (City).');
    expect(res.body).toContain('id="endpoint-riverton"');
    expect(res.body).toMatch(/id="discover-lat"[^>]*value="41\.\d+"/);
  });

  it('puts the exact name first and offers the other places of the name', async () => {
    const res = await t.get('/discover?place=TALLGRASS');
    expect(res.body).toContain('Showing Tallgrass (City).');
    expect(res.body).toContain('Other places with this name:');
    expect(res.body).toMatch(/<a href="\/discover\?lat=41\.\d+&amp;long=-93\.\d+">Tallgrass County \(County\)<\/a>/);
  });

  it('says when no place has the name, in the reader’s language, and escapes what was typed', async () => {
    const res = await t.get(`/discover?place=${encodeURIComponent('<b>Atlantis</b>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No place named “&lt;b&gt;Atlantis&lt;/b&gt;” is in the registry.');
    expect(res.body).not.toContain('<b>Atlantis</b>');
    const es = await t.app.inject({ url: '/discover?place=Atlantis', headers: { 'accept-language': 'es' } });
    expect(es.body).toContain('No hay ningún lugar llamado «Atlantis» en el registro.');
    const long = await t.get(`/discover?place=${'x'.repeat(5000)}`);
    expect(long.statusCode).toBe(200);
    expect(long.body).toContain(`No place named “${'x'.repeat(100)}” is in the registry.`);
    expect(long.body).toContain(`value="${'x'.repeat(100)}"`);
  });

  it('lets coordinates win over a place, and treats % and _ as letters', async () => {
    const both = await t.get('/discover?lat=30&long=-40&place=Tallgrass');
    expect(both.body).not.toContain('Showing Tallgrass');
    expect(both.body).toContain('No Open311 endpoint covers this spot.');
    expect((await t.get('/discover?place=%25')).body).toContain('No place named “%”');
  });
});
