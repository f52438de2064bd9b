/**
 * The API key the citizen app submits with. It is public (every report page
 * carries it) and shared by every process serving the database (see the
 * store's sharedPublicKey).
 */
import { sharedPublicKey, type Store } from '@o311/store';
import type { WebContext } from '../context.js';

export const WEB_API_KEY_NAME = 'o311 web app';
export const WEB_API_KEY_SETTING = 'web.api_key';
/**
 * Every citizen uses this key, so it is a public key: its limit counts per
 * visitor (client address), and one visitor cannot spend everybody's quota.
 */
const WEB_KEY_RATE_PER_MINUTE = 20;

/** A live, untrusted, public key (a key made before keys could be public is replaced). */
async function usable(store: Store, secret: string | undefined): Promise<boolean> {
  if (secret === undefined) return false;
  const key = await store.findApiKey(secret);
  return key !== undefined && !key.trusted && key.public;
}

const sharedKey = (store: Store): Promise<string> =>
  sharedPublicKey(store, WEB_API_KEY_SETTING, {
    name: WEB_API_KEY_NAME, rate_limit_per_minute: WEB_KEY_RATE_PER_MINUTE, trusted: false, public: true,
  });

const resolved = new WeakMap<Store, Promise<string>>();

function resolve(store: Store): Promise<string> {
  const secret = sharedKey(store);
  secret.catch(() => resolved.delete(store));
  resolved.set(store, secret);
  return secret;
}

/**
 * The web app's key for `store`; concurrent callers share one look-up. Checked
 * at every use (one indexed read), so a key an admin revoked is replaced at once.
 */
export async function ensureWebApiKey(store: Store): Promise<string> {
  const secret = await (resolved.get(store) ?? resolve(store));
  return (await usable(store, secret)) ? secret : resolve(store);
}

/** The configured key, else the shared one. */
export const webApiKey = (web: WebContext): Promise<string> =>
  web.options.apiKey ? Promise.resolve(web.options.apiKey) : ensureWebApiKey(web.services.store);
