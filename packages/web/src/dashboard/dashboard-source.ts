/**
 * Which source a dashboard URL is about: /dashboard is the served
 * jurisdiction's (`local:` + its id), /dashboard/{id} another jurisdiction's,
 * /dashboard/endpoint/{slug} a harvested registry endpoint's. Only enabled
 * sources are shown; anything else is not found.
 */
import { sourceId, type DashboardSource, type Store } from '@o311/store';
import type { WebContext } from '../context.js';
import { webJurisdiction } from '../citizen/jurisdiction.js';

export type SourceRef = { kind: 'served' } | { kind: 'local'; id: string } | { kind: 'endpoint'; slug: string } | { kind: 'id'; id: string };

/** The served jurisdiction's id, undefined when the server has none. */
export async function servedId(web: WebContext): Promise<string | undefined> {
  try {
    return (await webJurisdiction(web)).id;
  } catch {
    return undefined;
  }
}

async function enabled(store: Store, id: string): Promise<DashboardSource | undefined> {
  const found = await store.dashboard.getSource(id);
  return found?.enabled ? found : undefined;
}

export async function findSource(web: WebContext, ref: SourceRef): Promise<DashboardSource | undefined> {
  const store = web.services.store;
  switch (ref.kind) {
    case 'served': {
      const id = await servedId(web);
      return id === undefined ? undefined : enabled(store, sourceId('local', id));
    }
    case 'local':
      return enabled(store, sourceId('local', ref.id));
    case 'endpoint':
      return enabled(store, sourceId('endpoint', ref.slug));
    case 'id':
      return enabled(store, ref.id);
  }
}
