/**
 * Reads a test database behind the store's back, through a connection of its
 * own: for assertions about what is (and is not) in the tables.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export type RawRow = Record<string, unknown>;

/** Runs one read-only statement (no parameters) and returns its rows. */
export async function rawQuery(url: string, text: string): Promise<RawRow[]> {
  if (url.startsWith('sqlite:')) {
    const db = new BetterSqlite3(url.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare(text).all() as RawRow[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<RawRow>(text);
    return result.rows;
  } finally {
    await client.end();
  }
}

/** `select count(*)` as a number in both dialects. */
export async function rawCount(url: string, fromWhere: string): Promise<number> {
  const [row] = await rawQuery(url, `select count(*) as n from ${fromWhere}`);
  return Number(row?.n);
}

/** Runs statements behind the store's back (no parameters), e.g. to break what a crash would break. */
export async function rawExec(url: string, text: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    const db = new BetterSqlite3(url.slice('sqlite:'.length));
    try {
      db.exec(text);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Names of the indexes in the database, sorted. */
export async function rawIndexNames(url: string): Promise<string[]> {
  const rows = url.startsWith('sqlite:')
    ? await rawQuery(url, "select name from sqlite_master where type = 'index' and name not like 'sqlite_%'")
    : await rawQuery(url, 'select indexname as name from pg_indexes where schemaname = current_schema()');
  return rows.map((r) => String(r.name)).sort();
}
