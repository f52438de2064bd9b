/**
 * The `monitor.conformance` job (daily): a read-only validator run (source
 * 'monitor') queued for every monitored endpoint that is not paused and has
 * a URL; each run's job records its score when it finishes (conformance.ts).
 */
import type { ServiceContext } from '../services/context.js';
import { isRefusal, queueValidationRun } from '../validation/queue-run.js';

/** The runs queued, and the endpoints refused (e.g. a private address the server may not reach). */
export async function queueConformanceRuns(ctx: ServiceContext): Promise<{ queued: number; refused: number }> {
  let queued = 0;
  let refused = 0;
  for (const target of await ctx.store.monitor.listTargets()) {
    if (target.paused) continue;
    const endpoint = await ctx.store.getEndpoint(target.slug);
    const url = endpoint && !endpoint.local ? endpoint.discovery_url ?? endpoint.base_url : null;
    if (!endpoint || url === null) continue;
    const run = await queueValidationRun(ctx, {
      url, endpointSlug: endpoint.slug, source: 'monitor', format: 'both', write: false, apiKey: null,
      jurisdictionId: endpoint.jurisdiction_id, client: null,
    });
    if (isRefusal(run)) refused += 1;
    else queued += 1;
  }
  return { queued, refused };
}
