/**
 * `/sw.js`: the compiled service worker (sw/sw.ts) with what it needs written
 * in, as Workbox's injectManifest does at build time: the app shell to
 * precache, each file with a revision (its SHA-256), and the app's settings.
 * Any change to a precached file changes the script, so browsers update it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceWorkerConfig } from '../../sw/config.js';
import { SIGN_OUT_PATH } from '../account/paths.js';
import { OFFLINE_HEADER } from './offline-use.js';
import { OFFLINE_PATH, OUTBOX_PATH, OUTBOX_SYNC_TAG } from './paths.js';

export interface PrecacheEntry {
  url: string;
  revision: string;
}

/** How many service forms the home page may ask the worker to keep (the demo city has 13 services). */
export const MAX_WARM_FORMS = 200;

const SW_CONFIG: ServiceWorkerConfig = {
  offlineHeader: OFFLINE_HEADER,
  offlinePath: OFFLINE_PATH,
  installPages: ['/', OFFLINE_PATH, OUTBOX_PATH],
  signOutPath: SIGN_OUT_PATH,
  warmPrefix: '/report/',
  maxWarm: MAX_WARM_FORMS,
  outboxSyncTag: OUTBOX_SYNC_TAG,
  // The one-time links (sign-in, follow, unsubscribe, reporter updates) and API keys.
  secretParams: ['token', 'api_key'],
};

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const leafletDist = join(dirname(require.resolve('leaflet/package.json')), 'dist');

/** The precached files: a URL prefix, the folder it is served from, and which of its files. */
const SHELL: readonly { prefix: string; dir: string; files: RegExp }[] = [
  { prefix: '/assets/', dir: join(packageRoot, 'public'), files: /^(o311|discover)\.css$|^icon\.svg$/ },
  { prefix: '/assets/icons/', dir: join(packageRoot, 'public', 'icons'), files: /\.png$/ },
  { prefix: '/assets/js/', dir: join(packageRoot, 'dist', 'browser'), files: /\.js$/ },
  { prefix: '/assets/vendor/leaflet/', dir: leafletDist, files: /^leaflet\.(js|css)$/ },
  { prefix: '/assets/vendor/leaflet/images/', dir: join(leafletDist, 'images'), files: /\.png$/ },
];

const revision = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').slice(0, 20);

export async function precacheEntries(): Promise<PrecacheEntry[]> {
  const entries: PrecacheEntry[] = [];
  for (const part of SHELL) {
    const names = (await readdir(part.dir)).filter((n) => part.files.test(n)).sort();
    for (const name of names) entries.push({ url: `${part.prefix}${name}`, revision: revision(await readFile(join(part.dir, name))) });
  }
  return entries;
}

/** Replaces the one placeholder `name` in the compiled worker; a build without it is a bug, not a page to serve. */
function inject(script: string, name: string, value: unknown): string {
  const at = script.indexOf(name);
  if (at < 0 || script.indexOf(name, at + 1) >= 0) throw new Error(`sw.js must name ${name} exactly once`);
  return script.replace(name, () => JSON.stringify(value));
}

export async function serviceWorkerScript(): Promise<string> {
  const compiled = await readFile(join(packageRoot, 'dist', 'sw', 'sw.js'), 'utf8');
  const entries = await precacheEntries();
  return inject(inject(compiled, 'sw.__WB_MANIFEST', entries), 'sw.__O311_CONFIG', SW_CONFIG);
}
