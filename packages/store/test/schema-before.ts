/**
 * Tests of a data migration: a database migrated up to the migration before
 * `migration`, for the test to fill with rows as they stood then.
 */
import { Migrator, type Kysely } from 'kysely';
import { parseDatabaseUrl } from '@o311/store';
import type { DialectAdapter } from '../src/dialects/adapter.js';
import { createPostgresAdapter } from '../src/dialects/postgres.js';
import { createSqliteAdapter } from '../src/dialects/sqlite.js';
import { migrationProvider } from '../src/schema/migrations.js';
import type { Database } from '../src/schema/tables.js';

function adapterFor(url: string): DialectAdapter {
  const location = parseDatabaseUrl(url);
  return location.dialect === 'sqlite' ? createSqliteAdapter(location.path) : createPostgresAdapter(location.url, 1);
}

/** Migrates the empty database at `url` to just before `migration`, then runs `fill` on it (and closes it). */
export async function withSchemaBefore(url: string, migration: string, fill: (db: Kysely<Database>) => Promise<void>): Promise<void> {
  const adapter = adapterFor(url);
  try {
    const migrator = new Migrator({
      db: adapter.db, provider: migrationProvider(adapter),
      migrationTableName: 'o311_migration', migrationLockTableName: 'o311_migration_lock',
    });
    const names = Object.keys(await migrationProvider(adapter).getMigrations()).sort();
    const before = names[names.indexOf(migration) - 1];
    if (before === undefined) throw new Error(`no migration before ${migration}`);
    const { error } = await migrator.migrateTo(before);
    if (error) throw error;
    await fill(adapter.db);
  } finally {
    await adapter.close();
  }
}
