/**
 * Bad input on the plain (no-JS) report form, seen and kept (issue 14, item 6):
 * a photo over the per-photo cap, a fourth photo, a description over the limit
 * name what went wrong and every field comes back; the form's one-time token
 * makes a second send land on the first request's page, filing nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_HALL } from '@o311/demo';
import { MAX_DESCRIPTION_LENGTH } from '@o311/georeport';
import { JURISDICTION_ID, TINY_JPEG, buildCitizenTestApp, type CitizenTestApp } from './support/citizen-app.js';

let t: CitizenTestApp;
beforeAll(async () => {
  t = await buildCitizenTestApp({ requests: 0 });
});
afterAll(() => t.close());

const count = () => t.store.countRequests({ jurisdiction_id: JURISDICTION_ID });

type Part = readonly [string, string] | { filename: string; bytes: Buffer };

/** A multipart body with its parts in the given order (files between fields, as a browser sends the form). */
function body(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = '----o311bad' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('filename' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${p.filename}"\r\nContent-Type: image/jpeg\r\n\r\n`), p.bytes, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p[0]}"\r\n\r\n${p[1]}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const send = (parts: readonly Part[]) => {
  const { payload, contentType } = body(parts);
  return t.app.inject({ method: 'POST', url: '/report/POTHOLE', payload, headers: { 'content-type': contentType, accept: 'text/html' } });
};

const BEFORE: Part[] = [
  ['lat', String(CITY_HALL.lat)],
  ['long', String(CITY_HALL.long)],
  ['attribute[LOCATION]', 'travel_lane'],
  ['attribute[SIZE]', 'large'],
];
/** What a browser sends after the file input: the description stays before it, the contact fields come after. */
const AFTER: Part[] = [
  ['email', 'kept@example.org'],
  ['first_name', 'Kept'],
  ['phone', '555-0199'],
];

describe('the plain report form with bad input', () => {
  it('a 20 MB photo: names the per-photo and total limits, drops only the file, keeps every field after it', async () => {
    const before = await count();
    const big = Buffer.alloc(20 * 1024 * 1024, 0xff);
    const res = await send([...BEFORE, ['description', 'Hole by the school'], { filename: 'huge.jpg', bytes: big }, ...AFTER]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('huge.jpg was not added: each photo may be at most 10 MB.');
    expect(res.body).toContain('Each photo at most 10 MB, all together at most 24 MB.');
    expect(res.body).not.toContain('at most 3 photos');
    expect(res.body).toContain('value="kept@example.org"');
    expect(res.body).toContain('value="Kept"');
    expect(res.body).toContain('value="555-0199"');
    expect(res.body).toContain('Hole by the school</textarea>');
    expect(await count()).toBe(before);
  });

  it('a fourth photo: says which one was not added, keeps the fields', async () => {
    const before = await count();
    const photos = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].map((filename) => ({ filename, bytes: TINY_JPEG }));
    const res = await send([...BEFORE, ...photos, ...AFTER]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('At most 3 photos: d.jpg was not added.');
    expect(res.body).toContain('choose them again');
    expect(res.body).toContain('value="kept@example.org"');
    expect(await count()).toBe(before);
  });

  it('a description over the limit: says how long it is and the limit, is not cut, and is kept', async () => {
    const before = await count();
    const long = 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1);
    const res = await send([...BEFORE, ['description', long], ...AFTER]);
    expect(res.statusCode).toBe(400);
    const n = (x: number): string => x.toLocaleString('en');
    expect(res.body).toContain(`The description has ${n(MAX_DESCRIPTION_LENGTH + 1)} characters; at most ${n(MAX_DESCRIPTION_LENGTH)} are accepted.`);
    expect(res.body).toContain(`${long}</textarea>`);
    expect(await count()).toBe(before);
    // Nothing in the form cuts a pasted text short: the count is shown instead.
    const form = await t.app.inject({ url: '/report/POTHOLE' });
    expect(form.body).toMatch(new RegExp(`<textarea name="description"(?![^>]*maxlength)[^>]*data-max="${MAX_DESCRIPTION_LENGTH}"`));
  });

  it('a description at the limit in several lines is filed: the browser\'s CRLF line breaks count as one character each', async () => {
    const before = await count();
    const typed = `${'y'.repeat(MAX_DESCRIPTION_LENGTH / 10 - 1)}\r\n`.repeat(10);
    const res = await send([...BEFORE, ['description', typed], ...AFTER]);
    expect(res.statusCode, res.body).toBe(303);
    expect(await count()).toBe(before + 1);
  });

  it('says before sending that the description and photos are public and contact details private', async () => {
    const form = await t.app.inject({ url: '/report/POTHOLE' });
    expect(form.body).toContain('The description and the photos will be public');
    expect(form.body.indexOf('id="public-notice"')).toBeLessThan(form.body.indexOf('id="submit-report"'));
    expect(form.body).toContain('Public: anyone can read it.');
    expect(form.body).toContain('Public: anyone can see them.');
    const es = await t.app.inject({ url: '/report/POTHOLE?lang=es' });
    expect(es.body).toContain('La descripción y las fotos serán públicas');
  });

  it('the one-time form token: the same form sent twice files one request and lands on its page', async () => {
    const form = await t.app.inject({ url: '/report/POTHOLE' });
    const token = /name="form_token" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    // Kept by the browser for Back (nothing personal on an anonymous form), so the token comes back with it.
    expect(form.headers['cache-control']).toBe('private, max-age=0');
    const before = await count();
    const first = await send([['form_token', token], ...BEFORE, ['description', 'Once'], { filename: 'a.jpg', bytes: TINY_JPEG }, ...AFTER]);
    expect(first.statusCode).toBe(303);
    // Back, then Send again: the browser does not put the photo back, and the text was changed.
    const again = await send([['form_token', token], ...BEFORE, ['description', 'Once more'], ...AFTER]);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await count()).toBe(before + 1);
    const id = new URL(first.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    expect((await t.store.getRequest(JURISDICTION_ID, id))?.description).toBe('Once');
    // A new form gets a new token, and files a new request.
    const other = await t.app.inject({ url: '/report/POTHOLE' });
    expect(/name="form_token" value="([^"]+)"/.exec(other.body)?.[1]).not.toBe(token);
  });

  it('a form sent back with errors keeps its token; a token of another shape is ignored', async () => {
    const res = await send([['form_token', 'tok_abcdefghijklmnop1234'], ['lat', String(CITY_HALL.lat)], ['long', String(CITY_HALL.long)]]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="tok_abcdefghijklmnop1234"');
    const before = await count();
    const odd = await send([['form_token', 'bad token!'], ...BEFORE, ...AFTER]);
    expect(odd.statusCode).toBe(303);
    const odd2 = await send([['form_token', 'bad token!'], ...BEFORE, ...AFTER]);
    expect(odd2.statusCode).toBe(303);
    expect(await count()).toBe(before + 2);
  });

  it('shows a date-time hint written the reader\'s way, not an ISO example', async () => {
    const service = (await t.store.listServices(JURISDICTION_ID)).find((s) => s.attributes.some((a) => a.datatype === 'datetime'));
    if (!service) throw new Error('the demo has a service asking for a date');
    const res = await t.app.inject({ url: `/report/${service.service_code}` });
    expect(res.body).not.toMatch(/e\.g\. \d{4}-\d\d-\d\d/);
    expect(res.body).toContain('Date and time, for example Jul 4, 2025, 10:15');
    const fr = await t.app.inject({ url: `/report/${service.service_code}?lang=fr` });
    expect(fr.body).toContain('Date et heure, par exemple 4 juil. 2025, 22:15');
  });

  it('translates the answers\' hints (the depth in centimetres)', async () => {
    const hint = async (lang: string) => /id="attr-DEPTH_CM-hint">([^<]*)</.exec((await t.app.inject({ url: `/report/POTHOLE?lang=${lang}` })).body)?.[1];
    expect(await hint('en')).toBe('Approximate depth in centimetres, e.g. 8');
    expect(await hint('es')).toBe('Profundidad aproximada en centímetros, p. ej. 8');
    expect(await hint('fr')).toBe('Profondeur approximative en centimètres, p. ex. 8');
  });
});
