/**
 * The citizen app's service worker, served at /sw.js (src/pwa/service-worker.ts
 * writes the precache list and the settings below into it). Workbox's runtime
 * comes from our own origin (/assets/vendor/workbox/), never a CDN.
 *
 * - The app shell (styles, scripts, icons, Leaflet) is precached, revisioned.
 * - Pages are network-first. A page is kept for offline use only when the
 *   server says so (the offline header): `public` and `shell` pages (the
 *   same for everyone: the offline page, the outbox) in one cache, `personal` ones (a signed-in citizen's My reports, followed requests,
 *   forms holding their e-mail) in another, which is emptied on sign-out and
 *   whenever the server answers as to someone signed out. Staff pages, API
 *   answers and POST answers carry no such header and are never kept, nor is
 *   any page whose address carries a secret (a sign-in link's token).
 * - Offline, a page not kept falls back to the offline page.
 */
importScripts(
  '/assets/vendor/workbox/workbox-core.prod.js',
  '/assets/vendor/workbox/workbox-routing.prod.js',
  '/assets/vendor/workbox/workbox-strategies.prod.js',
  '/assets/vendor/workbox/workbox-precaching.prod.js',
);

declare const workbox: {
  core: typeof import('workbox-core');
  routing: typeof import('workbox-routing');
  precaching: typeof import('workbox-precaching');
};

/** Written by the server (an import type would make this classic worker script a module). */
type ServiceWorkerConfig = import('./config.js').ServiceWorkerConfig;

const sw = self as unknown as ServiceWorkerGlobalScope & {
  __WB_MANIFEST: import('workbox-precaching').PrecacheEntry[];
  __O311_CONFIG: ServiceWorkerConfig;
};

const config = sw.__O311_CONFIG;
const PAGES = 'o311-pages';
const PERSONAL = 'o311-personal';

workbox.core.setCacheNameDetails({ prefix: 'o311' });
sw.addEventListener('install', (event) => {
  event.waitUntil(Promise.all(config.installPages.map((path) => fetchAndKeep(new Request(path)))).catch(() => undefined));
  void sw.skipWaiting();
});
// A page an older worker kept with a secret in its address goes.
sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of [PAGES, PERSONAL]) {
        const cache = await caches.open(name);
        for (const kept of await cache.keys()) if (carriesSecret(kept.url)) await cache.delete(kept);
      }
    })(),
  );
});
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.precacheAndRoute(sw.__WB_MANIFEST);

const forgetPersonal = (): Promise<boolean> => caches.delete(PERSONAL);

const carriesSecret = (url: string): boolean => {
  const query = new URL(url).searchParams;
  return config.secretParams.some((name) => query.has(name));
};

/** Keeps a page answer as the server's offline header says (see the top of this file). */
async function keep(request: Request, response: Response): Promise<void> {
  const kind = response.headers.get(config.offlineHeader);
  // An answer as to someone signed out: nothing personal stays on the device.
  if (kind === 'public') await forgetPersonal();
  if (!response.ok || response.redirected || carriesSecret(request.url)) return;
  if (kind !== 'public' && kind !== 'personal' && kind !== 'shell') return;
  const cache = await caches.open(kind === 'personal' ? PERSONAL : PAGES);
  await cache.put(request, response);
}

async function fetchAndKeep(request: Request): Promise<Response> {
  const response = await fetch(request);
  await keep(request, response.clone());
  return response;
}

async function keptPage(request: Request): Promise<Response | undefined> {
  return (await caches.match(request, { cacheName: PERSONAL })) ?? (await caches.match(request, { cacheName: PAGES }));
}

async function offlinePage(): Promise<Response> {
  return (await caches.match(config.offlinePath, { cacheName: PAGES })) ?? Response.error();
}

workbox.routing.registerRoute(
  new workbox.routing.NavigationRoute(async ({ request }) => {
    try {
      return await fetchAndKeep(request);
    } catch {
      return (await keptPage(request)) ?? offlinePage();
    }
  }),
);

// Signing out empties the personal cache before the server is even asked.
workbox.routing.registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname === config.signOutPath,
  async ({ request }) => {
    await forgetPersonal();
    return fetch(request);
  },
  'POST',
);

function warm(paths: unknown): Promise<unknown> {
  const wanted = (Array.isArray(paths) ? paths : [])
    .filter((p): p is string => typeof p === 'string' && p.startsWith(config.warmPrefix))
    .slice(0, config.maxWarm);
  return Promise.all(
    wanted.map(async (path) => {
      const request = new Request(path);
      if (!(await keptPage(request))) await fetchAndKeep(request).catch(() => undefined);
    }),
  );
}

sw.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || !('type' in data)) return;
  if (data.type === 'warm' && 'paths' in data) event.waitUntil(warm(data.paths));
  if (data.type === 'forget-personal') event.waitUntil(forgetPersonal());
});

/** Background Sync (where the browser has it): the open pages send the outbox (browser/outbox-send.ts). */
sw.addEventListener('sync', (event: Event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  if (sync.tag !== config.outboxSyncTag) return;
  sync.waitUntil(
    sw.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const c of clients) c.postMessage({ type: 'outbox-replay' });
    }),
  );
});
