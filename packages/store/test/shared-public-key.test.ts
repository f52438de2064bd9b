/** sharedPublicKey: one live public key per name for every process on the database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, sharedPublicKey, type Store } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { uid } from './fixtures.js';

describe.each(dialects)('sharedPublicKey (%s)', (dialect) => {
  let db: FreshDatabase;
  let first: Store;
  let second: Store;

  beforeAll(async () => {
    db = await freshUrl(dialect);
    first = await openStore(db.url);
    await first.migrate();
    second = await openStore(db.url);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.cleanup();
  });

  const live = async (name: string) => (await first.listApiKeys()).filter((k) => k.name === name && k.revoked_at === null);

  it('gives every process the same live key, made once, even when they start together', async () => {
    const name = uid('key');
    const input = { name, rate_limit_per_minute: 30, trusted: false, public: true as const };
    const secrets = await Promise.all([first, second, first, second].map((s) => sharedPublicKey(s, `${name}.secret`, input)));
    expect(new Set(secrets).size).toBe(1);
    expect(await live(name)).toHaveLength(1);
    expect((await first.findApiKey(secrets[0]!))?.public).toBe(true);
    // A later start reuses it.
    expect(await sharedPublicKey(second, `${name}.secret`, input)).toBe(secrets[0]);
  });

  it('replaces a key that was revoked or no longer fits, and revokes older keys of its name', async () => {
    const name = uid('key');
    const input = { name, rate_limit_per_minute: 30, trusted: false, public: true as const };
    const legacy = await first.createApiKey(input);
    const kept = await sharedPublicKey(first, `${name}.secret`, input);
    expect((await live(name)).map((k) => k.id)).toEqual([(await first.findApiKey(kept))!.id]);
    expect(await first.findApiKey(legacy.secret)).toBeUndefined();

    await first.revokeApiKey((await first.findApiKey(kept))!.id);
    const renewed = await sharedPublicKey(second, `${name}.secret`, input);
    expect(renewed).not.toBe(kept);
    expect(await live(name)).toHaveLength(1);

    const refitted = await sharedPublicKey(first, `${name}.secret`, input, (k) => k.rate_limit_per_minute === 99);
    expect(refitted).not.toBe(renewed);
    expect(await first.findApiKey(renewed)).toBeUndefined();
  });
});
