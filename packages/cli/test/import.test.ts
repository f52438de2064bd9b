/** `o311 import` of CSV, GeoReport JSON and GeoReport XML, on SQLite and PostgreSQL. */
import { encodeRequests, type PublicRequestWithExtensions } from '@o311/georeport';
import { openStore, type Jurisdiction, type Store, type StoredRequest } from '@o311/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../test-support/migrated-databases.js';
import { importFile } from '../src/import/importer.js';
import { createProgress } from '../src/import/progress.js';
import { captureIo, cli, scratch } from './support.js';

const TOWN: Jurisdiction = {
  id: 'testville.example', name: 'Testville', contact: '311', key_service: 'ask', timezone: 'America/Chicago',
};
const SUMMARY = /^imported (\d+) requests in \d+\.\d+ s \(\d+ rows\/s\)$/;
const HEADER = 'service_request_id,service_code,service_name,status,status_notes,description,requested_datetime,updated_datetime,expected_datetime,address,address_id,zipcode,lat,long,media_url,agency_responsible';

const csvRow = (i: number, overrides: Partial<Record<'code' | 'status' | 'requested' | 'lat', string>> = {}): string =>
  [String(i), overrides.code ?? 'POTHOLE', '', overrides.status ?? 'open', '', `"Hole number ${i}"`,
    overrides.requested ?? `2025-03-${String((i % 28) + 1).padStart(2, '0')}T09:30:00-06:00`, '', '', `${100 + i} Oak St`, '', '50309',
    overrides.lat ?? '41.58', '-93.62', '', 'Public Works'].join(',');

function publicRequest(i: number, extra: Partial<PublicRequestWithExtensions> = {}): PublicRequestWithExtensions {
  return {
    service_request_id: String(1000 + i), status: 'open', status_notes: null, service_name: 'Pothole', service_code: 'POTHOLE',
    description: `Report ${i} <with> "markup" & ampersand`, agency_responsible: 'Public Works', service_notice: null,
    requested_datetime: '2025-06-01T08:00:00-05:00', updated_datetime: '2025-06-02T08:00:00-05:00', expected_datetime: null,
    address: `${i} Elm St`, address_id: null, zipcode: '50310', lat: 41.6, long: -93.7, media_url: null, ...extra,
  };
}

async function requestsOf(store: Store): Promise<StoredRequest[]> {
  return (await store.listRequests({ jurisdiction_id: TOWN.id, limit: 10_000, offset: 0 })).reverse();
}

describe.each(dialects)('import on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let files: Awaited<ReturnType<typeof scratch>>;
  let database: string[];

  beforeAll(async () => {
    files = await scratch();
  });
  afterAll(async () => {
    await files.cleanup();
  });

  beforeEach(async () => {
    db = await freshMigratedUrl(dialect);
    database = ['--database', db.url];
    store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction(TOWN);
    await store.saveService({
      jurisdiction_id: TOWN.id, service_code: 'POTHOLE', service_name: 'Pothole', description: null, type: 'realtime',
      keywords: null, group: 'Streets', active: true, agency_responsible: 'Public Works', service_notice: null, sla_hours: 72,
      attributes: [], translations: {},
    });
    return async () => {
      await store.close();
      await db.cleanup();
    };
  });

  it('imports CSV rows with every field, creating missing services', async () => {
    const file = await files.file('requests.csv', [
      HEADER,
      '17,POTHOLE,Pothole,In Progress,Crew sent,"Deep hole, ""really"" deep\nnear the curb",2025-03-01T09:30:00-06:00,2025-03-02T10:00:00Z,2025-03-04T09:30:00-06:00,1423 Oak St,A-1,50309,41.5868,-93.625,https://example.org/p.jpg,Public Works',
      '18,LEGACY_SIGN,Damaged sign,closed,Replaced,,2025-03-05T12:00:00Z,2025-03-06T12:00:00Z,,Main St & 5th Ave,,,,,,Traffic',
      '19,LEGACY_SIGN,,fixed,,Bent pole,2025-03-07T12:00:00.5Z,,,,,,0,0,,',
      '',
    ].join('\r\n'));
    const r = await cli(['import', file, ...database]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.last).toMatch(SUMMARY);
    expect(SUMMARY.exec(r.last)?.[1]).toBe('3');
    expect(r.stdout).toContain('created service LEGACY_SIGN ("Damaged sign") in testville.example');

    const [a, b, c] = await requestsOf(store);
    expect(a).toMatchObject({
      service_code: 'POTHOLE', service_name: 'Pothole', status: 'in_progress', status_notes: 'Crew sent',
      description: 'Deep hole, "really" deep\nnear the curb', requested_at: Date.UTC(2025, 2, 1, 15, 30),
      updated_at: Date.UTC(2025, 2, 2, 10), expected_at: Date.UTC(2025, 2, 4, 15, 30), address: '1423 Oak St', address_id: 'A-1',
      zipcode: '50309', lat: 41.5868, long: -93.625, media_url: 'https://example.org/p.jpg', agency_responsible: 'Public Works',
    });
    expect(a?.id).not.toBe('17');
    expect(b).toMatchObject({ service_code: 'LEGACY_SIGN', service_name: 'Damaged sign', status: 'closed', lat: null, zipcode: null });
    expect(c).toMatchObject({ status: 'fixed', requested_at: Date.UTC(2025, 2, 7, 12, 0, 0, 500), lat: null, long: null });
    expect(c?.updated_at).toBe(c?.requested_at);
    const legacy = await store.getService(TOWN.id, 'LEGACY_SIGN');
    expect(legacy).toMatchObject({ service_name: 'Damaged sign', type: 'realtime', attributes: [], active: true });
    const events = await store.listEvents(TOWN.id, a?.id ?? '');
    expect(events.map((e) => e.status)).toEqual(['open', 'in_progress']);
  });

  it('imports GeoReport JSON, bare and wrapped, with extended statuses', async () => {
    const list = [
      publicRequest(1),
      publicRequest(2, { status: 'closed', status_notes: 'Patched', extended_attributes: { detailed_status: 'fixed', media_urls: [], notes: [], attributes: [] } }),
      publicRequest(3, { lat: null, long: null, media_url: 'https://example.org/3.jpg' }),
    ];
    const bare = await files.file('bare.json', encodeRequests(list, 'json'));
    const wrapped = await files.file('wrapped.JSON', JSON.stringify({ service_requests: JSON.parse(encodeRequests(list, 'json')) as unknown }));
    const r1 = await cli(['import', bare, ...database]);
    expect(r1.code).toBe(0);
    expect(SUMMARY.exec(r1.last)?.[1]).toBe('3');
    const r2 = await cli(['import', wrapped, '--jurisdiction', TOWN.id, ...database]);
    expect(SUMMARY.exec(r2.last)?.[1]).toBe('3');
    const all = await requestsOf(store);
    expect(all).toHaveLength(6);
    expect(all.map((r) => r.status)).toEqual(['open', 'fixed', 'open', 'open', 'fixed', 'open']);
    expect(all[0]).toMatchObject({
      description: 'Report 1 <with> "markup" & ampersand', requested_at: Date.UTC(2025, 5, 1, 13), updated_at: Date.UTC(2025, 5, 2, 13),
      address: '1 Elm St', zipcode: '50310', lat: 41.6, long: -93.7, agency_responsible: 'Public Works',
    });
    expect(all[1]?.status_notes).toBe('Patched');
    expect(all[2]).toMatchObject({ lat: null, long: null, media_url: 'https://example.org/3.jpg' });
  });

  it('imports GeoReport XML', async () => {
    const list = [publicRequest(1), publicRequest(2, { status: 'closed', service_code: 'NEW_ONE', service_name: 'Brand new' })];
    const file = await files.file('requests.xml', encodeRequests(list, 'xml'));
    const r = await cli(['import', file, ...database]);
    expect(r.code).toBe(0);
    expect(SUMMARY.exec(r.last)?.[1]).toBe('2');
    expect(r.stdout).toContain('created service NEW_ONE ("Brand new")');
    const all = await requestsOf(store);
    expect(all.map((x) => [x.service_code, x.status, x.description])).toEqual([
      ['POTHOLE', 'open', 'Report 1 <with> "markup" & ampersand'],
      ['NEW_ONE', 'closed', 'Report 2 <with> "markup" & ampersand'],
    ]);
    expect(all[0]?.requested_at).toBe(Date.UTC(2025, 5, 1, 13));
  });

  it('stops at a bad CSV row, names its line, and writes nothing of the batch', async () => {
    const file = await files.file('bad.csv', [HEADER, csvRow(1), csvRow(2), csvRow(3, { requested: '03/04/2025' }), csvRow(4, { code: 'NEVER_CREATED' })].join('\n'));
    const r = await cli(['import', file, ...database]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("error: line 4 (service_request_id 3): requested_datetime '03/04/2025' is not a W3C datetime with a timezone, e.g. 2025-03-01T09:30:00-06:00 or 2025-03-01T15:30:00Z (nothing was imported)\n");
    expect(await store.countRequests({ jurisdiction_id: TOWN.id })).toBe(0);
    expect(await store.getService(TOWN.id, 'NEVER_CREATED')).toBeUndefined();
  });

  it('stops at a bad JSON or XML record before writing anything', async () => {
    const json = await files.file('bad.json', JSON.stringify([publicRequest(1), publicRequest(2), { ...publicRequest(3), status: 'resolved-ish' }]));
    const r = await cli(['import', json, ...database]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: record 3 \(service_request_id 1003\): status 'resolved-ish' is not open, closed or an extended status.*\(nothing was imported\)\n$/);
    const xml = await files.file('bad.xml', encodeRequests([publicRequest(1), publicRequest(2, { lat: 41, long: null })], 'xml'));
    const x = await cli(['import', xml, ...database]);
    expect(x.code).toBe(1);
    expect(x.stderr).toMatch(/^error: record 2 \(service_request_id 1002\): lat is given without long/);
    const broken = await files.file('broken.xml', '<service_requests><request><service_code>A</service_code></requestt></service_requests>');
    const b = await cli(['import', broken, ...database]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^error: not well-formed XML: .+\n$/);
    expect(await store.countRequests({ jurisdiction_id: TOWN.id })).toBe(0);
  });

  it('keeps earlier whole batches and drops the whole failing batch', async () => {
    // ~1.7 MB: more than one read chunk, so some batches are written before the bad row is read.
    const rows = Array.from({ length: 12_000 }, (_, i) => csvRow(i + 1, i === 10_999 ? { lat: '95' } : {}));
    const file = await files.file('batches.csv', [HEADER, ...rows].join('\n'));
    const io = captureIo();
    const failure = await importFile({ store, file, format: 'csv', jurisdiction_id: TOWN.id, progress: createProgress(io), batchSize: 1000 })
      .then(() => undefined, (e: unknown) => e as Error);
    const written = await store.countRequests({ jurisdiction_id: TOWN.id });
    expect(written).toBeGreaterThan(0);
    expect(written % 1000).toBe(0);
    expect(written).toBeLessThan(11_000);
    expect(failure?.message).toBe(`line 11001 (service_request_id 11000): lat 95 is outside -90..90 (nothing of the failing batch was written; ${written} rows of earlier batches were imported)`);
  });

  it('streams a larger CSV in batches, with plain progress lines when stderr is not a terminal', async () => {
    const n = 25_000;
    const lines = [HEADER];
    for (let i = 0; i < n; i++) lines.push(csvRow(i, { status: i % 3 === 0 ? 'closed' : 'open', code: i % 2 ? 'POTHOLE' : 'STREETLIGHT' }));
    const file = await files.file('big.csv', lines.join('\n'));
    const io = captureIo();
    const result = await importFile({ store, file, format: 'csv', jurisdiction_id: TOWN.id, progress: createProgress(io, { everyMs: 0 }), batchSize: 4000 });
    expect(result.rows).toBe(n);
    expect(result.createdServices).toEqual([{ service_code: 'STREETLIGHT', service_name: 'STREETLIGHT' }]);
    expect(await store.countRequests({ jurisdiction_id: TOWN.id })).toBe(n);
    expect(await store.countRequests({ jurisdiction_id: TOWN.id, statuses: ['closed'] })).toBe(Math.ceil(n / 3));
    const progress = io.err.join('');
    expect(progress).toMatch(/^importing: \d+ rows \(\d+%\), \d+ rows\/s$/m);
  });

  it('checks without writing on --dry-run, and notes ignored columns', async () => {
    const file = await files.file('extra.csv', `${HEADER},ward,priority\n${csvRow(1)},W1,high\n${csvRow(2, { code: 'NEWCODE' })},W2,low\n`);
    const r = await cli(['import', file, '--dry-run', ...database]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: ignoring columns that are not GeoReport fields: ward, priority\n');
    expect(r.stdout).toContain('would create service NEWCODE');
    expect(r.last).toMatch(/^checked 2 requests in \d+\.\d+ s: all valid \(dry run, nothing written\)$/);
    expect(await store.countRequests({ jurisdiction_id: TOWN.id })).toBe(0);
    expect(await store.getService(TOWN.id, 'NEWCODE')).toBeUndefined();
  });

  it('explains which jurisdiction to use, and defaults to the primary one', async () => {
    const file = await files.file('one.csv', `${HEADER}\n${csvRow(1)}\n`);
    const unknown = await cli(['import', file, '--jurisdiction', 'nowhere.example', ...database]);
    expect(unknown).toMatchObject({ code: 1, stderr: "error: no jurisdiction 'nowhere.example' in this database; there is testville.example\n" });
    await store.saveJurisdiction({ ...TOWN, id: 'other.example', name: 'Other' });
    // Several jurisdictions: the primary one (the first saved), although other.example sorts first.
    const before = await store.countRequests({ jurisdiction_id: TOWN.id });
    const primary = await cli(['import', file, ...database]);
    expect(primary.code, primary.stderr).toBe(0);
    expect(await store.countRequests({ jurisdiction_id: TOWN.id })).toBe(before + 1);
    const chosen = await cli(['import', file, '--jurisdiction', 'other.example', ...database]);
    expect(chosen.code).toBe(0);
    expect(await store.countRequests({ jurisdiction_id: 'other.example' })).toBe(1);
  });
});

describe('import without a usable jurisdiction or file', () => {
  let db: FreshDatabase;
  let files: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    db = await freshUrl('sqlite');
    files = await scratch();
  });
  afterAll(async () => {
    await db.cleanup();
    await files.cleanup();
  });

  it('tells how to create a jurisdiction when there is none', async () => {
    const file = await files.file('a.csv', `${HEADER}\n${csvRow(1)}\n`);
    const r = await cli(['import', file, '--database', db.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: the database has no jurisdiction to import into: create one .*POST \/api\/v1\/jurisdictions.*o311 serve --demo.*\n$/);
  });

  it('refuses unknown formats, missing files, empty files and headers without the needed columns', async () => {
    const txt = await files.file('a.txt', 'whatever');
    expect(await cli(['import', txt, '--database', db.url])).toMatchObject({
      code: 2, stderr: `error: cannot tell the format of ${txt} from its extension; use --format csv, json or xml\n`,
    });
    expect((await cli(['import', txt, '--format', 'yaml', '--database', db.url])).code).toBe(2);
    const missing = await cli(['import', `${files.dir}/nope.csv`, '--database', db.url]);
    expect(missing).toMatchObject({ code: 1, stderr: `error: cannot read ${files.dir}/nope.csv: no such file\n` });

    const store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction(TOWN);
    await store.close();
    const empty = await files.file('empty.csv', '');
    expect((await cli(['import', empty, '--database', db.url])).stderr).toMatch(/^error: the file is empty: expected a header line/);
    const headerOnly = await files.file('header.csv', `${HEADER}\n`);
    expect((await cli(['import', headerOnly, '--database', db.url])).last).toMatch(/^imported 0 requests/);
    const noDate = await files.file('nodate.csv', 'service_code,description\nPOTHOLE,hole\n');
    expect((await cli(['import', noDate, '--database', db.url])).stderr).toBe('error: line 1: the header has no requested_datetime column (columns are GeoReport field names)\n');
    const asJson = await files.file('really-json.txt', '[]');
    expect((await cli(['import', asJson, '--format', 'json', '--database', db.url])).last).toMatch(/^imported 0 requests/);
  });
});
