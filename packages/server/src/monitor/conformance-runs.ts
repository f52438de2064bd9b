/**
 * The monitor's conformance runs: a read-only validator run (source
 * 'monitor') of one monitored endpoint, at the URL the monitor polls it at;
 * an endpoint this server serves itself (local, without a URL) is validated
 * at this server's own GeoReport URL, which the validator's job answers in
 * process (validation/own-endpoint.ts). The `monitor.conformance` job (daily)
 * queues one for every endpoint that is not paused; a finished run's job
 * records its score (conformance.ts), and a new endpoint gets its first run
 * after its first successful poll (first-conformance.ts).
 */
import type { Endpoint, ValidationRun } from '@o311/store';
import type { PublicOrigin } from '../http/public-origin.js';
import { isRefusal, queueValidationRun, type RunRefusal, type ValidationContext } from '../validation/queue-run.js';
import { ownEndpointUrl, ownOrigin } from '../validation/own-endpoint.js';

/** Served by this o311 server: polled and validated in process, never over the network. */
export const servedHere = (endpoint: Pick<Endpoint, 'local' | 'base_url' | 'discovery_url'>): boolean =>
  endpoint.local && endpoint.base_url === null && endpoint.discovery_url === null;

/**
 * Where an endpoint's conformance is checked: its discovery or base URL, or,
 * when this server serves it, this server's own GeoReport URL (null when the
 * public URL has a path of its own, which the app's routes are not under).
 */
export function conformanceUrl(origin: Pick<PublicOrigin, 'announced'>, endpoint: Endpoint): string | null {
  if (servedHere(endpoint)) return ownOrigin(origin) === null ? null : ownEndpointUrl(origin);
  return endpoint.discovery_url ?? endpoint.base_url;
}

/** One run queued for `endpoint`, a refusal (e.g. a private address the server may not reach), or null: it has no URL to check. */
export async function queueConformanceRun(ctx: ValidationContext, endpoint: Endpoint): Promise<ValidationRun | RunRefusal | null> {
  const url = conformanceUrl(ctx.origin, endpoint);
  if (url === null) return null;
  return queueValidationRun(ctx, {
    url, endpointSlug: endpoint.slug, source: 'monitor', format: 'both', write: false, apiKey: null,
    jurisdictionId: endpoint.jurisdiction_id, client: null,
  });
}

/** The daily job: the runs queued, and the endpoints refused. */
export async function queueConformanceRuns(ctx: ValidationContext): Promise<{ queued: number; refused: number }> {
  let queued = 0;
  let refused = 0;
  for (const target of await ctx.store.monitor.listTargets()) {
    if (target.paused) continue;
    const endpoint = await ctx.store.getEndpoint(target.slug);
    const run = endpoint === undefined ? null : await queueConformanceRun(ctx, endpoint);
    if (run === null) continue;
    if (isRefusal(run)) refused += 1;
    else queued += 1;
  }
  return { queued, refused };
}
