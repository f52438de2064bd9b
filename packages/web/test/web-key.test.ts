/** The citizen app's API key is in every report page, so it can never be one that may post status updates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { webPlugin } from '../src/index.js';

describe('the web app key', () => {
  let db: FreshDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await freshUrl('sqlite');
    store = await openStore(db.url);
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await db.cleanup();
  });

  it('refuses a trusted key', async () => {
    const { secret } = await store.createApiKey({ name: 'fms', rate_limit_per_minute: 60, trusted: true });
    await expect(buildApp({ store, plugins: [webPlugin({ apiKey: secret })] })).rejects.toThrow(/must not be a trusted key/);
  });

  it('takes a plain key', async () => {
    const { secret } = await store.createApiKey({ name: 'web', rate_limit_per_minute: 60, trusted: false });
    const app = await buildApp({ store, plugins: [webPlugin({ apiKey: secret })], homePath: '/developers' });
    await app.close();
  });
});
