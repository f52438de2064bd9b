import type { ApiKey, NewApiKey, Store } from './contract.js';

/**
 * A fresh key under `name`, revoking the live keys of that name: a process
 * that makes itself a key at every start leaves one live key, not one per start.
 */
export async function rotateApiKey(
  store: Store,
  input: NewApiKey,
): Promise<{ key: ApiKey; secret: string; revoked: number }> {
  let revoked = 0;
  for (const k of await store.listApiKeys()) {
    if (k.name === input.name && k.revoked_at === null && (await store.revokeApiKey(k.id))) revoked += 1;
  }
  return { ...(await store.createApiKey(input)), revoked };
}
