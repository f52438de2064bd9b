/** CSV export of the inbox filter (GET /staff/requests.csv): columns, RFC 4180 quoting, formula guard, access. */
import { EXTENDED_STATUSES } from '@o311/georeport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/staff/inbox/csv-columns.js';
import { csvCell, csvRow } from '../src/staff/inbox/csv.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { allRequests, parseCsv, seedRequest, userId } from './support/back-office.js';

describe('csv cells', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });

  it('guards text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell(-87.65)).toBe('-87.65');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('GET /staff/requests.csv', () => {
  let t: WebTestApp;
  let viewer: StaffAuth;
  let trickyId: string;
  const TRICKY = '=HYPERLINK("http://evil.example","click"), then\na second line';

  beforeAll(async () => {
    t = await buildWebTestApp();
    viewer = await t.login('viewer');
    const code = (await allRequests(t.store))[0]!.service_code;
    trickyId = (await seedRequest(t.store, { service_code: code, description: TRICKY, lat: 41.5, long: -90.5 })).id;
  });
  afterAll(() => t.close());

  const download = async (query: string) => {
    const res = await t.get(`/staff/requests.csv${query}`, viewer);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };

  it('sends a CSV attachment with stable headers and one row per request of the filter', async () => {
    const res = await download('?status=closed');
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="requests-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(header).toEqual(expect.arrayContaining(['service_request_id', 'detailed_status', 'priority', 'assigned_department', 'reporter_email']));
    const closed = (await allRequests(t.store)).filter((r) => EXTENDED_STATUSES[r.status] === 'closed');
    expect(rows.map((r) => r[0]).sort()).toEqual(closed.map((r) => r.id).sort());
    const status = header!.indexOf('status');
    expect(rows.every((r) => r[status] === 'closed')).toBe(true);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it('keeps the inbox sort', async () => {
    const rows = parseCsv((await download('?status=all&sort=requested_at&dir=asc')).body).slice(1);
    const oldest = [...(await allRequests(t.store))].sort((a, b) => a.requested_at - b.requested_at || Number(a.id) - Number(b.id));
    expect(rows.map((r) => r[0])).toEqual(oldest.map((r) => r.id));
  });

  it('quotes and guards hostile text, includes the staff-only contact data, writes coordinates as numbers', async () => {
    const res = await download('?q=evil.example');
    const [header, row, ...rest] = parseCsv(res.body);
    expect(rest).toEqual([]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('service_request_id')).toBe(trickyId);
    expect(cell('description')).toBe(`'${TRICKY}`);
    expect(cell('reporter_email')).toBe('rosa@example.org');
    expect(cell('reporter_phone')).toBe("'+1 555 0100");
    expect(cell('long')).toBe('-90.5');
    expect(res.body).toContain('"\'=HYPERLINK(""http://evil.example"",""click""), then\na second line"');
  });

  it('gives only the header for a filter that matches nothing, and writes the export to the audit log', async () => {
    const res = await download('?q=no-such-words-anywhere');
    expect(parseCsv(res.body)).toHaveLength(1);
    const entries = await t.store.listAudit({ actor: await userId(t.store, 'viewer'), limit: 10 });
    expect(entries.find((e) => e.action === 'request.export')?.details).toMatchObject({ query: 'q=no-such-words-anywhere', rows: 0 });
  });

  it('is offered on the inbox with the current filter', async () => {
    const res = await t.get('/staff?status=closed&q=x', viewer);
    expect(res.body).toContain('href="/staff/requests.csv?status=closed&amp;q=x"');
  });

  it('is never sent without a staff session', async () => {
    const res = await t.get('/staff/requests.csv');
    expect(res.statusCode).toBe(303);
    expect(res.body).not.toContain('rosa@example.org');
  });
});
