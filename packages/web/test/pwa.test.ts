/** The installable app on the server: the manifest, the service worker script, its Workbox runtime, the icons and the offline header. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, type WebTestApp } from './support/app.js';
import { MANIFEST_ICONS, type WebManifest } from '../src/pwa/manifest.js';
import { OFFLINE_HEADER } from '../src/pwa/offline-use.js';

/** A PNG's width and height, from its IHDR chunk (bytes 16–23). */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('installable app', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('serves the manifest with its content type, what installing needs, in the reader’s language', async () => {
    const res = await get('/manifest.webmanifest', { 'accept-language': 'fr' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    const m = res.json<WebManifest>();
    expect(m).toMatchObject({ id: '/', start_url: '/', scope: '/', display: 'standalone', lang: 'fr', short_name: 'o311' });
    expect(m.name).toBe('o311 : signaler un problème');
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = m.icons.map((i) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable', 'any any']));
  });

  it.each(MANIFEST_ICONS.filter((i) => i.type === 'image/png').map((i) => [i.src, i.sizes]))('serves %s at its declared size %s', async (src, sizes) => {
    const res = await get(src);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(pngSize(res.rawPayload)).toBe(sizes);
  });

  it('links the manifest and the app script from citizen pages, not from staff pages', async () => {
    const home = await get('/');
    expect(home.body).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(home.body).toContain('<script type="module" src="/assets/js/pwa.js"></script>');
    expect(home.body).toContain('id="app-config"');
    const staff = await get('/staff/login');
    expect(staff.body).not.toContain('rel="manifest"');
    expect(staff.body).not.toContain('pwa.js');
  });

  it('serves /sw.js never from a cache, for the whole origin, with the precache list and settings written in', async () => {
    const res = await get('/sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['service-worker-allowed']).toBe('/');
    expect(res.body).not.toContain('__WB_MANIFEST');
    expect(res.body).not.toContain('__O311_CONFIG');
    expect(res.body).toMatch(/\{"url":"\/assets\/o311\.css","revision":"[0-9a-f]{20}"\}/);
    expect(res.body).toContain('"url":"/assets/js/report.js"');
    expect(res.body).toContain('"url":"/assets/icons/icon-192.png"');
    expect(res.body).toContain('"offlinePath":"/offline"');
    expect(res.body, 'a sign-in link’s token is never kept').toContain('"secretParams":["token","api_key"]');
    // Precached files exist: a 404 would make the worker's install fail.
    const urls = [...res.body.matchAll(/\{"url":"([^"]+)","revision"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect((await get(url)).statusCode, url).toBe(200);
  });

  it('serves the Workbox runtime the worker imports from our own origin', async () => {
    const sw = (await get('/sw.js')).body;
    const imported = [...sw.matchAll(/'(\/assets\/vendor\/workbox\/[a-z-]+\.prod\.js)'/g)].map((m) => m[1] ?? '');
    expect(imported).toHaveLength(4);
    for (const url of imported) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
    }
  });

  it('marks public pages for offline use, a signed-in citizen’s as personal, and staff pages not at all', async () => {
    expect((await get('/account/sign-in')).headers[OFFLINE_HEADER]).toBe('public');
    // The same for everyone, so kept even for a signed-in citizen and not forgotten at sign-out.
    expect((await get('/offline', { cookie: 'o311_account=whatever' })).headers[OFFLINE_HEADER]).toBe('shell');
    expect((await get('/outbox')).headers[OFFLINE_HEADER]).toBe('shell');
    expect((await get('/', { cookie: 'o311_account=whatever' })).headers[OFFLINE_HEADER]).toBe('personal');
    expect((await get('/staff/login')).headers[OFFLINE_HEADER]).toBeUndefined();
    expect((await get('/open311/v2/services.json')).headers[OFFLINE_HEADER]).toBeUndefined();
  });

  it('shows the offline page and the outbox page (which says JavaScript is needed to keep reports)', async () => {
    const offline = await get('/offline', { 'accept-language': 'es' });
    expect(offline.statusCode).toBe(200);
    expect(offline.body).toContain('Sin conexión');
    expect(offline.body).toContain('href="/outbox"');
    const outbox = await get('/outbox');
    expect(outbox.body).toContain('<noscript>');
    expect(outbox.body).toContain('id="outbox-list"');
    expect(outbox.body).toContain('<script type="module" src="/assets/js/outbox-page.js"></script>');
  });
});
