/** What the pages and the JSON API share: starting a run from the asked fields, and the recent runs of registered endpoints. */
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

/** Runs shown below the form: the newest of registered endpoints. */
export const RECENT_RUNS = 15;
/** Runs listed on an endpoint's page. */
export const ENDPOINT_RUNS = 20;

export async function recentEndpointRuns(store: Pick<Store, 'validations'>): Promise<ValidationRun[]> {
  const runs = await store.validations.list({ limit: RECENT_RUNS * 4 });
  return runs.filter((r) => r.endpoint_slug !== null).slice(0, RECENT_RUNS);
}
