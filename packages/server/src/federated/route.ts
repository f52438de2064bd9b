/** Shared pieces of the federated endpoint's operation files (`/federated/open311/v2/`). */
import type { FastifyReply } from 'fastify';
import type { Format } from '@o311/georeport';
import { MISSING_ENDPOINTS_HEADER, missingEndpointsHeader, type FederatedReader, type MissingEndpoint, type SearchScope } from '@o311/router';
import { parsePoint } from '../discovery-api/point-query.js';
import { queryValue, sendDocument, type RawQuery } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';

export const FEDERATED_ROOT = '/federated/open311';
export const FEDERATED_BASE = `${FEDERATED_ROOT}/v2`;
export const FEDERATED_TAG = 'Federated GeoReport v2';

/** What every operation works with. */
export interface FederatedApi {
  ctx: ServiceContext;
  reader: FederatedReader;
}

/**
 * Where a call looks: `jurisdiction_id` names one endpoint by its slug;
 * `lat` and `long` (when either is sent, both must be valid) a point whose
 * covering endpoints answer.
 */
export function scopeOf(q: RawQuery): SearchScope {
  const slug = queryValue(q, 'jurisdiction_id');
  const located = queryValue(q, 'lat') !== undefined || queryValue(q, 'long') !== undefined;
  return {
    ...(slug !== undefined && { slug }),
    ...(located && { point: parsePoint(q) }),
  };
}

/** The document, naming the upstreams that are missing from it (the partial-answer header). */
export function sendFederated(
  reply: FastifyReply,
  format: Format,
  body: string,
  missing: readonly MissingEndpoint[],
  headers: Record<string, string> = {},
): FastifyReply {
  const partial = missingEndpointsHeader(missing);
  reply.headers(headers);
  if (partial !== undefined) reply.header(MISSING_ENDPOINTS_HEADER, partial);
  return sendDocument(reply, format, body);
}

/** The partial-answer header in the OpenAPI document. */
export const MISSING_ENDPOINTS_DOC = {
  'X-Open311-Missing-Endpoints': {
    type: 'string',
    description:
      'Only on a partial answer: the endpoints that should have contributed and did not, each with why, ' +
      'e.g. `polk-county;reason="no answer within 5000 ms", utility;reason="HTTP 503"`. No header: the answer is complete.',
  },
} as const;
