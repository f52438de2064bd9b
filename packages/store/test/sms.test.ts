/** The SMS channel's records on both dialects (a file of its own, so it runs without the whole store suite), and its migration undone. */
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '@o311/store';
import { dialects, freshUrl } from '../../../test-support/databases.js';
import { createPostgresAdapter } from '../src/dialects/postgres.js';
import { createSqliteAdapter } from '../src/dialects/sqlite.js';
import { migrationProvider } from '../src/schema/migrations.js';
import { runSmsContract } from './sms-contract.js';

runSmsContract('sqlite');
runSmsContract('postgres');

describe.each(dialects)('migration 0029_sms (%s)', (dialect) => {
  it('is undone and done again', async () => {
    const db = await freshUrl(dialect);
    const location = parseDatabaseUrl(db.url);
    const adapter = location.dialect === 'sqlite' ? createSqliteAdapter(location.path) : createPostgresAdapter(location.url, 1);
    try {
      const migrator = new Migrator({
        db: adapter.db, provider: migrationProvider(adapter), migrationTableName: 'o311_migration', migrationLockTableName: 'o311_migration_lock',
      });
      /** Reads every table of the migration (throws when one is missing). */
      const readAll = async (): Promise<void> => {
        for (const table of ['sms_conversations', 'sms_handled', 'sms_opt_outs', 'sms_subscriptions', 'sms_messages']) {
          await sql`select count(*) from ${sql.table(table)}`.execute(adapter.db);
        }
      };
      expect((await migrator.migrateTo('0029_sms')).error).toBeUndefined();
      await readAll();
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select count(*) from sms_conversations`.execute(adapter.db)).rejects.toThrow();
      await expect(sql`select count(*) from sms_messages`.execute(adapter.db)).rejects.toThrow();
      expect((await migrator.migrateTo('0029_sms')).error).toBeUndefined();
      await readAll();
    } finally {
      await adapter.close();
      await db.cleanup();
    }
  });
});
