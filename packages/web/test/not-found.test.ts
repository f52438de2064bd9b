/** A browser asking for a page that does not exist gets the web 404 page; API clients keep the standard error document. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, type WebTestApp } from './support/app.js';

describe('unknown URLs', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  const get = (url: string, accept: string) => t.app.inject({ method: 'GET', url, headers: { accept } });

  it('shows a browser the friendly page, in its language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html', 'accept-language': 'es' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('Página no encontrada');
  });

  it('has an icon: pages name it, and /favicon.ico (which browsers ask for anyway) leads to it', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } });
    expect(page.body).toContain('<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">');
    const favicon = await get('/favicon.ico', 'image/*');
    expect(favicon.statusCode).toBe(301);
    expect(favicon.headers.location).toBe('/assets/icon.svg');
    const icon = await get('/assets/icon.svg', 'image/*');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it.each([
    ['/open311/v2/nothing.xml', 'text/html', 'text/xml; charset=utf-8'],
    ['/api/v1/nothing', 'text/html', 'application/json; charset=utf-8'],
    ['/no-such-page', 'application/json', 'application/json; charset=utf-8'],
  ])('answers %s (Accept %s) with the error document', async (url, accept, type) => {
    const res = await get(url, accept);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body).toMatch(/No (GeoReport )?resource at/);
  });
});
