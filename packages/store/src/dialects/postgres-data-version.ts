/**
 * The data version on PostgreSQL: a counter moved INSIDE every write
 * transaction of public data, so that another process sees the new version
 * exactly when its snapshot shows the new data. (A sequence moved after the
 * commit left a window: a process that died in it left the others serving
 * answers cached under the old version, and a reader could pair the new
 * version with old data, since a sequence ignores transactions.)
 *
 * Striped: STRIPES rows; each write transaction increments one row chosen at
 * random, as its last statement, and the version is the sum of all rows, read
 * in one statement (one snapshot). A single row would be locked by every
 * writer of every process from its increment to its commit (a disk flush), so
 * all writers would queue for it; with 32 rows two of 50 concurrent writers
 * rarely meet, and then one waits only for the other's commit. Readers never
 * wait: the sum reads the last committed values.
 */
import { CompiledQuery, sql, type Kysely, type QueryExecutorProvider, type QueryResult } from 'kysely';

/** A Kysely instance or transaction, of any schema. */
type Executor = QueryExecutorProvider & { executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>> };

const TABLE = 'o311_data_version';
export const DATA_VERSION_STRIPES = 32;

/**
 * The statement that moves the version on, for a transaction driven through
 * Kysely or through a bare pg client (`client.query(text, values)`); run it
 * once per transaction, last, so that its row lock is held only for the commit.
 */
export function bumpStatement(): { text: string; values: [number] } {
  // The stripe is chosen here: random() in the WHERE clause would be drawn again for every row.
  return { text: `update ${TABLE} set n = n + 1 where stripe = $1`, values: [Math.floor(Math.random() * DATA_VERSION_STRIPES)] };
}

export async function bumpDataVersion(trx: Executor): Promise<void> {
  const { text, values } = bumpStatement();
  await trx.executeQuery(CompiledQuery.raw(text, values));
}

export async function readDataVersion(db: Executor): Promise<string> {
  const { rows } = await sql<{ v: string }>`select sum(n)::text as v from ${sql.table(TABLE)}`.execute(db);
  return rows[0]?.v ?? '0';
}

/**
 * Migration 0009: replaces the sequence of 0002 by the stripes. The first
 * version is past the last one the sequence gave, so that no version string
 * names two states of the data.
 */
export async function createDataVersionStripes(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ last: string }>`select (last_value + 1)::text as last from o311_data_version`.execute(db);
  await sql`drop sequence o311_data_version`.execute(db);
  // Few rows, updated all the time: room in each page for the updated rows (HOT updates, no index churn).
  await sql`create table ${sql.table(TABLE)} (stripe integer primary key, n bigint not null) with (fillfactor = 50)`.execute(db);
  await sql`
    insert into ${sql.table(TABLE)} (stripe, n)
    select s, case when s = 0 then ${rows[0]?.last ?? '1'}::bigint else 0 end
    from generate_series(0, ${DATA_VERSION_STRIPES - 1}) as s`.execute(db);
}

/** Undoes 0009: back to a sequence, started past the last version. */
export async function dropDataVersionStripes(db: Kysely<unknown>): Promise<void> {
  const version = await readDataVersion(db);
  await sql`drop table ${sql.table(TABLE)}`.execute(db);
  await sql`create sequence o311_data_version start with ${sql.lit(Number(version) + 1)}`.execute(db);
}
