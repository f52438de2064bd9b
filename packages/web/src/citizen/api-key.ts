/**
 * The API key the citizen app submits with. It is public (every report page
 * carries it) and shared by every process serving the database: the store keeps
 * only hashes of key secrets, so this one secret is kept as a setting, and a
 * process that starts reuses it while it is live.
 */
import type { Store } from '@o311/store';
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

async function sharedKey(store: Store): Promise<string> {
  const saved = await store.getSetting(WEB_API_KEY_SETTING);
  if (await usable(store, saved)) return saved as string;
  const { key, secret } = await store.createApiKey({
    name: WEB_API_KEY_NAME, rate_limit_per_minute: WEB_KEY_RATE_PER_MINUTE, trusted: false, public: true,
  });
  const stored =
    saved === undefined
      ? await store.claimSetting(WEB_API_KEY_SETTING, secret)
      : (await store.replaceSetting(WEB_API_KEY_SETTING, saved, secret))
        ? secret
        : await store.getSetting(WEB_API_KEY_SETTING);
  // Another process got there first: use its key, drop ours.
  if (stored !== secret) await store.revokeApiKey(key.id);
  return stored ?? secret;
}

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
