/**
 * The registry endpoint a typed URL is: same GeoReport base URL or discovery
 * URL (scheme and host in any case, a trailing slash and the query aside).
 * The store's text filter looks at base URLs only, so an endpoint known by its
 * discovery URL alone is looked for page by page, up to {@link MAX_SCANNED}.
 */
import type { Endpoint, Store } from '@o311/store';

/** Endpoints whose base URL holds the host, looked at first. */
const CANDIDATES = 50;
const PAGE = 500;
const MAX_SCANNED = 20_000;

const comparable = (value: string): string | null => {
  try {
    const u = new URL(value);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return null;
  }
};

export async function matchEndpoint(store: Pick<Store, 'listEndpoints'>, url: string): Promise<string | null> {
  const wanted = comparable(url);
  if (wanted === null) return null;
  const same = (e: Endpoint): boolean => [e.base_url, e.discovery_url].some((u) => u !== null && comparable(u) === wanted);
  const byHost = await store.listEndpoints({ text: new URL(url).hostname, limit: CANDIDATES, offset: 0 });
  const found = byHost.find(same);
  if (found !== undefined) return found.slug;
  for (let offset = 0; offset < MAX_SCANNED; offset += PAGE) {
    const page = await store.listEndpoints({ limit: PAGE, offset });
    const hit = page.find((e) => e.discovery_url !== null && same(e));
    if (hit !== undefined) return hit.slug;
    if (page.length < PAGE) break;
  }
  return null;
}
