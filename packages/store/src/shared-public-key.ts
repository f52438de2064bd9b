/**
 * A public API key that every server process on the database uses: the web
 * app's, the sandbox's. The store keeps only hashes of secrets, so the secret
 * of such a key (public by design: pages show it) is kept as a setting. A
 * process that starts reuses it while the key is live and fits; else it makes
 * one, and of two processes making one at once, the first to store it wins
 * (the other revokes its own), then revokes the other live keys of its name
 * (left by older versions, which made a new one at every start). So a process
 * started later never revokes the key the others show.
 */
import type { ApiKey, NewApiKey, Store } from './contract.js';

export async function sharedPublicKey(
  store: Store,
  setting: string,
  input: NewApiKey & { public: true },
  /** Whether a stored key still matches `input` (e.g. its jurisdiction). */
  fits: (key: ApiKey) => boolean = () => true,
): Promise<string> {
  const saved = await store.getSetting(setting);
  if (saved !== undefined) {
    const key = await store.findApiKey(saved);
    if (key && key.revoked_at === null && !key.trusted && key.public && fits(key)) return saved;
  }
  const { key, secret } = await store.createApiKey(input);
  const stored =
    saved === undefined
      ? await store.claimSetting(setting, secret)
      : (await store.replaceSetting(setting, saved, secret))
        ? secret
        : await store.getSetting(setting);
  if (stored !== secret) await store.revokeApiKey(key.id);
  const kept = stored === undefined ? key : await store.findApiKey(stored);
  for (const k of await store.listApiKeys()) {
    if (k.name === input.name && k.revoked_at === null && k.id !== kept?.id) await store.revokeApiKey(k.id);
  }
  return stored ?? secret;
}
