/** Open-data files over HTTP: every format parses, counts match the store, no personal data, bad filters are 400s, month files equal the API. */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRequests } from '@o311/georeport';
import type { RequestFilter } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { EXPORT_FIELDS } from '../src/open-data/export-record.js';
import { JURISDICTION, PII_STRINGS, potholeForm, startServer, type Server } from './support/fixture.js';
import { expectJsonError, form, get, postForm } from './support/http.js';
import { seedRequest } from './support/requests.js';

/** RFC 4180: quoted fields may hold commas, CR, LF and doubled quotes; records end with CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      cell = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(cell)) throw new Error(`bare quote or line break in ${JSON.stringify(cell)}`);
      i += cell.length;
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`junk after a field at ${i}`);
  }
  if (row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

const at = (iso: string): number => Date.parse(iso);
type Where = Omit<RequestFilter, 'limit' | 'offset'>;

describe.each(dialects)('open data (%s)', (dialect) => {
  let s: Server;
  const base = () => `${s.url}/open-data`;
  const count = (f: Omit<Where, 'jurisdiction_id'>) => s.store.countRequests({ jurisdiction_id: JURISDICTION.id, ...f });

  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        const times = ['2025-10-03T15:00:00Z', '2025-10-31T12:00:00Z', '2025-11-01T04:30:00Z', '2025-11-15T09:00:00Z', '2025-12-24T18:00:00Z'];
        for (const [n, iso] of times.entries()) {
          await seedRequest(store, {
            service_code: n % 2 === 0 ? 'pothole' : 'trash.bulk',
            requested_at: at(iso),
            description: ['=HYPERLINK("http://evil")', 'comma, "quote"\nand a line', '+1 café', '-minus', 'plain'][n]!,
            address: n === 4 ? null : `${n} Main St`,
            lat: n === 4 ? null : 41.8 + n / 100,
            long: n === 4 ? null : -87.6 - n / 100,
          });
        }
        const all = await store.listRequests({ jurisdiction_id: JURISDICTION.id, limit: 10, offset: 0 });
        const closed = all.find((r) => r.description === 'plain')!;
        await store.changeStatus({ jurisdiction_id: JURISDICTION.id, request_id: closed.id, status: 'fixed', note: 'Filled', author: 'Staff Person', at: at('2025-12-26T10:00:00Z') });
        await store.addComment!({ jurisdiction_id: JURISDICTION.id, request_id: closed.id, description: 'INTERNAL-ONLY note', public: false, author: 'Staff Person' });
        await store.saveJurisdiction({ id: 'sandbox.example', name: 'Sandbox', contact: '', key_service: '', timezone: 'UTC', sandbox: true });
      },
    });
    // One request through the API, with every contact field.
    const posted = await postForm(`${s.url}/open311/v2/requests.json`, form(potholeForm(s.keys.plain)));
    expect(posted.status, posted.body).toBe(200);
  });
  afterAll(() => s?.close());

  it('writes CSV with a header, RFC 4180 quoting and guarded formulas, one row per request', async () => {
    const a = await get(`${base()}/requests.csv`);
    expect(a.status, a.body).toBe(200);
    expect(a.type).toBe('text/csv; charset=utf-8; header=present');
    expect(a.headers.get('content-disposition')).toBe(`attachment; filename="requests-${JURISDICTION.id}.csv"`);
    const [header, ...rows] = parseCsv(a.body);
    expect(header).toEqual([...EXPORT_FIELDS]);
    expect(rows.length).toBe(await count({}));
    const description = rows.map((r) => r[EXPORT_FIELDS.indexOf('description')]);
    expect(description).toContain(`'=HYPERLINK("http://evil")`);
    expect(description).toContain('comma, "quote"\nand a line');
    expect(description).toContain("'+1 café");
    expect(description).toContain("'-minus");
    const fixed = rows.find((r) => r[EXPORT_FIELDS.indexOf('description')] === 'plain')!;
    expect(fixed[EXPORT_FIELDS.indexOf('status')]).toBe('closed');
    expect(fixed[EXPORT_FIELDS.indexOf('detailed_status')]).toBe('fixed');
    expect(fixed[EXPORT_FIELDS.indexOf('channel')]).toBe('api');
    expect(fixed[EXPORT_FIELDS.indexOf('lat')]).toBe('');
    expect(rows[0]![EXPORT_FIELDS.indexOf('requested_datetime')]).toBe('2025-10-03T10:00:00-05:00');
    expect(rows[0]![EXPORT_FIELDS.indexOf('long')]).toBe('-87.6');
  });

  it('writes GeoJSON and NDJSON features with [long, lat], null geometry without a place', async () => {
    const g = await get(`${base()}/requests.geojson`);
    expect(g.type).toBe('application/geo+json; charset=utf-8');
    const doc = JSON.parse(g.body) as { type: string; features: { id: string; geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.length).toBe(await count({}));
    const first = doc.features[0]!;
    expect(first.geometry).toEqual({ type: 'Point', coordinates: [-87.6, 41.8] });
    expect(Object.keys(first.properties)).toEqual([...EXPORT_FIELDS]);
    expect(doc.features.find((f) => f.properties.description === 'plain')!.geometry).toBeNull();
    const n = await get(`${base()}/requests.ndjson`);
    expect(n.type).toBe('application/x-ndjson; charset=utf-8');
    const lines = n.body.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(doc.features);
  });

  it('filters by service, status and dates exactly as the store counts them', async () => {
    const cases: [string, Omit<Where, 'jurisdiction_id'>][] = [
      ['service_code=trash.bulk', { service_codes: ['trash.bulk'] }],
      ['service_code=trash.bulk&service_code=pothole', { service_codes: ['trash.bulk', 'pothole'] }],
      ['service_code=trash.bulk,graffiti', { service_codes: ['trash.bulk', 'graffiti'] }],
      ['status=closed', { statuses: ['closed'] }],
      ['status=open&service_code=pothole', { statuses: ['open'], service_codes: ['pothole'] }],
      ['start_date=2025-11-01&end_date=2025-11-30', { requested_from: at('2025-11-01T05:00:00Z'), requested_to: at('2025-12-01T05:59:59.999Z') }],
      ['start_date=2025-10-31T12:00:00Z&end_date=2025-11-01T04:30:00Z', { requested_from: at('2025-10-31T12:00:00Z'), requested_to: at('2025-11-01T04:30:00.999Z') }],
      ['updated_after=2025-12-25T00:00:00Z', { updated_from: at('2025-12-25T00:00:00Z') }],
    ];
    for (const [query, where] of cases) {
      const expected = await count(where);
      const rows = parseCsv((await get(`${base()}/requests.csv?${query}`)).body).length - 1;
      expect(rows, query).toBe(expected);
      const features = (await get(`${base()}/requests.ndjson?${query}`)).body.split('\n').filter((l) => l !== '').length;
      expect(features, query).toBe(expected);
    }
    expect(await count({ requested_from: at('2025-11-01T05:00:00Z'), requested_to: at('2025-12-01T05:59:59.999Z') })).toBe(1);
  });

  it('never writes personal data or internal notes, in any file', async () => {
    const index = JSON.parse((await get(`${base()}/georeport.json`)).body) as { months: { json: string; xml: string }[] };
    const urls = ['requests.csv', 'requests.geojson', 'requests.ndjson'].map((f) => `${base()}/${f}`);
    urls.push(...index.months.flatMap((m) => [m.json, m.xml]));
    expect(index.months.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      const { body, status } = await get(url);
      expect(status, url).toBe(200);
      for (const pii of [...PII_STRINGS, 'INTERNAL-ONLY', 'Staff Person']) expect(body, url).not.toContain(pii);
    }
  });

  it('answers bad filters with a 400 naming the problem, unknown files and jurisdictions with a 404', async () => {
    const bad: [string, RegExp][] = [
      ['status=pending', /status must be open, closed/],
      ['start_date=yesterday', /start_date must be a date/],
      ['start_date=2025-02-30', /start_date must be a date/],
      ['updated_before=2025-13-01T00:00:00Z', /updated_before must be/],
      ['start_date=2025-12-01&end_date=2025-11-01', /end_date is before start_date/],
      ['status=open&status=closed', /status may be given once/],
      [`service_code=${Array.from({ length: 101 }, (_, i) => `s${i}`).join(',')}`, /at most 100 services/],
      [`service_code=${'x'.repeat(300)}`, /at most 255 characters/],
    ];
    for (const [query, message] of bad) {
      const items = expectJsonError(await get(`${base()}/requests.csv?${query}`), 400);
      expect(items.map((i) => i.description).join(' '), query).toMatch(message);
    }
    expectJsonError(await get(`${base()}/requests.xlsx`), 404);
    expectJsonError(await get(`${base()}/nowhere.example/requests.csv`), 404);
    expectJsonError(await get(`${base()}/sandbox.example/requests.csv`), 404);
    expectJsonError(await get(`${base()}/georeport/2025-13.json`), 404);
    expectJsonError(await get(`${base()}/georeport/2025-11.csv`), 404);
  });

  it('serves the primary jurisdiction under its id too, with an ETag that holds until the data changes', async () => {
    const a = await get(`${base()}/requests.csv`);
    const b = await get(`${base()}/${JURISDICTION.id}/requests.csv`);
    expect(b.body).toBe(a.body);
    const etag = a.headers.get('etag')!;
    expect(etag).toMatch(/^"od-/);
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get(`${base()}/requests.csv`, { 'if-none-match': etag })).status).toBe(304);
    await seedRequest(s.store, { service_code: 'pothole', requested_at: at('2025-09-01T00:00:00Z') });
    const changed = await get(`${base()}/requests.csv`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(parseCsv(changed.body).length - 1).toBe(await count({}));
  });

  it('answers HEAD with the headers only', async () => {
    const res = await fetch(`${base()}/requests.csv`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="requests-/);
    expect(await res.text()).toBe('');
    // The server still answers afterwards (the stream made for HEAD was let go).
    expect((await get(`${base()}/requests.ndjson`)).status).toBe(200);
  });

  it('streams gzipped when asked', async () => {
    const res = await fetch(`${base()}/requests.geojson`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-length')).toBeNull();
    const raw = Buffer.from(await res.arrayBuffer());
    // fetch may or may not have inflated it already
    const text = raw[0] === 0x1f ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    expect(JSON.parse(text).features.length).toBe(await count({}));
  });

  it('lists the months with counts and links; each month file equals GET requests?extensions=true of that month', async () => {
    const index = JSON.parse((await get(`${base()}/georeport.json`)).body) as {
      jurisdiction_id: string;
      months: { month: string; requests: number; json: string; xml: string }[];
    };
    expect(index.jurisdiction_id).toBe(JURISDICTION.id);
    const months = index.months.map((m) => m.month);
    expect(months).toEqual([...months].sort());
    expect(months).toEqual(expect.arrayContaining(['2025-10', '2025-11', '2025-12']));
    // 2025-11-01T04:30Z is still October in Chicago.
    expect(index.months.find((m) => m.month === '2025-10')!.requests).toBe(3);
    expect(index.months.find((m) => m.month === '2025-11')!.json).toBe(`${s.url}/open-data/georeport/2025-11.json`);
    for (const m of index.months) {
      const [y, mo] = m.month.split('-').map(Number) as [number, number];
      const start = new Date(Date.UTC(y, mo - 1, 1, 6)).toISOString().replace('.000Z', 'Z');
      const end = new Date(Date.UTC(y, mo, 1, 5, 59, 59)).toISOString().replace('.000Z', 'Z');
      const api = (format: string) => get(`${s.url}/open311/v2/requests.${format}?start_date=${start}&end_date=${end}&extensions=true`);
      for (const format of ['json', 'xml'] as const) {
        const file = await get(format === 'json' ? m.json : m.xml);
        expect(file.status).toBe(200);
        expect(file.type).toBe((await api(format)).type);
        const byId = (list: { service_request_id: string }[]) => [...list].sort((a, b) => Number(a.service_request_id) - Number(b.service_request_id));
        const fromFile = decodeRequests(file.body, format);
        expect(fromFile.length, m.month).toBe(m.requests);
        expect(byId(fromFile)).toEqual(byId(decodeRequests((await api(format)).body, format)));
      }
    }
    const empty = await get(`${base()}/georeport/1999-01.xml`);
    expect(decodeRequests(empty.body, 'xml')).toEqual([]);
  });
});
