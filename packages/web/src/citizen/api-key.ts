/**
 * The API key the citizen app submits with. The store keeps only hashes of
 * secrets, so a key created here lives in memory for the life of the process:
 * one per store, created on first use; it replaces the key of the previous run.
 */
import { rotateApiKey, type Store } from '@o311/store';
import type { WebContext } from '../context.js';

export const WEB_API_KEY_NAME = 'o311 web app';
/** Every citizen shares this key: its limit bounds the whole app, not one person. */
const WEB_KEY_RATE_PER_MINUTE = 600;

const created = new WeakMap<Store, Promise<string>>();

/** The secret of this process's web-app key for `store`, created once (concurrent callers share it). */
export function ensureWebApiKey(store: Store): Promise<string> {
  let secret = created.get(store);
  if (secret === undefined) {
    secret = rotateApiKey(store, { name: WEB_API_KEY_NAME, rate_limit_per_minute: WEB_KEY_RATE_PER_MINUTE, trusted: false })
      .then((r) => r.secret);
    secret.catch(() => created.delete(store));
    created.set(store, secret);
  }
  return secret;
}

/** The configured key, else this process's own. */
export const webApiKey = (web: WebContext): Promise<string> =>
  web.options.apiKey ? Promise.resolve(web.options.apiKey) : ensureWebApiKey(web.services.store);
