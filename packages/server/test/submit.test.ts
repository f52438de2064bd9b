/** POST requests (urlencoded and multipart), receipts per service type, tokens, media, limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReceipts } from '@o311/georeport';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, REPORTER, potholeForm, startServer, type Server } from './support/fixture.js';
import {
  XML_DECLARATION, XML_TYPE, expectJsonError, expectXmlError, form, get, json, postForm, postMultipart,
} from './support/http.js';

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Receipt {
  service_request_id?: string | null;
  token?: string | null;
  service_notice?: string | null;
  account_id?: string | null;
}

describe.each(dialects)('POST requests (%s)', (dialect) => {
  let s: Server;
  let url: string;
  const pothole = (extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => potholeForm(s.keys.plain, extra);
  const countRequests = () =>
    s.store.countRequests({ jurisdiction_id: JURISDICTION.id, requested_from: 0, requested_to: Date.now() + 1e9 });

  beforeAll(async () => {
    s = await startServer(dialect, { options: { mediaLimitBytes: 64 * 1024 } });
    url = `${s.url}/open311/v2/requests`;
  });
  afterAll(() => s.close());

  describe('receipts', () => {
    it('realtime: service_request_id (no token), service_notice, empty account_id -- JSON', async () => {
      const a = await postForm(`${url}.json`, form(pothole()));
      expect(a.status, a.body).toBe(200);
      const [receipt, ...rest] = json<Receipt[]>(a);
      expect(rest).toEqual([]);
      expect(receipt).toEqual({
        service_request_id: expect.any(String),
        service_notice: 'Potholes are fixed within 3 days.',
        account_id: null,
      });
      expect(receipt).not.toHaveProperty('token');
      expect(a.body).not.toContain(REPORTER.account_id);
    });

    it('realtime -- XML', async () => {
      const a = await postForm(`${url}.xml`, form(pothole()));
      expect(a.status, a.body).toBe(200);
      expect(a.type).toBe(XML_TYPE);
      expect(a.body.startsWith(XML_DECLARATION)).toBe(true);
      expect(a.body).toContain('<service_requests><request><service_request_id>');
      expect(a.body).not.toContain('<token');
      const [r] = decodeReceipts(a.body, 'xml');
      expect(r?.service_request_id).toMatch(/\S/);
      expect(a.body).not.toContain(REPORTER.account_id);
    });

    it('batch: a token only, which GET tokens resolves to the id', async () => {
      const a = await postForm(`${url}.json`, form({ api_key: s.keys.plain, service_code: 'graffiti', address_string: '1 Main St' }));
      const [receipt] = json<Receipt[]>(a);
      expect(receipt).toEqual({ token: expect.any(String), service_notice: 'Reviewed daily.', account_id: null });
      const token = receipt!.token!;
      const resolved = json<Receipt[]>(await get(`${s.url}/open311/v2/tokens/${encodeURIComponent(token)}.json`));
      expect(resolved).toHaveLength(1);
      expect(resolved[0]).toMatchObject({ service_request_id: expect.any(String), token });
      const x = await get(`${s.url}/open311/v2/tokens/${encodeURIComponent(token)}.xml`);
      expect(x.type).toBe(XML_TYPE);
      expect(decodeReceipts(x.body, 'xml')[0]).toMatchObject({ service_request_id: resolved[0]!.service_request_id, token });
      const one = json<{ service_code: string }[]>(await get(`${url}/${resolved[0]!.service_request_id}.json`));
      expect(one[0]?.service_code).toBe('graffiti');
    });

    it('blackbox: neither id nor token, only the notice', async () => {
      const a = await postForm(`${url}.json`, form({ api_key: s.keys.plain, service_code: 'noise', address_id: 'A-17' }));
      expect(json<Receipt[]>(a)).toEqual([{ service_notice: 'Forwarded to police.', account_id: null }]);
      const x = await postForm(`${url}.xml`, form({ api_key: s.keys.plain, service_code: 'noise', address_id: 'A-17' }));
      expect(x.body).not.toContain('<service_request_id');
      expect(x.body).not.toContain('<token');
      expect(x.body).toContain('<service_notice>Forwarded to police.</service_notice>');
    });

    it('unknown tokens are 404 in either format', async () => {
      expectJsonError(await get(`${s.url}/open311/v2/tokens/nope.json`), 404);
      expectXmlError(await get(`${s.url}/open311/v2/tokens/nope.xml`), 404);
      expectXmlError(await get(`${s.url}/open311/v2/tokens/nope.txt`), 404);
    });

    it('stores agency and expected_datetime from the service SLA', async () => {
      const [r] = json<Receipt[]>(await postForm(`${url}.json`, form(pothole())));
      const [req] = json<{ agency_responsible: string; requested_datetime: string; expected_datetime: string }[]>(
        await get(`${url}/${r!.service_request_id}.json`),
      );
      expect(req?.agency_responsible).toBe('Streets Department');
      expect(Date.parse(req!.expected_datetime) - Date.parse(req!.requested_datetime)).toBe(72 * 3600_000);
      expect(req?.requested_datetime).toMatch(/-0[56]:00$/); // America/Chicago
      expect((await s.store.getRequest(JURISDICTION.id, r!.service_request_id!))?.channel).toBe('api');
    });

    it('accepts the api_key in the query string and an empty field as absent', async () => {
      const body = form({ ...pothole(), api_key: '' });
      const a = await postForm(`${url}.json?api_key=${encodeURIComponent(s.keys.plain)}`, body);
      expect(a.status, a.body).toBe(200);
    });

    it('accepts a charset parameter on the content type', async () => {
      const a = await postForm(`${url}.json`, form(pothole()), 'application/x-www-form-urlencoded; charset=utf-8');
      expect(a.status, a.body).toBe(200);
    });
  });

  describe('attributes', () => {
    it('reads percent-encoded brackets and repeated multivaluelist values', async () => {
      const body =
        form({ api_key: s.keys.plain, service_code: 'pothole', address_string: '5 Elm St' }) +
        '&attribute%5BSIZE%5D=small&attribute%5BHAZARDS%5D%5B%5D=car&attribute%5BHAZARDS%5D%5B%5D=bike' +
        '&attribute[DEPTH]=12.5&attribute[SEEN]=2026-01-05T08:00:00-06:00&attribute[LANE]=left';
      const [r] = json<Receipt[]>(await postForm(`${url}.json`, body));
      const [req] = json<{ extended_attributes: { attributes: { code: string; value: string | string[] }[] } }[]>(
        await get(`${url}/${r!.service_request_id}.json?extensions=true`),
      );
      const answers = Object.fromEntries(req!.extended_attributes.attributes.map((x) => [x.code, x.value]));
      expect(answers.SIZE).toBe('small');
      expect(answers.HAZARDS).toEqual(['car', 'bike']);
      expect(answers.LANE).toBe('left');
      expect(Number(answers.DEPTH)).toBe(12.5);
      expect(answers.SEEN).toBeDefined();
    });

    it('names a missing required attribute as "<CODE> required"', async () => {
      const fields = pothole();
      delete fields['attribute[SIZE]'];
      const items = expectJsonError(await postForm(`${url}.json`, form(fields)), 400);
      expect(items.map((i) => i.description).join(' ')).toContain('SIZE required');
    });

    it('rejects list values that are not keys, non-numeric numbers and bad datetimes, all at once', async () => {
      const items = expectJsonError(
        await postForm(
          `${url}.json`,
          form(pothole({
            'attribute[SIZE]': 'huge',
            'attribute[HAZARDS][]': ['car', 'tank'],
            'attribute[DEPTH]': 'deep',
            'attribute[SEEN]': 'yesterday',
          })),
        ),
        400,
      );
      const text = items.map((i) => i.description).join('\n');
      expect(items.length).toBeGreaterThanOrEqual(4);
      expect(text).toContain('huge');
      expect(text).toContain('tank');
      expect(text).toContain('DEPTH');
      expect(text).toContain('SEEN');
    });
  });

  describe('validation and errors', () => {
    it('requires a location; lat alone is not one', async () => {
      const none = pothole();
      delete none.lat;
      delete none.long;
      const items = expectJsonError(await postForm(`${url}.json`, form(none)), 400);
      expect(items[0]?.description).toMatch(/location/i);
      const lone = pothole();
      delete lone.long;
      const lat = expectJsonError(await postForm(`${url}.json`, form(lone)), 400);
      expect(lat.map((i) => i.description).join(' ')).toMatch(/lat and long/);
    });

    it('rejects out-of-range coordinates and a description over 4000 characters', async () => {
      const items = expectJsonError(
        await postForm(`${url}.json`, form(pothole({ lat: '91', long: '-200', description: 'x'.repeat(4001) }))),
        400,
      );
      const text = items.map((i) => i.description).join('\n');
      expect(text).toMatch(/lat/);
      expect(text).toMatch(/long/);
      expect(text).toMatch(/4000/);
      expect((await postForm(`${url}.json`, form(pothole({ description: 'é'.repeat(4000) })))).status).toBe(200);
    });

    it('answers missing, unknown and revoked keys with 403', async () => {
      const missing = pothole();
      delete missing.api_key;
      const m = expectJsonError(await postForm(`${url}.json`, form(missing)), 403);
      expect(m[0]?.description).toMatch(/api_key/);
      expectJsonError(await postForm(`${url}.json`, form(pothole({ api_key: 'not-a-key' }))), 403);
      expectXmlError(await postForm(`${url}.xml`, form(pothole({ api_key: s.keys.revoked }))), 403);
    });

    it('needs service_code (400) and an active, known one (404)', async () => {
      const none = pothole();
      delete none.service_code;
      const items = expectJsonError(await postForm(`${url}.json`, form(none)), 400);
      expect(items[0]?.description).toContain('service_code');
      expectJsonError(await postForm(`${url}.json`, form(pothole({ service_code: 'nope' }))), 404);
      expectJsonError(await postForm(`${url}.json`, form(pothole({ service_code: 'retired' }))), 404);
    });

    it('checks in order: format, jurisdiction, api_key, existence, arguments', async () => {
      const bad = { api_key: '', service_code: 'nope', jurisdiction_id: 'elsewhere.example' };
      expectXmlError(await postForm(`${url}.yaml`, form(bad)), 404);
      const j = expectJsonError(await postForm(`${url}.json`, form(bad)), 404);
      expect(j[0]?.description).toContain('elsewhere.example');
      expectJsonError(await postForm(`${url}.json`, form({ ...bad, jurisdiction_id: JURISDICTION.id })), 403);
      const svc = expectJsonError(
        await postForm(`${url}.json`, form({ ...bad, jurisdiction_id: JURISDICTION.id, api_key: s.keys.plain })),
        404,
      );
      expect(svc[0]?.description).toContain('nope');
    });

    it('answers malformed percent-encoding with 400', async () => {
      expectJsonError(await postForm(`${url}.json`, `${form(pothole())}&description=100%ZZ`), 400);
      expectXmlError(await postForm(`${url}.xml`, `${form(pothole())}&bad%E0%A4name=x`), 400);
    });

    it('answers a form over 64 KiB with 413', async () => {
      const a = await postForm(`${url}.json`, form(pothole({ description: 'x'.repeat(70 * 1024) })));
      expectJsonError(a, 413);
      expectXmlError(await postForm(`${url}.xml`, form(pothole({ description: 'x'.repeat(70 * 1024) }))), 413);
    });

    it('answers other content types with 415', async () => {
      expectJsonError(await postForm(`${url}.json`, form(pothole()), 'text/plain'), 415);
      expectJsonError(await postForm(`${url}.json`, JSON.stringify(pothole()), 'application/json'), 415);
      expectXmlError(await postForm(`${url}.xml`, '<request/>', 'application/xml'), 415);
    });

    it('writes nothing when a submission fails', async () => {
      const before = await countRequests();
      await postForm(`${url}.json`, form(pothole({ 'attribute[SIZE]': 'huge' })));
      await postForm(`${url}.json`, form(pothole({ lat: 'x' })));
      const fd = new FormData();
      for (const [k, v] of Object.entries(pothole())) fd.append(k, String(v));
      fd.append('media', new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'x.svg');
      expect((await postMultipart(`${url}.json`, fd)).status).toBe(415);
      expect(await countRequests()).toBe(before);
    });
  });

  describe('multipart with media', () => {
    const multipart = (extra: [string, string | Blob, string?][] = []): FormData => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(pothole())) {
        if (k !== 'attribute[SIZE]') fd.append(k, String(v));
      }
      fd.append('attribute[SIZE]', 'small');
      fd.append('attribute[HAZARDS][]', 'walk');
      fd.append('attribute[HAZARDS][]', 'bike');
      for (const [k, v, name] of extra) {
        if (typeof v === 'string') fd.append(k, v);
        else fd.append(k, v, name);
      }
      return fd;
    };

    it('stores uploaded photos and serves them from the media URL', async () => {
      const a = await postMultipart(
        `${url}.json`,
        multipart([['media', new Blob([PNG], { type: 'image/png' }), 'hole.png']]),
      );
      expect(a.status, a.body).toBe(200);
      const [r] = json<Receipt[]>(a);
      const [req] = json<{
        media_url: string;
        extended_attributes: { media_urls: string[]; attributes: { code: string; value: string | string[] }[] };
      }[]>(await get(`${url}/${r!.service_request_id}.json?extensions=true`));
      expect(req!.media_url).toMatch(new RegExp(`^${s.url}/open311/v2/media/`));
      expect(req!.extended_attributes.media_urls).toEqual([req!.media_url]);
      const answers = Object.fromEntries(req!.extended_attributes.attributes.map((x) => [x.code, x.value]));
      expect(answers.HAZARDS).toEqual(['walk', 'bike']);
      const media = await fetch(req!.media_url);
      expect(media.status).toBe(200);
      expect(media.headers.get('content-type')).toBe('image/png');
      expect(media.headers.get('cache-control')).toContain('max-age=');
      expect(media.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await media.arrayBuffer()).equals(PNG)).toBe(true);
      const again = await fetch(req!.media_url, { headers: { 'if-none-match': media.headers.get('etag')! } });
      expect(again.status).toBe(304);
    });

    it('accepts media[] and photo1..3 fields, and keeps the order', async () => {
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
      const a = await postMultipart(
        `${url}.xml`,
        multipart([
          ['media[]', new Blob([PNG]), 'a.png'],
          ['photo2', new Blob([gif], { type: 'image/gif' }), 'b.gif'],
        ]),
      );
      expect(a.status, a.body).toBe(200);
      const [r] = decodeReceipts(a.body, 'xml');
      const [req] = json<{ extended_attributes: { media_urls: string[] } }[]>(
        await get(`${url}/${r!.service_request_id}.json?extensions=true`),
      );
      const urls = req!.extended_attributes.media_urls;
      expect(urls).toHaveLength(2);
      expect((await fetch(urls[0]!)).headers.get('content-type')).toBe('image/png');
      expect((await fetch(urls[1]!)).headers.get('content-type')).toBe('image/gif');
    });

    it('refuses files that are not images (415) with a clear message', async () => {
      const a = await postMultipart(
        `${url}.json`,
        multipart([['media', new Blob(['%PDF-1.7 fake'], { type: 'application/pdf' }), 'doc.pdf']]),
      );
      const items = expectJsonError(a, 415);
      expect(items[0]?.description).toContain('doc.pdf');
      expect(items[0]?.description).toMatch(/JPEG, PNG, GIF, WebP or HEIC/);
    });

    it('refuses a file over the media limit and too many files (413)', async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(70 * 1024)]);
      expectJsonError(await postMultipart(`${url}.json`, multipart([['media', new Blob([big]), 'big.png']])), 413);
      const four: [string, Blob, string][] = [1, 2, 3, 4].map((i) => ['media[]', new Blob([PNG]), `${i}.png`]);
      const items = expectJsonError(await postMultipart(`${url}.json`, multipart(four)), 413);
      expect(items[0]?.description).toContain('3');
    });

    it('validates multipart fields exactly like urlencoded ones', async () => {
      const fd = new FormData();
      fd.append('api_key', s.keys.plain);
      fd.append('service_code', 'pothole');
      fd.append('lat', '41.9');
      const items = expectJsonError(await postMultipart(`${url}.json`, fd), 400);
      const text = items.map((i) => i.description).join('\n');
      expect(text).toMatch(/lat and long/);
      expect(text).toContain('SIZE required');
    });

    it('refuses files in other fields', async () => {
      const a = await postMultipart(`${url}.json`, multipart([['attachment', new Blob([PNG]), 'x.png']]));
      expect(expectJsonError(a, 400)[0]?.description).toContain('attachment');
    });
  });

  describe('rate limit', () => {
    it('gives 429 with Retry-After once a key used its requests per minute', async () => {
      const body = form(pothole({ api_key: s.keys.limited }));
      expect((await postForm(`${url}.json`, body)).status).toBe(200);
      expect((await postForm(`${url}.json`, body)).status).toBe(200);
      const third = await postForm(`${url}.json`, body);
      const items = expectJsonError(third, 429);
      expect(items[0]?.description).toMatch(/retry/i);
      const retry = Number(third.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expectXmlError(await postForm(`${url}.xml`, body), 429);
      // Other keys are not affected.
      expect((await postForm(`${url}.json`, form(pothole()))).status).toBe(200);
    });
  });
});
