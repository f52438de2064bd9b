import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '@o311/store';
import { createSqliteAdapter } from '../src/dialects/sqlite.js';
import { runBackOfficeContract } from './back-office-contract.js';
import { runClientsContract } from './clients-contract.js';
import { runIdempotencyContract } from './idempotency-contract.js';
import { runRegistryContract } from './registry-contract.js';
import { runFederationContract } from './federation-contract.js';
import { runWebhooksContract } from './webhooks-contract.js';
import { runSupportersContract } from './supporters-contract.js';
import { runCallersContract } from './callers-contract.js';
import { runStoreContract } from './contract.js';
import { runExportContract } from './export-contract.js';
import { rawQuery } from './raw.js';

runStoreContract('sqlite');
runBackOfficeContract('sqlite');
runClientsContract('sqlite');
runIdempotencyContract('sqlite');
runRegistryContract('sqlite');
runFederationContract('sqlite');
runWebhooksContract('sqlite');
runSupportersContract('sqlite');
runCallersContract('sqlite');
runExportContract('sqlite');

describe('SQLite specifics', () => {
  it('creates the folder of the database file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'o311-sqlite-'));
    try {
      const file = join(dir, 'nested', 'deeper', 'o311.db');
      const store = await openStore(`sqlite:${file}`);
      await store.migrate();
      await store.close();
      expect(existsSync(file)).toBe(true);
      const [mode] = await rawQuery(`sqlite:${file}`, 'pragma journal_mode');
      expect(mode?.journal_mode).toBe('wal');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts sqlite::memory: and sqlite:///absolute/path', async () => {
    const memory = await openStore('sqlite::memory:');
    await memory.migrate();
    expect(await memory.listJurisdictions()).toEqual([]);
    await memory.close();
    const dir = await mkdtemp(join(tmpdir(), 'o311-sqlite-'));
    try {
      const store = await openStore(`sqlite://${join(dir, 'abs.db')}`);
      await store.close();
      expect(existsSync(join(dir, 'abs.db'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps reading rows right after another connection changes the schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'o311-sqlite-'));
    const url = `sqlite:${join(dir, 's.db')}`;
    const store = await openStore(url);
    try {
      await store.migrate();
      await store.saveJurisdiction({ id: 'j', name: 'J', contact: '', key_service: '', timezone: 'UTC' });
      await store.saveService({
        jurisdiction_id: 'j', service_code: 's', service_name: 'S', description: null, type: 'realtime', keywords: null, group: null,
        active: true, agency_responsible: null, service_notice: null, sla_hours: null, attributes: [], translations: {},
      });
      const r = await store.createRequest({
        jurisdiction_id: 'j', service_code: 's', with_token: false, description: 'before', address: null, address_id: null, zipcode: '1',
        lat: 1, long: 2, media_url: null, attributes: { a: 'b' }, media: [], api_key_id: null, channel: 'api',
        reporter: { email: 'e@x', first_name: null, last_name: null, phone: null, device_id: null, account_id: null },
      });
      const list = () => store.listRequests({ jurisdiction_id: 'j', limit: 10, offset: 0 });
      expect(await list()).toEqual([r]); // the statement is now cached
      const other = new BetterSqlite3(join(dir, 's.db'));
      other.exec("alter table requests add column extra text default 'x'; alter table jurisdictions add column region text");
      other.close();
      expect(await list()).toEqual([r]);
      expect(await store.getRequest('j', r.id)).toEqual(r);
      expect(await store.getJurisdiction('j')).toEqual({ id: 'j', name: 'J', contact: '', key_service: '', timezone: 'UTC' });
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('decodes rows by the current column list of a cached statement', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'o311-sqlite-'));
    const adapter = createSqliteAdapter(join(dir, 'c.db'));
    try {
      await sql`create table t (a integer, b text)`.execute(adapter.db);
      await sql`insert into t values (1, 'one')`.execute(adapter.db);
      const read = async () => (await sql<Record<string, unknown>>`select * from t`.execute(adapter.db)).rows;
      expect(await read()).toEqual([{ a: 1, b: 'one' }]);
      await sql`alter table t add column c text default 'new'`.execute(adapter.db);
      expect(await read()).toEqual([{ a: 1, b: 'one', c: 'new' }]);
    } finally {
      await adapter.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('moves dataVersion when another process commits', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'o311-sqlite-'));
    const file = join(dir, 'v.db');
    const store = await openStore(`sqlite:${file}`);
    try {
      await store.migrate();
      await store.saveJurisdiction({ id: 'j', name: 'J', contact: '', key_service: '', timezone: 'UTC' });
      const before = await store.dataVersion();
      expect(await store.dataVersion()).toBe(before);
      const script = `
        const Database = require('better-sqlite3');
        const db = new Database(process.argv[1]);
        db.prepare("update jurisdictions set name = 'Changed' where id = 'j'").run();
        db.close();`;
      execFileSync(process.execPath, ['-e', script, file], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
      const after = await store.dataVersion();
      expect(after).not.toBe(before);
      expect((await store.getJurisdiction('j'))?.name).toBe('Changed');
      expect(await store.dataVersion()).toBe(after);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'o311-sqlite-'));
    const adapter = createSqliteAdapter(join(dir, 'p.db'));
    try {
      const pragma = async (name: string) => {
        const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(adapter.db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      // Reads through a memory map of the file (a syscall and a copy less per page).
      expect(await pragma('mmap_size')).toBe(2 ** 30);
    } finally {
      await adapter.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
