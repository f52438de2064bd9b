/** Helpers shared by the monitor's repositories (monitor-*.ts). */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { MAX_MONITOR_TEXT, type MonitorListFilter } from '../monitor.js';
import { withoutNul } from '../nul-text.js';
import { paging } from './shared.js';

/** Rows (or keys) per statement, well under both dialects' parameter limits. */
export const ROWS_PER_STATEMENT = 500;

/** The most rows one list call returns, whatever limit it asks for. */
const MAX_LIST_ROWS = 10_000;

/**
 * An error or detail text as stored: at most MAX_MONITOR_TEXT characters, no
 * U+0000 (an upstream's answer quoted in an error must not sink the batch).
 */
export const cutText = (text: string): string => withoutNul(text.slice(0, MAX_MONITOR_TEXT));

/** The rows of `f`: its endpoint (`slug`) and `from` <= `time` < `to`, each when given. */
export function listWindow(f: MonitorListFilter, time: string): Expression<SqlBool> {
  const parts = [sql<SqlBool>`1 = 1`];
  if (f.slug !== undefined) parts.push(sql<SqlBool>`${sql.ref('slug')} = ${f.slug}`);
  if (f.from !== undefined) parts.push(sql<SqlBool>`${sql.ref(time)} >= ${f.from}`);
  if (f.to !== undefined) parts.push(sql<SqlBool>`${sql.ref(time)} < ${f.to}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** A list's limit as a whole number, 0..MAX_LIST_ROWS. */
export const listLimit = (f: MonitorListFilter): number => Math.min(MAX_LIST_ROWS, paging({ limit: f.limit, offset: 0 }).limit);

/**
 * One column's new value for many rows, as a CASE on their `key` column, so
 * that one UPDATE (where key in the keys) writes them all: on PostgreSQL each
 * statement is a round trip. `type` casts the parameters, which PostgreSQL
 * would otherwise type as text.
 */
export function perKey<V>(key: string, keys: readonly string[], valueOf: (key: string) => V, type: 'text' | 'integer' | 'bigint' | 'double precision'): RawBuilder<V> {
  const cases = keys.map((k) => sql`when ${k} then cast(${valueOf(k)} as ${sql.raw(type)})`);
  return sql<V>`case ${sql.ref(key)} ${sql.join(cases, sql` `)} end`;
}

/** A stored value of a closed set (a state, a kind) as its type; throws on one the code does not know. */
export function readStored<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`stored ${what} "${value}" is unknown`);
  return found;
}

/** A number column that may be null, as a number. */
export const numberOrNull = (n: number | string | bigint | null): number | null => (n === null ? null : Number(n));
