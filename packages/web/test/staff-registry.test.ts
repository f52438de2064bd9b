/**
 * /staff/registry (issue 10, item 5): global admins list, add and edit
 * registry endpoints with every problem shown on its field, upload a boundary
 * (GeoJSON here; every format the discovery package reads) shown on a map,
 * press "Check now" (queued, never awaited) and delete; each change audited.
 * Other roles are refused; the upload checks its CSRF token before reading
 * the file. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

const square = (x: number, y: number, size: number) => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];

/** A multipart body as a browser sends it. */
async function multipart(fields: Record<string, string>, file?: { name: string; content: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.content], { type: 'application/geo+json' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

describe.each(dialects)('the registry admin pages (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = async (slug: string, fields: Record<string, string>, file?: { name: string; content: string }, auth = admin) => {
    const body = await multipart(fields, file);
    return t.app.inject({
      method: 'POST', url: `/staff/registry/${slug}/boundary`, payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: auth.cookie },
    });
  };

  it('is for global admins only', async () => {
    const page = await t.get('/staff/registry', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/staff/registry" aria-current="page">Endpoint registry</a>');
    for (const role of ['agent', 'viewer'] as const) {
      const auth = await t.login(role);
      expect((await t.get('/staff/registry', auth)).statusCode).toBe(403);
      expect((await t.postForm('/staff/registry', { name: 'X', slug: 'x', tier: 'city', base_url: 'https://x.example/' }, auth)).statusCode).toBe(403);
    }
    expect(await t.store.getEndpoint('x')).toBeUndefined();
  });

  it('takes the "served by this server" box as the form itself sends it', async () => {
    const form = (await t.get('/staff/registry/new', admin)).body;
    const value = /<input type="checkbox" id="endpoint-local" name="local" value="([^"]*)"/.exec(form)?.[1];
    expect(value).toBeDefined();
    const saved = await t.postForm('/staff/registry', { name: 'Our city', slug: 'our-city', tier: 'city', jurisdiction_id: 'riverton.example', local: value ?? '' }, admin);
    expect(saved.statusCode).toBe(303);
    expect(await t.store.getEndpoint('our-city')).toMatchObject({ local: true, base_url: null });
  });

  it('adds an endpoint, showing each problem on its field first', async () => {
    const refused = await t.postForm('/staff/registry', { name: '', slug: 'Bad Slug', tier: 'city', base_url: 'ftp://nope', contact_email: 'nobody' }, admin);
    expect(refused.statusCode).toBe(400);
    for (const id of ['endpoint-name', 'endpoint-slug', 'endpoint-base-url', 'endpoint-contact-email']) {
      expect(refused.body).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true"`));
    }
    expect(refused.body).toContain('value="Bad Slug"');

    const added = await t.postForm('/staff/registry', {
      name: 'Toronto 311', slug: 'toronto', tier: 'city', status: 'production', country: 'ca',
      base_url: 'https://secure.toronto.ca/webwizard/ws/', formats: 'json', notes: 'Key on request.',
    }, admin);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/staff/registry/toronto?done=created');
    expect(await t.store.getEndpoint('toronto')).toMatchObject({ name: 'Toronto 311', country: 'CA', formats: ['json'], notes: 'Key on request.' });
    const again = await t.postForm('/staff/registry', { name: 'Other', slug: 'toronto', tier: 'city', base_url: 'https://o.example/' }, admin);
    expect(again.statusCode).toBe(409);
    expect((await t.store.getEndpoint('toronto'))?.name).toBe('Toronto 311');

    const list = (await t.get('/staff/registry?text=toron', admin)).body;
    expect(list).toContain('<a href="/staff/registry/toronto">Toronto 311</a>');
    expect((await t.get('/staff/registry?tier=county', admin)).body).not.toContain('/staff/registry/toronto"');
    const audit = await t.store.listAudit({ limit: 20 });
    expect(audit.some((e) => e.action === 'registry.endpoint.create' && e.details.endpoint === 'toronto')).toBe(true);
  });

  it('edits an endpoint, and queues its check on save and on "Check now"', async () => {
    const page = await t.get('/staff/registry/toronto', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Endpoint: Toronto 311');
    const saved = await t.postForm('/staff/registry/toronto', { name: 'Toronto Open311', tier: 'city', base_url: 'https://secure.toronto.ca/webwizard/ws/', formats: 'xml,json' }, admin);
    expect(saved.headers.location).toBe('/staff/registry/toronto?done=saved');
    expect(await t.store.getEndpoint('toronto')).toMatchObject({ name: 'Toronto Open311', formats: ['xml', 'json'] });
    const check = await t.postForm('/staff/registry/toronto/check', {}, admin);
    expect(check.statusCode).toBe(303);
    expect(check.headers.location).toMatch(/^\/staff\/registry\/toronto\?done=(queued|pending)$/);
    expect((await t.postForm('/staff/registry/nowhere/check', {}, admin)).statusCode).toBe(404);
    expect((await t.get('/staff/registry/nowhere', admin)).statusCode).toBe(404);
  });

  it('attaches an uploaded boundary, shows it on a map, and answers a bad file with the reason', async () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'West' }, geometry: { type: 'Polygon', coordinates: square(-79.5, 43.5, 0.25) } },
      { type: 'Feature', properties: { name: 'East' }, geometry: { type: 'Polygon', coordinates: square(-79.25, 43.5, 0.25) } },
    ] });
    const res = await upload('toronto', { _csrf: admin.csrf, boundary_name: 'City of Toronto', boundary_tier: 'city' }, { name: 'toronto.geojson', content: geojson });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/registry/toronto?done=attached');
    const endpoint = await t.store.getEndpoint('toronto');
    const boundary = await t.store.getBoundary(endpoint!.boundary_id!);
    expect(boundary).toMatchObject({ name: 'City of Toronto', tier: 'city', bbox: [-79.5, 43.5, -79, 43.75] });
    expect(boundary?.geometry).toHaveLength(2);
    const page = (await t.get('/staff/registry/toronto', admin)).body;
    expect(page).toContain('id="registry-map"');
    expect(page).toContain('/assets/js/registry-map.js');
    expect(page).toContain('City of Toronto (city), 2 polygon(s)');

    const unclosed = JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] });
    const bad = await upload('toronto', { _csrf: admin.csrf }, { name: 'bad.geojson', content: unclosed });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/not closed/);
    expect((await t.store.getEndpoint('toronto'))?.boundary_id).toBe(endpoint!.boundary_id);
    const audit = await t.store.listAudit({ limit: 20 });
    expect(audit.filter((e) => e.action === 'registry.boundary.attach')).toHaveLength(1);
  });

  it('checks the upload form’s token before reading the file', async () => {
    const before = await t.store.getEndpoint('toronto');
    const forged = await upload('toronto', { _csrf: 'forged' }, { name: 'x.geojson', content: JSON.stringify({ type: 'Polygon', coordinates: square(0, 0, 1) }) });
    expect(forged.statusCode).toBe(403);
    const missing = await upload('toronto', { boundary_name: 'No token' }, { name: 'x.geojson', content: JSON.stringify({ type: 'Polygon', coordinates: square(0, 0, 1) }) });
    expect(missing.statusCode).toBe(403);
    expect(await t.store.getEndpoint('toronto')).toEqual(before);
  });

  it('deletes an endpoint', async () => {
    const res = await t.postForm('/staff/registry/toronto/delete', {}, admin);
    expect(res.headers.location).toBe('/staff/registry?done=deleted');
    expect(await t.store.getEndpoint('toronto')).toBeUndefined();
    expect((await t.postForm('/staff/registry/toronto/delete', {}, admin)).statusCode).toBe(404);
  });
});
