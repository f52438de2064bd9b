/**
 * The data version on PostgreSQL: a counter moved INSIDE every write
 * transaction of public data, so that another process sees the new version
 * exactly when its snapshot shows the new data. (A sequence moved after the
 * commit left a window: a process that died in it left the others serving
 * answers cached under the old version, and a reader could pair the new
 * version with old data, since a sequence ignores transactions.)
 *
 * Striped: STRIPES rows; each write transaction increments the row of its
 * connection (backend pid modulo STRIPES), as its last statement, and the
 * version is the sum of all rows, read in one statement (one snapshot). One
 * row for all would be locked by every writer of every process from its
 * increment to its commit (a disk flush), so writers would queue for it. A
 * connection runs one transaction at a time, and the connections of a pool
 * have neighbouring pids, hence rows of their own: two writers meet on a row
 * only when their pids fall on the same stripe, and then one waits for the
 * other's commit. (A random row per transaction met another writer's row far
 * more often: any of the concurrent transactions could draw it.) At most 128
 * rows keep the sum as cheap to read as the sequence was. Readers never wait:
 * the sum reads the last committed values.
 */
import { CompiledQuery, sql, type Kysely, type QueryExecutorProvider, type QueryResult } from 'kysely';
import { freshSingleFlight } from '../fresh-single-flight.js';

/** A Kysely instance or transaction, of any schema. */
type Executor = QueryExecutorProvider & { executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>> };

const TABLE = 'o311_data_version';
export const DATA_VERSION_STRIPES = 128;

/**
 * The statement that moves the version on, for a transaction driven through
 * Kysely or through a bare pg client (`client.query(text, values)`); run it
 * once per transaction, last, so that its row lock is held only for the commit.
 */
export function bumpStatement(): { text: string; values: [] } {
  // An upsert: a stripe's row is made by its first write.
  return {
    text: `insert into ${TABLE} as v (stripe, n) values (pg_backend_pid() % ${DATA_VERSION_STRIPES}, 1)
      on conflict (stripe) do update set n = v.n + 1`,
    values: [],
  };
}

export async function bumpDataVersion(trx: Executor): Promise<void> {
  const { text, values } = bumpStatement();
  await trx.executeQuery(CompiledQuery.raw(text, values));
}

const READ = `select sum(n)::text as v from ${TABLE}`;

export async function readDataVersion(db: Executor): Promise<string> {
  const { rows } = await sql<{ v: string }>`${sql.raw(READ)}`.execute(db);
  return rows[0]?.v ?? '0';
}

/** What the shared reader needs of a pg Pool: a query of fixed text. */
export interface VersionPool {
  query<R extends object>(config: { text: string; name?: string }): Promise<{ rows: R[] }>;
}

/**
 * The version as a process's requests read it: every cached GET asks for it, so
 * concurrent askers share one round trip, and none gets a sum read before it
 * asked (fresh-single-flight.ts): a request sent after another process's
 * commit still sees that commit.
 */
export function sharedDataVersionReader(pool: VersionPool): () => Promise<string> {
  // Straight on the pool, named (each connection parses and plans it once):
  // the read runs for every batch of requests, and Kysely's layers cost more than the round trip.
  const read = async (): Promise<string> => (await pool.query<{ v: string }>({ name: 'o311_data_version', text: READ })).rows[0]?.v ?? '0';
  return freshSingleFlight(read);
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
  // The other stripes are made by their first write (bumpStatement).
  await sql`insert into ${sql.table(TABLE)} (stripe, n) values (0, ${rows[0]?.last ?? '1'}::bigint)`.execute(db);
}

/** Undoes 0009: back to a sequence, started past the last version. */
export async function dropDataVersionStripes(db: Kysely<unknown>): Promise<void> {
  const version = await readDataVersion(db);
  await sql`drop table ${sql.table(TABLE)}`.execute(db);
  await sql`create sequence o311_data_version start with ${sql.lit(Number(version) + 1)}`.execute(db);
}
