/**
 * Typed addresses on the report form (issue 14): GET /geocode (bounded,
 * rate-limited, nothing personal) and the form without JavaScript (find,
 * choose, use, send; address only when nothing matches or when asked), on the
 * demo city's gazetteer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toLatLong } from '../../demo/src/city.js';
import { buildCitizenTestApp, JURISDICTION_ID, TINY_JPEG, multipart, type CitizenTestApp } from './support/citizen-app.js';
import { GEOCODES_PER_MINUTE } from '../src/citizen/geocode-route.js';

let t: CitizenTestApp;
beforeAll(async () => {
  t = await buildCitizenTestApp({ requests: 5 });
});
afterAll(() => t?.close());

const geocode = (q: string, extra = '', ip = '10.1.0.1') => t.app.inject({ method: 'GET', url: `/geocode?q=${encodeURIComponent(q)}${extra}`, remoteAddress: ip });

// House number n of the grid stands 2n metres from City Hall, both ways; even numbers on the north side.
const EAST = toLatLong(452, 10);
const WEST = toLatLong(-452, 10);

const REPORT = {
  'attribute[LOCATION]': 'travel_lane', 'attribute[SIZE]': 'large', description: 'Hole on Main', address_string: '226 Main St',
};

describe('GET /geocode', () => {
  it('answers the places of a typed address, with nothing but label, point and kind', async () => {
    const res = await geocode('226 main street');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, max-age=60');
    const body = res.json<{ query: string; candidates: Record<string, unknown>[] }>();
    expect(body.query).toBe('226 main street');
    expect(body.candidates).toEqual(expect.arrayContaining([
      { label: '226 Main St', kind: 'address', ...EAST },
      { label: '226 Main St', kind: 'address', ...WEST },
    ]));
    expect((await geocode('226 Main St', `&jurisdiction=${JURISDICTION_ID}`)).json<{ candidates: unknown[] }>().candidates).toHaveLength(2);
    expect((await geocode('1 Nowhere Lane')).json()).toEqual({ query: '1 Nowhere Lane', candidates: [] });
  });

  it('refuses a missing or too long address and an unknown jurisdiction', async () => {
    expect((await geocode('  ')).statusCode).toBe(400);
    const long = await geocode('x'.repeat(201));
    expect(long.statusCode).toBe(400);
    expect(long.json()).toEqual({ error: 'the address is longer than 200 characters' });
    expect((await geocode('Main', '&jurisdiction=nope.example')).statusCode).toBe(404);
  });

  it('reuses the answer to the same address typed again (case and spaces aside)', async () => {
    const search = vi.spyOn(t.web.services.geocoder, 'search');
    try {
      const first = (await geocode('228 Main St', '', '10.1.0.2')).json<{ candidates: unknown[] }>();
      const again = (await geocode('  228   MAIN st ', '', '10.1.0.2')).json<{ candidates: unknown[] }>();
      expect(again.candidates).toEqual(first.candidates);
      expect(search).toHaveBeenCalledTimes(1);
    } finally {
      search.mockRestore();
    }
  });

  it('limits each client to a number of searches a minute', async () => {
    // Twice the limit and one: a 429 comes even if the minute turns during the loop.
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i <= 2 * GEOCODES_PER_MINUTE && refused === undefined; i++) {
      const res = await geocode(`${i} Oak St`, '', '10.9.9.9');
      statuses.push(res.statusCode);
      if (res.statusCode === 429) refused = res;
    }
    expect(statuses.slice(0, GEOCODES_PER_MINUTE).every((code) => code === 200 || code === 429)).toBe(true);
    expect(refused?.statusCode).toBe(429);
    expect(statuses.filter((code) => code === 200).length).toBeGreaterThanOrEqual(GEOCODES_PER_MINUTE);
    expect(refused?.headers['retry-after']).toBe('60');
    expect((await geocode('1 Oak St', '', '10.9.9.10')).statusCode).toBe(200);
  });
});

describe('the report form without JavaScript', () => {
  it('offers "Find this address" beside the address field', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/report/POTHOLE' });
    expect(page.body).toMatch(/<button type="submit" name="geocode" value="find" id="geocode-find" class="secondary" formnovalidate>Find this address<\/button>/);
    expect(page.body).toContain('<script type="application/json" id="geocode-config">');
  });

  it('finds the typed address, then sends the report at the place chosen', async () => {
    const found = await t.postForm('/report/POTHOLE', { ...REPORT, geocode: 'find' });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('<legend>Places found for “226 Main St”</legend>');
    expect(found.body).toContain(`value="${EAST.lat},${EAST.long}"`);
    expect(found.body).toContain('id="geocode-pick-none" value="address"');
    expect(found.body).toContain('>Hole on Main</textarea>');

    const used = await t.postForm('/report/POTHOLE', { ...REPORT, geocode: 'use', geocode_pick: `${EAST.lat},${EAST.long}` });
    expect(used.statusCode).toBe(200);
    expect(used.body).toContain(`name="lat" step="any" min="-90" max="90" inputmode="decimal" value="${EAST.lat}"`);
    expect(used.body).not.toContain('geocode-candidates');

    const sent = await t.postForm('/report/POTHOLE', { ...REPORT, lat: String(EAST.lat), long: String(EAST.long) });
    expect(sent.statusCode).toBe(303);
    const id = new URL(sent.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    expect(await t.store.getRequest(JURISDICTION_ID, id)).toMatchObject({ lat: EAST.lat, long: EAST.long, address: '226 Main St' });
  });

  it('asks to confirm the place of an address sent without a point, and sends the choice', async () => {
    const asked = await t.postForm('/report/POTHOLE', REPORT);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('We found places for the address you typed.');
    const sent = await t.postForm('/report/POTHOLE', { ...REPORT, geocode_pick: `${WEST.lat},${WEST.long}` });
    expect(sent.statusCode).toBe(303);
    const id = new URL(sent.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    expect(await t.store.getRequest(JURISDICTION_ID, id)).toMatchObject({ lat: WEST.lat, long: WEST.long });
  });

  it('keeps a point typed after the search, and searches again without using the old choice', async () => {
    const typed = await t.postForm('/report/POTHOLE', { ...REPORT, geocode_pick: `${WEST.lat},${WEST.long}`, lat: '41.6', long: '-93.6' });
    expect(typed.statusCode).toBe(303);
    const id = new URL(typed.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    expect(await t.store.getRequest(JURISDICTION_ID, id)).toMatchObject({ lat: 41.6, long: -93.6 });
    const again = await t.postForm('/report/POTHOLE', { ...REPORT, geocode: 'find', geocode_pick: `${WEST.lat},${WEST.long}` });
    expect(again.body).toContain('id="geocode-candidates"');
    expect(again.body).toMatch(/name="lat" step="any" min="-90" max="90" inputmode="decimal" value=""/);
  });

  it('sends the address only when asked, when nothing matches, or with photos', async () => {
    const idOf = (res: { headers: { location?: string } }) => new URL(res.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    const chosen = await t.postForm('/report/POTHOLE', { ...REPORT, geocode_pick: 'address' });
    expect(chosen.statusCode).toBe(303);
    expect(await t.store.getRequest(JURISDICTION_ID, idOf(chosen))).toMatchObject({ lat: null, long: null, address: '226 Main St' });

    const unknown = await t.postForm('/report/POTHOLE', { ...REPORT, address_string: 'Behind the old mill' });
    expect(unknown.statusCode).toBe(303);

    const fields = Object.entries(REPORT);
    const body = multipart(fields, [{ field: 'media', filename: 'hole.jpg', type: 'image/jpeg', bytes: TINY_JPEG }]);
    const withPhoto = await t.app.inject({ method: 'POST', url: '/report/POTHOLE', headers: { 'content-type': body.contentType }, payload: body.payload });
    expect(withPhoto.statusCode).toBe(303);
  });

  it('shows the form\'s own errors before asking about the place, and says when nothing is found', async () => {
    const invalid = await t.postForm('/report/POTHOLE', { address_string: '226 Main St' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).not.toContain('geocode-candidates');
    const none = await t.postForm('/report/POTHOLE', { ...REPORT, address_string: '9 Nowhere Lane', geocode: 'find' });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No place found for “9 Nowhere Lane”.');
    const es = await t.postForm('/report/POTHOLE?lang=es', { ...REPORT, geocode: 'find' });
    expect(es.body).toContain('Lugares encontrados para «226 Main St»');
  });
});
