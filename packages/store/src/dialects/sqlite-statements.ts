/**
 * What Kysely's SQLite driver sees as "the database": better-sqlite3 behind
 * two speed-ups that matter on the hot paths.
 *
 * - Prepared statements are cached by SQL text (LRU). Kysely prepares every
 *   query anew, and planning a query over an indexed table costs more than
 *   running it when it reads a few rows.
 * - Reading statements run in raw (array) mode and rows are built by a
 *   decoder generated once per statement: better-sqlite3 builds wide row
 *   objects property by property, which for a page of 1000 requests takes
 *   longer than the query itself.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { refuseNulText } from '../nul-text.js';

type Row = Record<string, unknown>;
type Decoder = (values: unknown[]) => Row;

/** A function turning `[v0, v1, …]` into `{ c0: v0, c1: v1, … }` for fixed column names. */
function rowDecoder(names: readonly string[]): Decoder {
  // Keys are JSON string literals, so any column name is safe here. Later
  // duplicates win, as in better-sqlite3's own objects.
  const body = `return {${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')}};`;
  return new Function('v', body) as Decoder;
}

class CachedStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #stmt: BetterSqlite3.Statement<unknown[]>;
  #decode: Decoder | undefined;
  #width = 0;

  constructor(stmt: BetterSqlite3.Statement<unknown[]>) {
    this.#stmt = stmt;
    this.reader = stmt.reader;
    if (stmt.reader) {
      stmt.raw(true);
      this.#learnColumns();
    }
  }

  #learnColumns(): void {
    const names = this.#stmt.columns().map((c) => c.name);
    this.#decode = rowDecoder(names);
    this.#width = names.length;
  }

  /**
   * SQLite re-prepares a statement after a schema change (a migration run by
   * this or another process), and `select *` may then return more columns:
   * learn the new list when a row's width differs.
   */
  #decoderFor(row: unknown[] | undefined): Decoder | undefined {
    if (row !== undefined && row.length !== this.#width) this.#learnColumns();
    return this.#decode;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    refuseNulText(parameters);
    const rows = this.#stmt.all(...parameters) as unknown[][];
    if (!this.reader) return rows;
    const decode = this.#decoderFor(rows[0]);
    return decode ? rows.map(decode) : rows;
  }

  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    refuseNulText(parameters);
    return this.#stmt.run(...parameters);
  }

  *iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    refuseNulText(parameters);
    for (const row of this.#stmt.iterate(...parameters) as IterableIterator<unknown[]>) {
      const decode = this.reader ? this.#decoderFor(row) : undefined;
      yield decode ? decode(row) : row;
    }
  }
}

export class StatementCachingDatabase implements SqliteDatabase {
  readonly #db: BetterSqlite3.Database;
  readonly #cache = new Map<string, CachedStatement>();
  readonly #capacity: number;

  constructor(db: BetterSqlite3.Database, capacity = 256) {
    this.#db = db;
    this.#capacity = capacity;
  }

  prepare(sql: string): SqliteStatement {
    const hit = this.#cache.get(sql);
    if (hit) {
      // Refresh its place in the LRU order.
      this.#cache.delete(sql);
      this.#cache.set(sql, hit);
      return hit;
    }
    const stmt = new CachedStatement(this.#db.prepare<unknown[]>(sql));
    this.#cache.set(sql, stmt);
    if (this.#cache.size > this.#capacity) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return stmt;
  }

  close(): void {
    this.#cache.clear();
    this.#db.close();
  }
}
