/**
 * Throw-away databases that are already migrated, copied from a template: migrating a PostgreSQL database takes
 * 0.2 to 1 s (SQLite: 0.1 s), a copy a third of that or less, and most integration tests start from a migrated
 * store. Tests of the migrations themselves use `freshUrl` (databases.ts), which gives an empty database.
 *
 * A template is named for a hash of the store's sources, so that a changed schema gets a new one. It is built
 * once per worker process at most (the first one, under a lock, for PostgreSQL), and older templates beyond the
 * few latest are removed: other working copies on the same server may still use theirs.
 */
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { openStore } from '@o311/store';
import {
  freshSqliteUrl, postgresDatabase, postgresName, postgresUrlOf, withAdmin, type FreshDatabase, type TestDialect,
} from './databases.js';

const STORE_SOURCES = fileURLToPath(new URL('../packages/store/src/', import.meta.url));
/** Templates of other schemas kept besides the current one (other working copies, other branches). */
const KEPT_OTHER_TEMPLATES = 3;
/** Any number, the same in every process: the advisory lock under which a PostgreSQL template is built. */
const TEMPLATE_LOCK = 311_0311;
/** PostgreSQL's invalid_catalog_name: the template was removed meanwhile. */
const NO_SUCH_DATABASE = '3D000';

/** The file of a SQLite FreshDatabase. */
const fileOf = (db: FreshDatabase): string => db.url.slice('sqlite:'.length);

let fingerprint: Promise<string> | undefined;

/** 12 hex digits naming the store's sources (every .ts file under packages/store/src, tests excepted). */
function schemaFingerprint(): Promise<string> {
  return (fingerprint ??= (async () => {
    const files = (await readdir(STORE_SOURCES, { recursive: true }))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort();
    const hash = createHash('sha256');
    for (const f of files) hash.update(f).update('\0').update(await readFile(join(STORE_SOURCES, f))).update('\0');
    return hash.digest('hex').slice(0, 12);
  })());
}

async function migrate(url: string): Promise<void> {
  const store = await openStore(url);
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
}

/** Removes the SQLite template files but `current` and the latest few others. */
async function removeOldSqliteTemplates(current: string): Promise<void> {
  const others = (await readdir(tmpdir()))
    .filter((f) => /^o311-template-[0-9a-f]{12}\.db$/.test(f))
    .map((f) => join(tmpdir(), f))
    .filter((f) => f !== current);
  const dated = await Promise.all(others.map(async (f) => ({ f, at: (await stat(f).catch(() => undefined))?.mtimeMs ?? 0 })));
  for (const { f } of dated.sort((a, b) => b.at - a.at).slice(KEPT_OTHER_TEMPLATES)) await rm(f, { force: true });
}

let sqliteTemplate: Promise<string> | undefined;

/** The path of the migrated SQLite template file, built (under a temporary name, then renamed) if missing. */
function sqliteTemplateFile(): Promise<string> {
  return (sqliteTemplate ??= (async () => {
    const file = join(tmpdir(), `o311-template-${await schemaFingerprint()}.db`);
    if (await stat(file).then(() => true, () => false)) return file;
    const building = await freshSqliteUrl();
    try {
      await migrate(building.url);
      await rename(fileOf(building), file);
    } finally {
      await building.cleanup();
    }
    await removeOldSqliteTemplates(file);
    return file;
  })().catch((e: unknown) => {
    sqliteTemplate = undefined;
    throw e;
  }));
}

let postgresTemplate: Promise<string> | undefined;

/** Builds the template database `name` unless it exists; one process at a time. */
async function buildPostgresTemplate(name: string, admin: pg.Client): Promise<void> {
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return;
    // Built under another name, then renamed: a template that exists is complete.
    const building = postgresName('o311_building');
    await admin.query(`create database ${building} template template0 encoding 'UTF8'`);
    try {
      await migrate(postgresUrlOf(building));
      await admin.query(`alter database ${building} rename to ${name}`);
    } catch (e) {
      await admin.query(`drop database if exists ${building} with (force)`);
      throw e;
    }
    const others = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'o311\\_template\\_%' and datname <> $1 order by oid desc offset $2",
      [name, KEPT_OTHER_TEMPLATES],
    );
    // Another run may be copying one this very moment: then it stays, for a later build to remove.
    for (const { datname } of others.rows) await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** The name of the migrated PostgreSQL template database, built if missing. */
function postgresTemplateName(): Promise<string> {
  return (postgresTemplate ??= (async () => {
    const name = `o311_template_${await schemaFingerprint()}`;
    await withAdmin((admin) => buildPostgresTemplate(name, admin));
    return name;
  })().catch((e: unknown) => {
    postgresTemplate = undefined;
    throw e;
  }));
}

async function freshMigratedSqliteUrl(): Promise<FreshDatabase> {
  const db = await freshSqliteUrl();
  try {
    const target = fileOf(db);
    await copyFile(await sqliteTemplateFile(), target).catch(async () => {
      sqliteTemplate = undefined; // removed by another run meanwhile: build it again, once
      await copyFile(await sqliteTemplateFile(), target);
    });
    return db;
  } catch (e) {
    await db.cleanup();
    throw e;
  }
}

async function freshMigratedPostgresUrl(): Promise<FreshDatabase> {
  const name = postgresName('o311_test');
  const copy = async (): Promise<void> => {
    const template = await postgresTemplateName();
    await withAdmin((c) => c.query(`create database ${name} template ${template}`));
  };
  await copy().catch(async (e: unknown) => {
    if ((e as { code?: unknown }).code !== NO_SUCH_DATABASE) throw e;
    postgresTemplate = undefined; // removed by another run meanwhile: build it again, once
    await copy();
  });
  return postgresDatabase(name);
}

/** A migrated store's database of `dialect`, otherwise as `freshUrl` gives (cleanup removes it). */
export function freshMigratedUrl(dialect: TestDialect): Promise<FreshDatabase> {
  return dialect === 'sqlite' ? freshMigratedSqliteUrl() : freshMigratedPostgresUrl();
}
