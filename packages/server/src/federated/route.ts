/** Shared pieces of the federated endpoint's operation files (`/federated/open311/v2/`). */
import type { FastifyReply } from 'fastify';
import type { Format } from '@o311/georeport';
import {
  MISSING_ENDPOINTS_HEADER, missingEndpointsHeader, withMissingEndpointsField, type FederatedReader, type MissingEndpoint, type SearchScope,
} from '@o311/router';
import { Type, type TSchema } from 'typebox';
import { parsePoint } from '../discovery-api/point-query.js';
import { extensionsWanted } from '../georeport/route.js';
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

/** How a list answer is sent. */
export interface FederatedListAnswer {
  format: Format;
  /** The encoded GeoReport v2 list. */
  body: string;
  /** Its root element (XML) and envelope key (JSON): `services`, `service_requests`. */
  root: string;
  missing: readonly MissingEndpoint[];
  /** The client asked `extensions=true`: the list carries the missing-endpoints field too. */
  extensions: boolean;
  headers?: Record<string, string>;
}

/**
 * The list, naming the upstreams that are missing from it in the
 * partial-answer header, and in the extension field when asked for.
 */
export function sendFederated(reply: FastifyReply, a: FederatedListAnswer): FastifyReply {
  const partial = missingEndpointsHeader(a.missing);
  reply.headers(a.headers ?? {});
  if (partial !== undefined) reply.header(MISSING_ENDPOINTS_HEADER, partial);
  return sendDocument(reply, a.format, a.extensions ? withMissingEndpointsField(a.body, a.format, a.root, a.missing) : a.body);
}

/** `extensions=true` (or `all`) of the query. */
export const extensionsOf = (q: RawQuery): boolean => extensionsWanted(queryValue(q, 'extensions'));

/** The `extensions` query parameter of the federated lists. */
export const EXTENSIONS_PARAM = Type.Optional(Type.String({
  description:
    'Extension: `true` adds the missing-endpoints field. XML: the root element\'s attribute `missing_endpoints` ' +
    '(space-separated slugs, empty when the answer is complete). JSON: the answer becomes an object, the list under ' +
    '`services` or `service_requests` and `missing_endpoints`: `[{"slug", "reason"}]` (`[]` when complete). ' +
    'Without it: a plain GeoReport v2 list, and the header alone.',
}));

/** A federated list's JSON schema: the list, or with `extensions=true` its envelope. */
export const federatedListSchema = (root: string, item: TSchema) => Type.Union([
  Type.Array(item),
  Type.Object({
    [root]: Type.Array(item),
    missing_endpoints: Type.Array(Type.Object({ slug: Type.String(), reason: Type.String() }), {
      description: 'The endpoints that should have contributed and did not (the header\'s); empty when the answer is complete.',
    }),
  }, { description: 'With `extensions=true`.' }),
]);

/** The partial-answer header in the OpenAPI document. */
export const MISSING_ENDPOINTS_DOC = {
  'X-Open311-Missing-Endpoints': {
    type: 'string',
    description:
      'Only on a partial answer: the endpoints that should have contributed and did not, each with why, ' +
      'e.g. `polk-county;reason="no answer within 5000 ms", utility;reason="HTTP 503"`. No header: the answer is complete.',
  },
} as const;
