/**
 * PostgreSQL imports check the jurisdiction once per batch when the role may
 * skip triggers (dialects/postgres-import-checks.ts), and every row as before
 * when it may not; either way the foreign key stays in place and enforced
 * for every other write, and a row naming a missing jurisdiction is refused.
 * After a large load the table is vacuumed: its pages are all-visible.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openStore, type ImportedRequest, type Store } from '@o311/store';
import { freshPostgresUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { COPY_TARGET } from '../src/dialects/postgres-copy.js';
import { maySkipTriggers } from '../src/dialects/postgres-import-checks.js';
import { imported, service, T0 } from './fixtures.js';
import { rawExec, rawQuery } from './raw.js';

/** More than two of the adapter's batches (10,000 rows): a large load. */
const LARGE = 25_000;

const rows = (jurisdiction_id: string, n: number, from = 0): ImportedRequest[] =>
  Array.from({ length: n }, (_, i) => imported(jurisdiction_id, { description: String(from + i), requested_at: T0 + from + i }));

async function withClient<T>(url: string, f: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

async function addCity(store: Store, id: string): Promise<void> {
  await store.saveJurisdiction({ id, name: id, contact: '', key_service: '', timezone: 'UTC' });
  await store.saveService(service(id));
}

/** The jurisdiction foreign key as the catalog has it: present, validated. */
async function jurisdictionKey(url: string): Promise<{ convalidated: boolean } | undefined> {
  const [row] = await rawQuery(url, `select convalidated from pg_constraint where conname = 'requests_jurisdiction_id_fkey'`);
  return row as { convalidated: boolean } | undefined;
}

/** Writes one request behind the store's back, the way any other writer would. */
const insertRequest = (url: string, jurisdiction_id: string): Promise<void> =>
  rawExec(url, `insert into requests (jurisdiction_id, service_code, service_name, status, public_status, requested_at, updated_at, attributes, media_ids)
    values ('${jurisdiction_id}', 'pothole', 'Pothole', 'open', 'open', 0, 0, '{}', '[]')`);

describe('PostgreSQL imports and the jurisdiction foreign key', () => {
  let db: FreshDatabase;
  let role: string | undefined;
  beforeEach(async () => {
    db = await freshPostgresUrl();
  });
  afterEach(async () => {
    await db.cleanup();
    if (role !== undefined) {
      await rawExec(db.url.replace(/\/[^/]*$/, '/postgres'), `revoke set on parameter session_replication_role from ${role}; drop role ${role}`);
      role = undefined;
    }
  });

  /** The fresh database handed to a new role that is not a superuser (its owner, so that it may migrate). */
  async function ownerRole(): Promise<string> {
    role = `o311_import_${randomBytes(4).toString('hex')}`;
    const name = new URL(db.url).pathname.slice(1);
    await rawExec(db.url, `create role ${role} login; alter database ${name} owner to ${role}`);
    const url = new URL(db.url);
    url.username = role;
    return url.toString();
  }

  it('a superuser checks the jurisdiction once per batch; the key stays enforced for everything else', async () => {
    expect(await withClient(db.url, maySkipTriggers)).toBe(true);
    const store = await openStore(db.url);
    try {
      await store.migrate();
      await addCity(store, 'one');
      await addCity(store, 'two');
      expect(await store.importRequests(rows('one', LARGE))).toBe(LARGE);
      // Two jurisdictions in one batch are both checked.
      expect(await store.importRequests([...rows('one', 3, LARGE), ...rows('two', 2)])).toBe(5);
      expect(await store.countRequests({ jurisdiction_id: 'one' })).toBe(LARGE + 3);
      expect(await store.countRequests({ jurisdiction_id: 'two' })).toBe(2);

      // A batch naming a missing jurisdiction is refused whole, small or large.
      await expect(store.importRequests([...rows('one', 2), ...rows('missing', 1)])).rejects.toMatchObject({
        code: '23503',
        message: expect.stringMatching(/requests_jurisdiction_id_fkey.*no jurisdiction 'missing'/),
      });
      await expect(store.importRequests([...rows('one', LARGE), ...rows('missing', 1)])).rejects.toThrow(/no jurisdiction 'missing'/);
      // The first two batches of the large one are in, the third (with the bad row) is not.
      expect(await store.countRequests({ jurisdiction_id: 'one' })).toBe(LARGE + 3 + 20_000);

      // The constraint is in place, validated, and still refuses other writers and deletes.
      expect(await jurisdictionKey(db.url)).toEqual({ convalidated: true });
      await expect(insertRequest(db.url, 'missing')).rejects.toThrow(/violates foreign key constraint "requests_jurisdiction_id_fkey"/);
      await expect(rawExec(db.url, `delete from jurisdictions where id = 'two'`)).rejects.toThrow(/violates foreign key constraint/);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('skips no check but the jurisdiction key: imported rows fill no other reference, and requests has no other triggers', async () => {
    const store = await openStore(db.url);
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
    // Every foreign key of requests, by its columns: only the jurisdiction's may be among the columns COPY writes.
    const keys = await rawQuery(db.url, `
      select a.attname as column from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.conrelid = 'requests'::regclass and c.contype = 'f'`);
    const written = keys.map((k) => k.column as string).filter((c) => (COPY_TARGET.columns as readonly string[]).includes(c));
    expect(written).toEqual(['jurisdiction_id']);
    expect(keys.length).toBeGreaterThan(1);
    // Triggers that replica mode would skip: only the foreign keys' own.
    expect(await rawQuery(db.url, `select tgname from pg_trigger where tgrelid = 'requests'::regclass and not tgisinternal`)).toEqual([]);
  });

  it('holds the jurisdiction against a delete until the batch commits', async () => {
    const store = await openStore(db.url);
    try {
      await store.migrate();
      // No services: they would hold the jurisdiction too.
      await store.saveJurisdiction({ id: 'gone', name: 'Gone', contact: '', key_service: '', timezone: 'UTC' });
      // A transaction that deleted the jurisdiction, not yet committed: the batch waits for it, then finds it missing.
      await withClient(db.url, async (deleter) => {
        await deleter.query('begin');
        await deleter.query(`delete from jurisdictions where id = 'gone'`);
        const importing = store.importRequests(rows('gone', 10));
        const outcome = importing.then(() => 'written', (e: unknown) => (e as Error).message);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await deleter.query('commit');
        expect(await outcome).toMatch(/no jurisdiction 'gone'/);
      });
      expect(await rawQuery(db.url, 'select count(*)::int as n from requests')).toEqual([{ n: 0 }]);
    } finally {
      await store.close();
    }
  });

  it('a role without the right to skip triggers has every row checked, with the same outcome', async () => {
    const url = await ownerRole();
    expect(await withClient(url, maySkipTriggers)).toBe(false);
    const store = await openStore(url);
    try {
      await store.migrate();
      await addCity(store, 'one');
      expect(await store.importRequests(rows('one', LARGE))).toBe(LARGE);
      await expect(store.importRequests([...rows('one', 2), ...rows('missing', 1)])).rejects.toThrow(
        /violates foreign key constraint "requests_jurisdiction_id_fkey"/,
      );
      expect(await store.countRequests({ jurisdiction_id: 'one' })).toBe(LARGE);
      expect(await jurisdictionKey(url)).toEqual({ convalidated: true });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a role granted SET on session_replication_role checks once per batch', async () => {
    const url = await ownerRole();
    await rawExec(db.url, `grant set on parameter session_replication_role to ${role}`);
    expect(await withClient(url, maySkipTriggers)).toBe(true);
    const store = await openStore(url);
    try {
      await store.migrate();
      await addCity(store, 'one');
      expect(await store.importRequests(rows('one', 100))).toBe(100);
      await expect(store.importRequests(rows('missing', 1))).rejects.toThrow(/no jurisdiction 'missing'/);
      await expect(insertRequest(url, 'missing')).rejects.toThrow(/violates foreign key constraint/);
    } finally {
      await store.close();
    }
  });

  it('vacuums after a large load, so that index-only scans need not read the rows', async () => {
    const store = await openStore(db.url);
    try {
      await store.migrate();
      await addCity(store, 'one');
      await store.importRequests(rows('one', 10));
      const visible = async () =>
        (await rawQuery(db.url, `select relpages, relallvisible from pg_class where relname = 'requests'`))[0] as { relpages: number; relallvisible: number };
      // A small import only analyzes.
      expect((await visible()).relallvisible).toBe(0);
      await store.importRequests(rows('one', LARGE, 10));
      const after = await visible();
      expect(after.relpages).toBeGreaterThan(100);
      expect(after.relallvisible).toBe(after.relpages);
    } finally {
      await store.close();
    }
  }, 60_000);
});
