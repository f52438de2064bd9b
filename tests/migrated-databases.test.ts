/**
 * The test databases copied from a migrated template (test-support/migrated-databases.ts): each copy holds
 * the schema without a migration, is its own database, and is gone after its cleanup.
 */
import { stat } from 'node:fs/promises';
import { openStore, type Jurisdiction } from '@o311/store';
import { describe, expect, it } from 'vitest';
import { dialects, withAdmin, type FreshDatabase } from '../test-support/databases.js';
import { freshMigratedUrl } from '../test-support/migrated-databases.js';

const CITY: Jurisdiction = { id: 'copy.example', name: 'Copy', contact: '', key_service: '', timezone: 'UTC' };

async function exists(db: FreshDatabase): Promise<boolean> {
  if (db.dialect === 'sqlite') return stat(db.url.slice('sqlite:'.length)).then(() => true, () => false);
  const name = new URL(db.url).pathname.slice(1);
  return withAdmin(async (c) => ((await c.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0) > 0);
}

describe.each(dialects)('freshMigratedUrl on %s', (dialect) => {
  it('gives migrated databases of their own, removed by their cleanup', async () => {
    // Two at once: the first use in a process builds the template once for both.
    const [a, b] = await Promise.all([freshMigratedUrl(dialect), freshMigratedUrl(dialect)]);
    try {
      expect(a.url).not.toBe(b.url);
      const first = await openStore(a.url);
      const second = await openStore(b.url);
      try {
        // No migrate(): the copy holds the schema already.
        await first.saveJurisdiction(CITY);
        expect((await first.listJurisdictions()).map((j) => j.id)).toEqual([CITY.id]);
        expect(await second.listJurisdictions()).toEqual([]);
        await second.migrate();
        expect(await second.listJurisdictions()).toEqual([]);
      } finally {
        await first.close();
        await second.close();
      }
      expect(await exists(a)).toBe(true);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
    expect(await exists(a)).toBe(false);
    expect(await exists(b)).toBe(false);
  });
});
