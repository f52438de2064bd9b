/**
 * Everything that differs between SQLite and PostgreSQL, behind one interface.
 * The repositories speak Kysely to `db` and never ask which dialect they run on.
 */
import type { ColumnDataType, ColumnDefinitionBuilder, Expression, Kysely, Transaction } from 'kysely';
import type { Dialect } from '../contract.js';
import type { IndexDefinition } from '../schema/indexes.js';
import type { Database, RequestsTable, RequestTriageColumns } from '../schema/tables.js';

/** A column type: a name both dialects know, or raw SQL. */
export type ColumnType = ColumnDataType | Expression<unknown>;

/**
 * One imported request, ready to write: every column of the requests table
 * resolved and JSON already encoded. Imports carry no token, uploads, key or
 * triage (the database defaults apply); `status_imported` is 1 when the row's
 * status came from the import (not `open`).
 */
export type ImportRowValues = Omit<
  RequestsTable,
  'id' | 'token' | 'media_ids' | 'api_key_id' | 'status_imported' | 'channel' | keyof RequestTriageColumns
> & {
  status_imported: number;
  channel: string;
};

/** How a table's auto-incrementing integer key is declared. */
export interface SerialKey {
  type: ColumnType;
  build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

export interface DialectAdapter {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /**
   * For long reads of a whole table in pages (exports, read-model rebuilds),
   * never writes. On SQLite a second, read-only connection that does not map
   * the file into memory: a scan of every page would otherwise leave the whole
   * file mapped (and counted) in the server's resident memory. Elsewhere `db`.
   */
  readonly scanDb: Kysely<Database>;
  /** Column type for raw bytes (`blob` / `bytea`). */
  readonly binaryType: ColumnType;
  /**
   * Whether spatial list queries must probe the area's density to choose
   * between the place index and the time order (see repositories/requests.ts).
   */
  readonly probeAreas: boolean;
  /**
   * Whether a claim must lock the rows it picks (`FOR UPDATE SKIP LOCKED`):
   * PostgreSQL's writers run side by side; SQLite's transactions already
   * exclude each other (BEGIN IMMEDIATE) and have no row locks.
   */
  readonly rowLocks: boolean;
  /** Rows per import transaction. */
  readonly importBatchSize: number;
  /** Import transactions written at the same time (1 for SQLite's single connection). */
  readonly importConcurrency: number;
  /** Integer primary key numbered by the database, starting at `start`. */
  serialKey(start: number): SerialKey;
  /** Runs after a table with a serial key is created (SQLite seeds its sequence here). */
  afterSerialTable(db: Kysely<unknown>, table: string, start: number): Promise<void>;
  /** Writes the rows in ONE transaction that also moves the data version on, bypassing the query builder. */
  importBatch(rows: readonly ImportRowValues[]): Promise<void>;
  /**
   * A large import starts (one full batch at least): settings that help a
   * long load on this connection only, e.g. a larger page cache. Undone by
   * `endBulkLoad`, which always runs.
   */
  beginBulkLoad(options: { deferIndexes: boolean }): Promise<void>;
  endBulkLoad(): Promise<void>;
  /**
   * Runs once after an import wrote rows; `bulk` after a large load (one full
   * batch at least). PostgreSQL refreshes planner statistics, and after a
   * large load also the visibility map.
   */
  afterImport(load: { bulk: boolean }): Promise<void>;
  /**
   * After a large rewrite of other tables (a dashboard rebuild): PostgreSQL
   * refreshes their planner statistics; SQLite runs no ANALYZE (see its
   * afterImport).
   */
  refreshStatistics(tables: readonly string[]): Promise<void>;
  /** Names of the indexes that exist in the database. */
  existingIndexes(): Promise<Set<string>>;
  /** Creates the indexes (`if not exists`), as fast as the dialect can build them. */
  createIndexes(indexes: readonly IndexDefinition[]): Promise<void>;
  /** Migration 0002's data version counter (PostgreSQL: a sequence, replaced in 0009). */
  createDataVersionCounter(db: Kysely<unknown>): Promise<void>;
  /** Migration 0009: the data version moved inside write transactions (PostgreSQL: striped rows). */
  createDataVersionStripes(db: Kysely<unknown>): Promise<void>;
  dropDataVersionStripes(db: Kysely<unknown>): Promise<void>;
  /**
   * Inside a write transaction of public data, as its last statement: moves
   * the data version on when, and only if, `trx` commits, so that every
   * process sees the new version exactly when it can see the new data.
   */
  bumpDataVersion(trx: Transaction<Database>): Promise<void>;
  /**
   * After a write transaction of public data ended, committed or not. Never
   * throws. SQLite counts its own commits here (see sqlite.ts); PostgreSQL
   * needs nothing.
   */
  committed(): Promise<void>;
  /**
   * Changes whenever a write of public data committed, by this process or
   * another; cheap. Never pairs a new version with old data.
   */
  dataVersion(): Promise<string>;
  /** Fails with a readable message when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
