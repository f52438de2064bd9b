/** A migrated store on a fresh database, for the tests of any package. */
import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from './databases.js';
import { freshMigratedUrl } from './migrated-databases.js';

/**
 * A migrated store on a fresh database of `dialect` for the enclosing describe
 * block: opened before its tests (and handed to `use`), closed and removed after them.
 *
 *   let db: FreshDatabase;
 *   let store: Store;
 *   withFreshStore(dialect, (opened) => ({ db, store } = opened));
 */
export function withFreshStore(dialect: TestDialect, use: (opened: { db: FreshDatabase; store: Store }) => void): void {
  let db: FreshDatabase | undefined;
  let store: Store | undefined;

  beforeAll(async () => {
    db = await freshMigratedUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    use({ db, store });
  });

  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
  });
}
