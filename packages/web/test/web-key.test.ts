/** The citizen app's API key is in every report page, so it can never be one that may post status updates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { ensureWebApiKey, WEB_API_KEY_NAME } from '../src/citizen/api-key.js';
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

describe('the shared web app key', () => {
  let db: FreshDatabase;
  const stores: Store[] = [];
  beforeAll(async () => {
    db = await freshUrl('sqlite');
    // Two stores on one database stand for two server processes.
    for (let i = 0; i < 2; i++) {
      const s = await openStore(db.url);
      await s.migrate();
      stores.push(s);
    }
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await db.cleanup();
  });

  it('is one key for every process, replaced when an admin revokes it', async () => {
    const [a, b] = stores as [Store, Store];
    const [first, second] = await Promise.all([ensureWebApiKey(a), ensureWebApiKey(b)]);
    expect(second).toBe(first);
    expect(await ensureWebApiKey(a)).toBe(first);
    const live = (await a.listApiKeys()).filter((k) => k.name === WEB_API_KEY_NAME && k.revoked_at === null);
    expect(live).toHaveLength(1);
    expect(live[0]?.trusted).toBe(false);

    await a.revokeApiKey(live[0]!.id);
    const renewed = await ensureWebApiKey(b);
    expect(renewed).not.toBe(first);
    expect(await ensureWebApiKey(a)).toBe(renewed);
    expect(await a.findApiKey(renewed)).toMatchObject({ name: WEB_API_KEY_NAME, revoked_at: null });
  });
});
