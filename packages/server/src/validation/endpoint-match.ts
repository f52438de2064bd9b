/** The registry endpoint a typed URL is: same GeoReport base URL or discovery URL (case of the host, trailing slash and query aside). */
import type { Store } from '@o311/store';

/** Endpoints whose URLs hold the host, looked at for a match. */
const CANDIDATES = 50;

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
  const host = new URL(url).hostname;
  const candidates = await store.listEndpoints({ text: host, limit: CANDIDATES, offset: 0 });
  const found = candidates.find((e) => [e.base_url, e.discovery_url].some((u) => u !== null && comparable(u) === wanted));
  return found?.slug ?? null;
}
