/**
 * What the federated endpoint (@o311/router) reads through, made from the
 * server's context: the registry in the store, discovery's point index and
 * cached service lists, local endpoints in process (local-upstream.ts) and
 * remote ones through the client SDK with discovery's network rules.
 */
import { RemoteUpstreams, type Federation } from '@o311/router';
import type { Endpoint } from '@o311/store';
import type { ServiceContext } from '../services/context.js';
import { localUpstream } from './local-upstream.js';

/** The registry's slugs are at most 64 characters (registry-admin/endpoint-input.ts): longer names are not looked up. */
const MAX_SLUG_LENGTH = 64;

export function createFederation(ctx: ServiceContext): Federation {
  const remote = new RemoteUpstreams(ctx.discovery.remote);
  return {
    async endpoint(slug: string): Promise<Endpoint | undefined> {
      if (slug.length > MAX_SLUG_LENGTH) return undefined;
      const e = await ctx.store.getEndpoint(slug);
      return e === undefined || e.status === 'retired' ? undefined : e;
    },
    async covering(point) {
      return (await ctx.discovery.points.registry.lookup(point.long, point.lat)).map((hit) => hit.endpoint);
    },
    serviceList: (e, locale) => ctx.discovery.lists.of(e, locale),
    upstream: (e) => (e.local ? localUpstream(ctx, e) : remote.reader(e)),
  };
}
