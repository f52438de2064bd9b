/** The registry names of some endpoints by slug, for pages and feeds that list runs or incidents of several. */
import type { Store } from '@o311/store';

/** Names by slug of these endpoints (each read once; nulls and unknown slugs left out). */
export async function endpointNames(store: Pick<Store, 'getEndpoint'>, slugs: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(slugs)].filter((s): s is string => s !== null);
  const endpoints = await Promise.all(unique.map((s) => store.getEndpoint(s)));
  return new Map(endpoints.flatMap((e) => (e ? [[e.slug, e.name] as const] : [])));
}
