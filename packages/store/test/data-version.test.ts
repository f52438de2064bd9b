/**
 * The data version as other processes see it: it moves with every write of
 * public data, in the same commit, never before the data can be read (see
 * dialects/postgres-data-version.ts and sqlite.ts `bumpDataVersion`). A second
 * store on the same database stands for another server process.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { imported, newRequest, service, T0, uid } from './fixtures.js';

describe.each(dialects)('data version on %s', (dialect) => {
  let db: FreshDatabase;
  let writer: Store;
  let reader: Store;

  beforeAll(async () => {
    db = await freshUrl(dialect);
    writer = await openStore(db.url);
    await writer.migrate();
    reader = await openStore(db.url);
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await db?.cleanup();
  });

  const jurisdiction = async (): Promise<string> => {
    const id = uid('j');
    await writer.saveJurisdiction({ id, name: id, contact: '', key_service: '', timezone: 'UTC' });
    await writer.saveService(service(id));
    return id;
  };

  it('moves for another process with every kind of public write, and stays for writes that change nothing', async () => {
    const j = await jurisdiction();
    const second = uid('j');
    const r = await writer.createRequest(newRequest(j, { requested_at: T0 }));
    const steps: [string, () => Promise<unknown>, boolean][] = [
      ['saveJurisdiction', () => writer.saveJurisdiction({ id: second, name: 'S', contact: '', key_service: '', timezone: 'UTC' }), true],
      ['setPrimaryJurisdiction', () => writer.setPrimaryJurisdiction(second), true],
      ['setPrimaryJurisdiction (unknown)', () => writer.setPrimaryJurisdiction(uid('none')), false],
      ['setPrimaryJurisdiction (back)', () => writer.setPrimaryJurisdiction(j), true],
      ['saveService', () => writer.saveService(service(j, { service_name: 'Renamed' })), true],
      ['deleteService (unknown)', () => writer.deleteService(j, 'nothing-here'), false],
      ['createRequest', () => writer.createRequest(newRequest(j, { requested_at: T0 })), true],
      ['changeStatus', () => writer.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'closed', note: 'n', author: null }), true],
      ['changeStatus (unknown request)', () => writer.changeStatus({ jurisdiction_id: j, request_id: '999999999', status: 'closed', note: null, author: null }), false],
      ['addComment', () => writer.addComment!({ jurisdiction_id: j, request_id: r.id, description: 'c', public: true, author: null }), true],
      ['updateTriage (expected_at)', () => writer.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'a', expected_at: T0 + 1 }), true],
      ['updateTriage (staff only)', () => writer.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'a', priority: 'high' }), false],
      ['importRequests', () => writer.importRequests([imported(j)]), true],
      ['clearRequests', () => writer.clearRequests(j), true],
      ['clearRequests (empty)', () => writer.clearRequests(j), false],
      ['deleteService', () => writer.deleteService(j, 'pothole'), true],
      ['deleteJurisdiction', () => writer.deleteJurisdiction(second), true],
    ];
    // SQLite's PRAGMA data_version moves for other connections with ANY commit
    // (an audit entry too): never stale, only less cached. The writer's own
    // version counts only public writes on both.
    const watchers = dialect === 'postgres' ? [reader, writer] : [writer];
    for (const [what, write, moves] of steps) {
      const before = await reader.dataVersion();
      const own = await writer.dataVersion();
      await write();
      if (moves) {
        expect(await reader.dataVersion(), what).not.toBe(before);
        expect(await writer.dataVersion(), what).not.toBe(own);
      } else {
        for (const store of watchers) expect(await store.dataVersion(), what).toBe(store === reader ? before : own);
      }
    }
  });

  if (dialect === 'postgres') {
    it("stays for other processes while the store's write has not committed, and moves with its commit", async () => {
      const j = await jurisdiction();
      const listed = async (): Promise<string[]> =>
        (await reader.listRequests({ jurisdiction_id: j, limit: 10, offset: 0 })).map((r) => r.description ?? '');
      const before = await reader.dataVersion();
      const hold = await holdVersionRows(db.url);
      const write = writer.createRequest(newRequest(j, { description: 'pending', requested_at: T0 }));
      await hold.writerWaiting();
      // The request row is written, the bump waits: neither shows.
      expect(await reader.dataVersion()).toBe(before);
      expect(await listed()).toEqual([]);
      await hold.release();
      await write;
      expect(await reader.dataVersion()).not.toBe(before);
      expect(await listed()).toEqual(['pending']);
    });

    it('counts every commit of concurrent writers of two processes exactly once', async () => {
      const j = await jurisdiction();
      const before = Number(await reader.dataVersion());
      const writes = Array.from({ length: 40 }, (_, i) => (i % 2 ? writer : reader).createRequest(newRequest(j, { requested_at: T0 })));
      await Promise.all(writes);
      expect(Number(await reader.dataVersion())).toBe(before + 40);
    });
  } else {
    it('stays while another connection has not committed, and moves with its commit', async () => {
      const j = await jurisdiction();
      const before = await reader.dataVersion();
      const raw = new BetterSqlite3(db.url.slice('sqlite:'.length));
      try {
        raw.exec('begin immediate');
        raw.prepare("update jurisdictions set name = 'changed' where id = ?").run(j);
        expect(await reader.dataVersion()).toBe(before);
        expect((await reader.getJurisdiction(j))?.name).toBe(j);
        raw.exec('commit');
      } finally {
        raw.close();
      }
      expect(await reader.dataVersion()).not.toBe(before);
      expect((await reader.getJurisdiction(j))?.name).toBe('changed');
    });
  }
});

/**
 * Locks the data version table from another connection, so that the store's
 * next write transaction writes its rows and then waits at its last
 * statement, the bump, until `release`.
 */
async function holdVersionRows(url: string): Promise<{ writerWaiting(): Promise<void>; release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  // Blocks every increment (and a stripe's first insert); plain reads go on.
  await client.query('lock table o311_data_version in exclusive mode');
  return {
    writerWaiting: async () => {
      // Until a transaction waits for the lock.
      for (;;) {
        const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from pg_locks where not granted`);
        if (Number(rows[0]?.n) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    release: async () => {
      await client.query('commit');
      await client.end();
    },
  };
}
