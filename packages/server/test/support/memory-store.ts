/** A migrated in-memory SQLite store per test, for tests that need a store but no particular dialect. */
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '@o311/store';

/**
 * Opens a migrated in-memory store before each test of the enclosing describe
 * block (handed to `use`) and closes it after the test.
 *
 *   let store: Store;
 *   withMemoryStore((opened) => (store = opened));
 */
export function withMemoryStore(use: (store: Store) => void): void {
  let store: Store | undefined;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    await store.migrate();
    use(store);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
}
