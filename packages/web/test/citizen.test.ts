/** The citizen app over HTTP: services, the form built from the definition, the no-JS submission, nearby requests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebApiKey, WEB_API_KEY_NAME } from '../src/citizen/api-key.js';
import { ALL_TYPES_CODE, allTypesService } from './support/all-types-service.js';
import { JURISDICTION_ID, POTHOLE_REPORT, TINY_JPEG, buildCitizenTestApp, multipart, type CitizenTestApp } from './support/citizen-app.js';

let t: CitizenTestApp;

beforeAll(async () => {
  t = await buildCitizenTestApp();
  await t.store.saveService(allTypesService(JURISDICTION_ID));
});
afterAll(() => t.close());

const get = (url: string, lang?: string) =>
  t.app.inject({ url, headers: lang ? { 'accept-language': lang } : {} });

const count = () => t.store.countRequests({ jurisdiction_id: JURISDICTION_ID });

const POTHOLE_ANSWERS = {
  ...POTHOLE_REPORT,
  email: 'resident@example.org',
  first_name: 'Rita',
  phone: '555-0100',
};

describe('home page', () => {
  it.each([
    ['en', 'Streets &amp; Lighting', 'Pothole', 'Report a problem in City of Riverton'],
    ['es', 'Calles y alumbrado', 'Bache', 'Reporte un problema en City of Riverton'],
    ['fr', 'Voirie et éclairage', 'Nid-de-poule', 'Signaler un problème à City of Riverton'],
  ])('lists the services grouped, in %s', async (lang, group, pothole, title) => {
    const res = await get('/', lang);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain(`<html lang="${lang}">`);
    expect(res.body).toContain(title);
    expect(res.body).toMatch(new RegExp(`<section class="service-group"[^>]*>\\s*<h3[^>]*>${group}</h3>`));
    expect(res.body).toContain(`<span class="service-name">${pothole}</span>`);
    expect(res.body).toContain('href="/report/POTHOLE"');
    expect(res.body).toContain('id="track-id"');
    expect(res.body).not.toMatch(/<script(?![^>]*(type="module" src=|type="application\/json"))/);
  });

  it('filters services without JavaScript (?q=), accents and case ignored', async () => {
    const res = await get('/?q=BACHE&lang=es');
    expect(res.body).toContain('href="/report/POTHOLE"');
    expect(res.body).not.toContain('href="/report/GRAFFITI"');
    const none = await get('/?q=zzzz');
    expect(none.body).toContain('No service matches');
  });
});

describe('report form', () => {
  it('has a field for every datatype, with required marks, hints and notices', async () => {
    const res = await get(`/report/${ALL_TYPES_CODE}`);
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain('<p class="notice" role="note" id="attr-NOTE">Read this first.</p>');
    expect(b).not.toContain('name="attribute[NOTE]"');
    expect(b).toMatch(/<label for="attr-NAME">Name of the thing <span class="required-mark">\(required\)<\/span><\/label>/);
    expect(b).toMatch(/<input type="text" name="attribute\[NAME\]"[^>]*required/);
    expect(b).toContain('<p class="hint" id="attr-NAME-hint">One line</p>');
    expect(b).toMatch(/<input type="number" step="any"[^>]*name="attribute\[COUNT\]"[^>]*required/);
    expect(b).toMatch(/<input type="datetime-local" name="attribute\[WHEN\]"/);
    expect(b).toMatch(/<textarea name="attribute\[STORY\]"/);
    expect(b).toMatch(/<input type="radio" id="attr-COLOUR-0" name="attribute\[COLOUR\]" value="red" required>/);
    expect(b).toMatch(/<input type="checkbox" id="attr-PLACES-1" name="attribute\[PLACES\]\[\]" value="kerb">/);
    expect(b).toMatch(/<fieldset class="field choice-group" id="attr-PLACES"[^>]*data-required="true"><legend>Where exactly\? <span class="required-mark">/);
    expect(b).toMatch(/<select name="attribute\[STREET\]" id="attr-STREET"><option value="">Choose…<\/option>/);
    expect(b).toContain('id="f-address"');
    expect(b).toContain('id="f-photos"');
    expect(b).toContain('id="privacy-note"');
    expect(b).toContain('enctype="multipart/form-data"');
    expect(b).toContain('<script type="module" src="/assets/js/report.js"></script>');
    expect(b).toContain('/assets/vendor/leaflet/leaflet.js');
    expect(res.headers['content-security-policy']).toContain('https://tile.openstreetmap.org');
  });

  it('shows the definition in the chosen language', async () => {
    const res = await get('/report/POTHOLE?lang=fr');
    expect(res.body).toContain('<h1>Nid-de-poule</h1>');
    expect(res.body).toContain('Où se trouve-t-il sur la chaussée ?');
    expect(res.body).toContain('Voie de circulation');
    expect(res.body).toContain('(obligatoire)');
  });

  it('carries the app key and the map settings for the browser modules', async () => {
    const res = await get('/report/POTHOLE');
    const json = /<script type="application\/json" id="report-config">(.*?)<\/script>/s.exec(res.body)?.[1] ?? '';
    const config = JSON.parse(json) as { apiKey: string; serviceCode: string; maxPhotos: number };
    expect(config.serviceCode).toBe('POTHOLE');
    expect(config.maxPhotos).toBe(3);
    expect(await t.store.findApiKey(config.apiKey)).toMatchObject({ name: WEB_API_KEY_NAME });
    expect(await ensureWebApiKey(t.store)).toBe(config.apiKey);
  });

  it('is a friendly 404 for an unknown service', async () => {
    const res = await get('/report/NOPE');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Page not found');
  });
});

describe('submitting without JavaScript', () => {
  it('creates the request with its answers and redirects to the confirmation (PRG)', async () => {
    const res = await t.postForm('/report/POTHOLE', POTHOLE_ANSWERS);
    expect(res.statusCode).toBe(303);
    const location = res.headers.location ?? '';
    const id = /^\/report\/POTHOLE\/sent\?id=(\d+)$/.exec(location)?.[1] ?? '';
    expect(id).not.toBe('');
    const stored = await t.store.getRequest(JURISDICTION_ID, id);
    expect(stored?.attributes).toEqual({ LOCATION: 'travel_lane', SIZE: 'large', DEPTH_CM: '12' });
    expect(stored?.reporter.email).toBe('resident@example.org');
    expect(stored?.description).toBe('Deep hole by the bus stop');
    expect(stored?.channel).toBe('web');

    const page = await get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<strong id="request-number">${id}</strong>`);
    expect(page.body).toContain(`href="/track/${id}"`);
  });

  it('answers every datatype, lists as arrays', async () => {
    const res = await t.postForm(`/report/${ALL_TYPES_CODE}`, {
      address_string: '100 Main St',
      // Sent with the address only (else the form asks to confirm the place found: geocode.test.ts).
      geocode_pick: 'address',
      'attribute[NAME]': 'Bench',
      'attribute[COUNT]': '2.5',
      'attribute[WHEN]': '2025-06-01T07:45',
      'attribute[STORY]': 'Line one\nLine two',
      'attribute[COLOUR]': 'blue',
      'attribute[PLACES][]': ['road', 'path'],
      'attribute[STREET]': '7th',
    });
    expect(res.statusCode).toBe(303);
    const id = new URL(res.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    const stored = await t.store.getRequest(JURISDICTION_ID, id);
    expect(stored?.address).toBe('100 Main St');
    expect(stored?.attributes).toEqual({
      NAME: 'Bench', COUNT: '2.5', WHEN: '2025-06-01T07:45', STORY: 'Line one\nLine two', COLOUR: 'blue', PLACES: ['road', 'path'], STREET: '7th',
    });
  });

  it('uploads photos from a multipart form', async () => {
    const { payload, contentType } = multipart(
      Object.entries(POTHOLE_ANSWERS),
      [{ field: 'media', filename: 'hole.jpg', type: 'image/jpeg', bytes: TINY_JPEG }],
    );
    const res = await t.app.inject({ method: 'POST', url: '/report/POTHOLE', payload, headers: { 'content-type': contentType } });
    expect(res.statusCode).toBe(303);
    const id = new URL(res.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    const stored = await t.store.getRequest(JURISDICTION_ID, id);
    expect(stored?.media_ids).toHaveLength(1);
  });

  it('refuses a file that is not an image, naming it, and stores nothing', async () => {
    const before = await count();
    const { payload, contentType } = multipart(
      Object.entries(POTHOLE_ANSWERS),
      [{ field: 'media', filename: 'notes.txt', type: 'image/jpeg', bytes: Buffer.from('hello') }],
    );
    const res = await t.app.inject({ method: 'POST', url: '/report/POTHOLE', payload, headers: { 'content-type': contentType } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('notes.txt is not a photo');
    expect(await count()).toBe(before);
  });

  it('shows the form again with an error summary when a required answer is missing, and stores nothing', async () => {
    const before = await count();
    const { ['attribute[SIZE]']: _size, ...rest } = POTHOLE_ANSWERS;
    const res = await t.postForm('/report/POTHOLE', { ...rest, email: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<div class="error-summary" id="error-summary"[^>]*role="alert"[^>]*>/);
    expect(res.body).not.toMatch(/id="error-summary"[^>]*hidden/);
    expect(res.body).toContain('<a href="#attr-SIZE">Please answer: How big is it?</a>');
    expect(res.body).toContain('<a href="#f-email">');
    expect(res.body).toMatch(/<fieldset class="field choice-group field-invalid" id="attr-SIZE"/);
    expect(res.body).toContain('<title>Error: Pothole · o311</title>');
    // what was typed is kept
    expect(res.body).toMatch(/value="travel_lane" checked/);
    expect(res.body).toContain('Deep hole by the bus stop</textarea>');
    expect(await count()).toBe(before);
  });

  it('asks for a location when there is none, in the reader’s language', async () => {
    const res = await t.postForm('/report/POTHOLE?lang=es', { 'attribute[LOCATION]': 'alley', 'attribute[SIZE]': 'small' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#f-address">Indique dónde está el problema');
  });

  it('checks numbers and list keys as the server does', async () => {
    const res = await t.postForm(`/report/${ALL_TYPES_CODE}`, {
      address_string: 'Main St',
      'attribute[NAME]': 'x',
      'attribute[COUNT]': 'lots',
      'attribute[COLOUR]': 'green',
      'attribute[PLACES][]': 'road',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#attr-COUNT">Enter a number');
    expect(res.body).toContain('<a href="#attr-COLOUR">Choose one of the options listed</a>');
  });
});

describe('submitting through the API (the browser module’s path)', () => {
  it('accepts the page’s key on the public POST', async () => {
    const page = await get('/report/POTHOLE');
    const key = /"apiKey":"([^"]+)"/.exec(page.body)?.[1] ?? '';
    const { payload, contentType } = multipart(
      [...Object.entries(POTHOLE_ANSWERS), ['api_key', key]],
      [{ field: 'media', filename: 'hole.jpg', type: 'image/jpeg', bytes: TINY_JPEG }],
    );
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload, headers: { 'content-type': contentType } });
    expect(res.statusCode).toBe(200);
    const [receipt] = res.json<{ service_request_id: string }[]>();
    expect(receipt?.service_request_id).toMatch(/^\d+$/);
  });
});

describe('open requests nearby', () => {
  it('are listed on the form for the chosen point, linking to their trackers', async () => {
    const lat = 41.6001;
    const long = -93.6402;
    const created = await t.postForm('/report/POTHOLE', { ...POTHOLE_ANSWERS, lat: String(lat), long: String(long) });
    const id = new URL(created.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';

    const api = await get(`/open311/v2/requests.json?service_code=POTHOLE&lat=${lat}&long=${long + 0.001}&radius=200&status=open`);
    expect(api.json<{ service_request_id: string }[]>().map((r) => r.service_request_id)).toContain(id);

    const page = await get(`/report/POTHOLE?lat=${lat}&long=${long + 0.001}`);
    expect(page.body).toMatch(/<section class="nearby" id="nearby"[^>]*aria-live="polite">/);
    expect(page.body).toContain(`<a href="/track/${id}">Request ${id}, reported`);
    expect(page.body).not.toContain('resident@example.org');

    const far = await get('/report/POTHOLE?lat=41.7&long=-93.9');
    expect(far.body).toMatch(/<section class="nearby" id="nearby"[^>]*hidden>/);
  });
});
