/** Document sources shared by several check files. */
import type { ClientRequest } from '@o311/client';
import type { Format, Service, ServiceDefinition } from '@o311/georeport';
import type { CheckContext } from '../../context.js';
import { REQUESTS } from '../../context/documents.js';
import type { RawObject } from '../../raw/value.js';
import { gather, itemRule, perFormat, type Sources } from './sources.js';

export const servicesSources = (ctx: CheckContext): Promise<Sources<Service[]>> =>
  perFormat(ctx, 'services', (f) => ctx.services(f));

export const requestsSources = (ctx: CheckContext): Promise<Sources<ClientRequest[]>> =>
  perFormat(ctx, 'requests', (f) => ctx.requests(f));

/** The response fields of a service request (digest §10). */
export const REQUEST_FIELDS_REF = 'GeoReport v2 §GET Service Requests (response); digest §10';

/** A rule over each request of the default lists (optionally in one format only). */
export const requestRule = (rule: (r: RawObject, format: Format) => (string | null)[], only?: Format) =>
  itemRule({ sources: requestsSources, what: 'requests list', noun: 'request', idKey: 'service_request_id', rule, ...(only ? { only } : {}) });

/** The sampled definitions in each offered format. */
export async function definitionSources(ctx: CheckContext): Promise<Sources<ServiceDefinition>> {
  const [codes, formats] = await Promise.all([ctx.definitionCodes(), ctx.formats()]);
  if (codes.length === 0) return { docs: [], missing: ['no service in the list has metadata=true'] };
  return gather(codes.flatMap((code) => formats.map((format) => ({
    name: `services/${code}.${format}`, format, load: ctx.definition(code, format),
  }))));
}

/** The sampled single requests in each offered format. */
export async function singleRequestSources(ctx: CheckContext): Promise<Sources<ClientRequest[]>> {
  const [ids, formats] = await Promise.all([ctx.sampleRequestIds(), ctx.formats()]);
  if (ids.length === 0) return { docs: [], missing: ['the default requests list has no request with an id'] };
  return gather(ids.flatMap((id) => formats.map((format) => ({
    name: `requests/${id}.${format}`, format, load: ctx.load(REQUESTS, `requests/${id}`, format),
  }))));
}
