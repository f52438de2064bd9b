/**
 * The claim of the reports made before signing in (repositories/citizen-claim.ts)
 * reads the partial indexes of unclaimed reports by e-mail on both dialects,
 * so that a sign-in stays quick however many requests were imported: the
 * statements are planned here, on a table of imported requests.
 */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { openStore, parseDatabaseUrl, type Store } from '../src/index.js';
import type { DialectAdapter } from '../src/dialects/adapter.js';
import { claimStatement } from '../src/repositories/citizen-claim.js';
import { addJurisdiction, imported, reporter } from './fixtures.js';

async function openAdapter(url: string): Promise<DialectAdapter> {
  const location = parseDatabaseUrl(url);
  if (location.dialect === 'sqlite') return (await import('../src/dialects/sqlite.js')).createSqliteAdapter(location.path);
  return (await import('../src/dialects/postgres.js')).createPostgresAdapter(location.url, 2);
}

const IMPORTED = 5_000;
const ACCOUNT = { id: 'account-1', email: 'ana@example.org' };

describe.each(dialects)('the plan of a claim (%s)', (dialect) => {
  let fresh: FreshDatabase;
  let store: Store;
  let adapter: DialectAdapter;

  beforeAll(async () => {
    fresh = await freshUrl(dialect);
    store = await openStore(fresh.url);
    await store.migrate();
    const j = await addJurisdiction(store);
    const rows = Array.from({ length: IMPORTED }, (_, i) => {
      // A few reports with an address, some of them an account's already; the rest without contact data.
      const email = i % 500 === 0 ? `person${i}@example.org` : null;
      return imported(j, { description: String(i), reporter: { ...reporter, email, account_id: email && i % 1000 === 0 ? 'someone' : null } });
    });
    await store.importRequests(rows);
    adapter = await openAdapter(fresh.url);
    if (dialect === 'postgres') await adapter.db.executeQuery(CompiledQuery.raw('analyze requests'));
  }, 60_000);
  afterAll(async () => {
    await adapter?.close();
    await store?.close();
    await fresh?.cleanup();
  });

  async function plan(table: 'requests' | 'federated_requests', forceIndex: boolean): Promise<string> {
    const q = claimStatement(adapter.db, table, ACCOUNT).compile();
    const explain = CompiledQuery.raw(`${dialect === 'sqlite' ? 'explain query plan' : 'explain'} ${q.sql}`, [...q.parameters]);
    const rows = await adapter.db.transaction().execute(async (trx) => {
      // PostgreSQL reads a table of a few rows whole whatever its indexes: there, only whether the index can serve is asked.
      if (forceIndex && dialect === 'postgres') await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
      return (await trx.executeQuery<Record<string, unknown>>(explain)).rows;
    });
    return rows.map((r) => String(r.detail ?? r['QUERY PLAN'])).join('\n');
  }

  it('reads the unclaimed requests of the address from requests_by_email', async () => {
    const text = await plan('requests', false);
    expect(text).toContain('requests_by_email');
    expect(text).not.toMatch(/SCAN requests$|Seq Scan/m);
  });

  it('reads the unclaimed federated requests of the address from federated_by_email', async () => {
    expect(await plan('federated_requests', true)).toContain('federated_by_email');
  });
});
