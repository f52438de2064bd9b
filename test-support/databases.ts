/**
 * Throw-away databases for integration tests, one per caller: a SQLite file in
 * a fresh temp folder, or a fresh PostgreSQL database on the local server.
 *
 *   describe.each(dialects)('%s', (dialect) => {
 *     let db: FreshDatabase;
 *     beforeAll(async () => { db = await freshUrl(dialect); });
 *     afterAll(() => db.cleanup());
 *   });
 *
 * PostgreSQL: `O311_TEST_POSTGRES_URL` (default postgres://postgres@127.0.0.1:5432/postgres)
 * names a maintenance database where the test databases are created and dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { redactUrl } from '@o311/store';

export const dialects = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof dialects)[number];

export interface FreshDatabase {
  dialect: TestDialect;
  /** A URL for `openStore`. */
  url: string;
  /** Removes the database (file or PostgreSQL database). Safe to call twice. */
  cleanup(): Promise<void>;
}

const ADMIN_URL = process.env.O311_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const HOW_TO_START =
  'Start it with `pg_ctlcluster --skip-systemctl-redirect 15 main start` ' +
  '(or point O311_TEST_POSTGRES_URL at a server where the user may CREATE DATABASE).';

const once = (f: () => Promise<void>): (() => Promise<void>) => {
  let done: Promise<void> | undefined;
  return () => (done ??= f());
};

/** `sqlite:<tmp>/o311-test-XXXX/o311.db`; cleanup removes the folder (WAL files included). */
export async function freshSqliteUrl(): Promise<FreshDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'o311-test-'));
  return {
    dialect: 'sqlite',
    url: `sqlite:${join(dir, 'o311.db')}`,
    cleanup: once(() => rm(dir, { recursive: true, force: true })),
  };
}

/** Runs `f` on a connection to the maintenance database, closed after. */
export async function withAdmin<T>(f: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`PostgreSQL is unreachable at ${redactUrl(ADMIN_URL)} (${reason}). ${HOW_TO_START}`, { cause: e });
  }
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/** A name for a throw-away PostgreSQL database: `<prefix>_<random>`. */
export const postgresName = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`;

/** The URL of database `name` on the test server. */
export function postgresUrlOf(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Database `name` (created by the caller), as a FreshDatabase whose cleanup drops it even while connections remain. */
export function postgresDatabase(name: string): FreshDatabase {
  return {
    dialect: 'postgres',
    url: postgresUrlOf(name),
    cleanup: once(async () => {
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    }),
  };
}

/** A new, empty UTF-8 database `o311_test_<random>`; cleanup drops it even while connections remain. */
export async function freshPostgresUrl(): Promise<FreshDatabase> {
  const name = postgresName('o311_test');
  await withAdmin((c) => c.query(`create database ${name} template template0 encoding 'UTF8'`));
  return postgresDatabase(name);
}

export function freshUrl(dialect: TestDialect): Promise<FreshDatabase> {
  return dialect === 'sqlite' ? freshSqliteUrl() : freshPostgresUrl();
}

/** One fresh database of each dialect, cleaned up together. */
export async function freshDatabaseUrls(): Promise<{ sqlite: string; postgres: string; cleanup(): Promise<void> }> {
  const sqlite = await freshSqliteUrl();
  let postgres: FreshDatabase;
  try {
    postgres = await freshPostgresUrl();
  } catch (e) {
    await sqlite.cleanup();
    throw e;
  }
  return {
    sqlite: sqlite.url,
    postgres: postgres.url,
    cleanup: once(async () => {
      await Promise.all([sqlite.cleanup(), postgres.cleanup()]);
    }),
  };
}
