/**
 * SQLite through better-sqlite3: one connection per process (Kysely serialises
 * access), WAL with synchronous=FULL so that every acknowledged commit survives
 * a killed process or a power loss.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter as KyselySqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type DialectAdapter as DialectAdapterBase,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import { refuseNulInRows } from '../nul-text.js';
import { createIndex, type IndexDefinition } from '../schema/indexes.js';
import type { Database } from '../schema/tables.js';
import type { DialectAdapter, ImportRowValues, SerialKey } from './adapter.js';
import { ImportWorker, importWriter } from './sqlite-import.js';
import { StatementCachingDatabase } from './sqlite-statements.js';

/**
 * Every transaction of the store writes, so take the write lock up front
 * (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes can
 * fail with SQLITE_BUSY when another process committed in between, whereas an
 * immediate one waits for `busy_timeout`.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite's DDL is transactional, so let the Migrator run each migration in a
 * transaction: a migration that fails halfway leaves no half-built schema, and
 * a second process migrating at the same time waits for the first.
 */
class TransactionalDdlSqliteAdapter extends KyselySqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapterBase {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Page cache of the server connection, in KiB: the hot index pages of a million rows, within the server's memory goal. */
const CACHE_KIB = 32 * 1024;
/**
 * The database file is read through a memory map up to this size: a page
 * read is then a memory access instead of a system call and a copy into the
 * page cache (a page of 1,000 rows read in time order is about 1.6 times as
 * fast). The mapped pages are the kernel's file cache, shared and reclaimable,
 * not the process's own memory.
 */
const MMAP_BYTES = 2 ** 30;
/**
 * Page cache of the import worker while a large import updates the indexes of
 * a large table (random inserts into them). The worker exists only during a
 * large import (the CLI's), so the server's memory never grows by it.
 */
const BULK_CACHE_KIB = 256 * 1024;
/** Page cache, hence sorter memory, while indexes are built. */
const INDEX_BUILD_CACHE_KIB = 2 * 1024;
/** Page cache of the import worker while it appends to a table without secondary indexes. */
const WORKER_CACHE_KIB = 8 * 1024;

class SqliteAdapter implements DialectAdapter {
  readonly dialect = 'sqlite' as const;
  readonly binaryType = 'blob' as const;
  readonly probeAreas = true;
  readonly rowLocks = false;
  // Rows per import transaction, each durable (synchronous=FULL). Large
  // enough that commits cost little; small enough that the worker pipeline
  // (one batch prepared while the previous is written) starts and drains
  // quickly. Measured at a million rows: 25,000 beat 10,000 and 50,000.
  readonly importBatchSize = 25_000;
  readonly db: Kysely<Database>;
  #scanDb: Kysely<Database> | undefined;
  readonly #raw: BetterSqlite3.Database;
  readonly #path: string;
  #importTx: ((rows: readonly ImportRowValues[]) => void) | undefined;
  /** Writes the batches of a large import into a database file. */
  #worker: ImportWorker | undefined;
  readonly #dataVersion: BetterSqlite3.Statement<[], number>;
  /** Write transactions committed through this connection (PRAGMA data_version ignores them). */
  #writes = 0;

  constructor(raw: BetterSqlite3.Database, path: string) {
    this.#raw = raw;
    this.#path = path;
    this.db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: new StatementCachingDatabase(raw) }) });
    this.#dataVersion = raw.prepare<[], number>('pragma data_version').pluck();
  }

  get scanDb(): Kysely<Database> {
    if (this.#path === ':memory:') return this.db;
    return (this.#scanDb ??= new Kysely<Database>({
      dialect: new SqliteDialect({ database: new StatementCachingDatabase(openScanConnection(this.#path)) }),
    }));
  }

  serialKey(): SerialKey {
    return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
  }

  async afterSerialTable(db: Kysely<unknown>, table: string, start: number): Promise<void> {
    // AUTOINCREMENT never reuses an id; seeding its sequence sets the first one.
    await sql`insert into sqlite_sequence (name, seq) values (${table}, ${start - 1})`.execute(db);
  }

  get importConcurrency(): number {
    // With the worker, the next batch is prepared while one is written.
    return this.#worker ? 2 : 1;
  }

  async importBatch(rows: readonly ImportRowValues[]): Promise<void> {
    // The bulk writer binds its own parameters, past the statements' guard.
    refuseNulInRows(rows);
    if (this.#worker) return this.#worker.write(rows);
    const write = this.#importTx ?? (this.#importTx = importWriter(this.#raw));
    // Hold Kysely's connection lock so that no other query interleaves with
    // the synchronous transaction below.
    await this.db.connection().execute(async () => {
      write(rows);
    });
  }

  async beginBulkLoad({ deferIndexes }: { deferIndexes: boolean }): Promise<void> {
    // An in-memory database has no other connection: it is written on this one.
    if (this.#path === ':memory:') return;
    // Without indexes the load appends to the table and needs little cache;
    // with them, their pages are updated all over and a large cache saves I/O.
    // Either way it is the worker's connection: the store's keeps its cache.
    this.#worker = new ImportWorker(this.#path, deferIndexes ? WORKER_CACHE_KIB : BULK_CACHE_KIB);
  }

  async endBulkLoad(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.close();
  }

  async afterImport(): Promise<void> {
    // No ANALYZE on purpose. Measured at a million rows, statistics did not
    // fix the plans that needed help (ids, dense areas: handled in
    // requests.ts) and broke one that was right: "updated in the last hour"
    // went from 2 ms to 320 ms by walking the time index instead of the
    // updated_at one. Without them, SQLite's plans cost what the result costs.
  }

  async refreshStatistics(): Promise<void> {
    // None, for the reason given in afterImport.
  }

  async existingIndexes(): Promise<Set<string>> {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(this.db);
    return new Set(rows.map((r) => r.name));
  }

  async createIndexes(indexes: readonly IndexDefinition[]): Promise<void> {
    if (indexes.length === 0) return;
    // Measured on a million rows: sorting in small runs (the sorter's memory
    // follows cache_size) merged from temporary files, with helper threads
    // (which in-memory temp storage disables), builds the indexes twice as
    // fast as with a large cache, whatever the order of the rows.
    const pragma = (text: string) => sql`${sql.raw(`pragma ${text}`)}`.execute(this.db);
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(this.db);
    const cache = rows[0]?.cache_size ?? -CACHE_KIB;
    await pragma(`cache_size = -${INDEX_BUILD_CACHE_KIB}`);
    await pragma('temp_store = FILE');
    await pragma(`threads = ${Math.min(4, availableParallelism())}`);
    try {
      for (const index of indexes) await createIndex(this.db, index);
    } finally {
      await pragma('threads = 0');
      await pragma('temp_store = MEMORY');
      await pragma(`cache_size = ${cache}`);
    }
  }

  async createDataVersionCounter(): Promise<void> {
    // PRAGMA data_version and a counter of this connection's commits.
  }

  async createDataVersionStripes(): Promise<void> {}

  async dropDataVersionStripes(): Promise<void> {}

  /**
   * Nothing to write: SQLite already moves `PRAGMA data_version` of every
   * other connection (process) atomically with the commit, and not before.
   * This connection's own commits are counted by `committed()`, after the
   * transaction ended: a reader of this process that reads the version just
   * before the count moves may cache newer data under the older version,
   * never older data under the newer one. A counter row written in the
   * transaction would be worse here: the version is read on the raw handle,
   * outside Kysely's connection queue, so it would show an uncommitted bump
   * that a rollback could take back and a later commit give again.
   */
  async bumpDataVersion(): Promise<void> {}

  async committed(): Promise<void> {
    this.#writes++;
  }

  async dataVersion(): Promise<string> {
    // Read on the raw handle: no query queue.
    return `${this.#dataVersion.get()}.${this.#writes}`;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.#worker?.close();
    await this.#scanDb?.destroy();
    await this.db.destroy();
  }
}

/** Page cache of the scan connection, KiB: a scan reads each page once, so a small one does. */
const SCAN_CACHE_KIB = 4 * 1024;

/** The read-only connection of `scanDb`: no memory map, a small cache. */
function openScanConnection(path: string): BetterSqlite3.Database {
  const raw = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 5000');
    raw.pragma(`cache_size = -${SCAN_CACHE_KIB}`);
    raw.pragma('mmap_size = 0');
  } catch (e) {
    raw.close();
    throw e;
  }
  return raw;
}

/** `path` is a file path or `:memory:`; the file's folder is created when missing. */
export function createSqliteAdapter(path: string): DialectAdapter {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.pragma(`cache_size = -${CACHE_KIB}`);
    raw.pragma(`mmap_size = ${MMAP_BYTES}`);
    raw.pragma('temp_store = MEMORY');
  } catch (e) {
    raw.close();
    throw e;
  }
  return new SqliteAdapter(raw, path);
}
