/** What the pages and the JSON API share: starting a run from the asked fields, and the names of the endpoints runs belong to. */
import type { FastifyRequest } from 'fastify';
import { clientOf, queueValidationRun, type RunRefusal } from '@o311/server';
import type { Store, ValidationRun, ValidationSource } from '@o311/store';
import type { WebContext } from '../context.js';
import type { RunFields } from './run-input.js';

export const startRun = (web: WebContext, request: FastifyRequest, fields: RunFields, source: ValidationSource): Promise<ValidationRun | RunRefusal> =>
  queueValidationRun(web.services, {
    url: fields.url,
    source,
    format: fields.format,
    write: fields.write,
    apiKey: fields.apiKey || null,
    jurisdictionId: fields.jurisdictionId || null,
    client: clientOf(request.ip),
  });

/** Names of the endpoints of these runs, by slug. */
export async function endpointNames(store: Pick<Store, 'getEndpoint'>, runs: readonly ValidationRun[]): Promise<Map<string, string>> {
  const slugs = [...new Set(runs.flatMap((r) => (r.endpoint_slug === null ? [] : [r.endpoint_slug])))];
  const endpoints = await Promise.all(slugs.map((s) => store.getEndpoint(s)));
  return new Map(endpoints.flatMap((e) => (e ? [[e.slug, e.name] as const] : [])));
}

/** Runs shown below the form: the newest of registered endpoints. */
export const RECENT_RUNS = 15;
/** Runs listed on an endpoint's page. */
export const ENDPOINT_RUNS = 20;

export async function recentEndpointRuns(store: Pick<Store, 'validations'>): Promise<ValidationRun[]> {
  const runs = await store.validations.list({ limit: RECENT_RUNS * 4 });
  return runs.filter((r) => r.endpoint_slug !== null).slice(0, RECENT_RUNS);
}
