/**
 * Which tracker page an id gets: this server's own request; a federated id
 * (`slug:ID`) of the city this app serves, which is its own request under
 * another name; or another endpoint's request, read through the router.
 * Local ids win: a local id that looks namespaced stays local.
 */
import { routerServices, parseFederatedName } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';

export type TrackedKind = { kind: 'local' } | { kind: 'home'; id: string } | { kind: 'federated' };

export async function trackedKind(web: WebContext, j: Jurisdiction, id: string): Promise<TrackedKind> {
  const parsed = parseFederatedName(id);
  if (parsed === undefined || (await web.services.store.getRequest(j.id, id))) return { kind: 'local' };
  const endpoint = await routerServices(web.services).federation.endpoint(parsed.slug);
  if (endpoint === undefined) return { kind: 'local' };
  if (endpoint.local && endpoint.jurisdiction_id === j.id) return { kind: 'home', id: parsed.local };
  return { kind: 'federated' };
}
