/** Opening a store from a database URL. */
import type { Store } from './contract.js';
import type { DialectAdapter } from './dialects/adapter.js';
import { KyselyStore } from './store.js';
import { parseDatabaseUrl } from './url.js';

export interface OpenStoreOptions {
  /** PostgreSQL connections per process (default 10); SQLite always uses one. */
  poolSize?: number;
}

/**
 * Opens (and checks) a connection to `sqlite:PATH`, `sqlite::memory:` or
 * `postgres://…`. The schema is not touched: call `migrate()` to create or
 * upgrade it.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location = parseDatabaseUrl(url);
  let adapter: DialectAdapter;
  if (location.dialect === 'sqlite') {
    const { createSqliteAdapter } = await import('./dialects/sqlite.js');
    adapter = createSqliteAdapter(location.path);
  } else {
    const poolSize = options.poolSize ?? 10;
    if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error(`poolSize must be a positive integer, got ${poolSize}`);
    const { createPostgresAdapter } = await import('./dialects/postgres.js');
    adapter = createPostgresAdapter(location.url, poolSize);
  }
  try {
    await adapter.ping();
  } catch (e) {
    await adapter.close().catch(() => undefined);
    throw e;
  }
  return new KyselyStore(adapter);
}
