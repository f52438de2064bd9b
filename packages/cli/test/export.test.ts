/** `o311 export` in process on a temp SQLite database: every format, filters, files, errors. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRequests } from '@o311/georeport';
import { openStore, type Store } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshMigratedUrl } from '../../../test-support/migrated-databases.js';
import type { FreshDatabase } from '../../../test-support/databases.js';
import { cli, scratch } from './support.js';

const TOWN = { id: 'exportville.example', name: 'Exportville', contact: '311', key_service: 'ask', timezone: 'America/Chicago' };
const SECRET = { email: 'hidden@private.example', first_name: 'Hidden', last_name: 'Person', phone: '+1-555-0199', device_id: 'dev-secret', account_id: null };
const SUMMARY = /^(\d+) requests exported in \d+\.\d+ s \(\d+ rows\/s\)$/;

describe('o311 export (sqlite)', () => {
  let db: FreshDatabase;
  let store: Store;
  let files: Awaited<ReturnType<typeof scratch>>;
  let database: string[];

  beforeAll(async () => {
    files = await scratch();
    db = await freshMigratedUrl('sqlite');
    database = ['--database', db.url];
    store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction(TOWN);
    for (const code of ['pothole', 'graffiti']) {
      await store.saveService({
        jurisdiction_id: TOWN.id, service_code: code, service_name: code, description: null, type: 'realtime', keywords: null, group: null,
        active: true, agency_responsible: null, service_notice: null, sla_hours: null, attributes: [], translations: {},
      });
    }
    const days = ['2025-03-01T12:00:00Z', '2025-03-20T12:00:00Z', '2025-04-02T12:00:00Z', '2025-04-03T12:00:00Z', '2025-05-09T12:00:00Z'];
    for (const [i, day] of days.entries()) {
      await store.createRequest({
        jurisdiction_id: TOWN.id, service_code: i % 2 ? 'graffiti' : 'pothole', with_token: false, description: `request ${i}`, address: null,
        address_id: null, zipcode: null, lat: i === 0 ? null : 41.5 + i / 10, long: -93.6, media_url: null, attributes: {}, reporter: SECRET,
        media: [], api_key_id: null, channel: 'api', requested_at: Date.parse(day),
      });
    }
  });
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
    await files?.cleanup();
  });

  it('writes CSV to stdout, with the summary last on stderr', async () => {
    const r = await cli(['export', '--format', 'csv', ...database]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^service_request_id,status,detailed_status,/);
    expect(lines.length).toBe(6);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(SUMMARY);
    expect(SUMMARY.exec(r.stderr.trim().split('\n').at(-1)!)![1]).toBe('5');
    for (const secret of Object.values(SECRET).filter((v) => v !== null)) expect(r.stdout).not.toContain(secret);
  });

  it('filters by service, status, dates and month, to a file', async () => {
    const geojson = join(files.dir, 'graffiti.geojson');
    const r = await cli(['export', '--format', 'geojson', '--service', 'graffiti', '--status', 'open', '--output', geojson, ...database]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const doc = JSON.parse(await readFile(geojson, 'utf8')) as { features: { properties: { service_code: string } }[] };
    expect(doc.features.map((f) => f.properties.service_code)).toEqual(['graffiti', 'graffiti']);
    const ranged = await cli(['export', '--format', 'ndjson', '--from', '2025-03-15', '--to', '2025-04-02', ...database]);
    expect(ranged.stdout.trim().split('\n').map((l) => JSON.parse(l).properties.description)).toEqual(['request 1', 'request 2']);
    const month = await cli(['export', '--format', 'georeport-xml', '--month', '2025-04', ...database]);
    expect(month.code, month.stderr).toBe(0);
    expect(decodeRequests(month.stdout, 'xml').map((x) => x.description)).toEqual(['request 2', 'request 3']);
    const all = await cli(['export', '--format', 'georeport-json', '--jurisdiction', TOWN.id, ...database]);
    const requests = decodeRequests(all.stdout, 'json');
    expect(requests.length).toBe(5);
    expect(requests[0]!.extended_attributes?.notes.length).toBeGreaterThan(0);
    expect(all.stdout).not.toContain('hidden@private.example');
  });

  it('refuses bad input with a clear message and exit code 2, an unknown jurisdiction with 1', async () => {
    const bad: [string[], RegExp][] = [
      [['--format', 'xlsx'], /--format/],
      [[], /--format/],
      [['--format', 'csv', '--status', 'pending'], /--status/],
      [['--format', 'csv', '--from', 'last week'], /--from must be a date/],
      [['--format', 'csv', '--from', '2025-05-01', '--to', '2025-04-01'], /--to is before --from/],
      [['--format', 'csv', '--month', '2025-13'], /--month must be YYYY-MM/],
      [['--format', 'csv', '--month', '2025-04', '--from', '2025-04-01'], /--month cannot be combined/],
      [['--format', 'csv', '--public-url', 'ftp://x'], /--public-url/],
    ];
    for (const [args, message] of bad) {
      const r = await cli(['export', ...args, ...database]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const unknown = await cli(['export', '--format', 'csv', '--jurisdiction', 'nowhere', ...database]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no jurisdiction 'nowhere'/);
  });
});
