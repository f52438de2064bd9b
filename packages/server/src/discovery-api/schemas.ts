/**
 * OpenAPI contracts of the discovery API: they DOCUMENT the documents (both
 * formats); input is checked by the handlers and output written by the codec
 * of @o311/georeport (discovery-documents.ts).
 */
import { Type, type TSchema } from 'typebox';
import { ENDPOINT_STATUSES } from '@o311/store';
import { FORMATS, TIERS } from '@o311/georeport';
import { ErrorList, ServiceSchema, documents } from '../georeport/schemas.js';

export const DISCOVERY_TAG = 'Discovery';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const FormatParams = Type.Object({
  format: Type.Enum([...FORMATS], { description: 'Response format: the resource\'s file extension.' }),
});

export const TierSchema = Type.Enum([...TIERS], { description: 'Smallest first: district, city, utility, county, region, state, nation, world, other.' });

export const PointQuery = {
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude, WGS 84 decimal degrees.', examples: [41.5868] }),
  long: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude, WGS 84 decimal degrees.', examples: [-93.625] }),
};

const BoundarySchema = Type.Object({
  id: Type.String({ examples: ['us-county-19153'] }),
  name: Type.String(),
  tier: TierSchema,
  approximate: Type.Boolean({ description: 'Drawn by hand or guessed, not surveyed.' }),
  source: Type.String({ description: 'Where the geometry comes from, and its licence.' }),
});

const endpointFields = {
  slug: Type.String({ description: 'The endpoint\'s name in URLs.' }),
  name: Type.String(),
  tier: TierSchema,
  country: nullable(Type.String({ description: 'ISO 3166-1 alpha-2.' })),
  base_url: nullable(Type.String({ description: 'GeoReport v2 base URL (…/v2/); null when only the discovery URL is known.' })),
  discovery_url: nullable(Type.String()),
  jurisdiction_id: nullable(Type.String()),
  local: Type.Boolean({ description: 'Served by this o311 server.' }),
  formats: Type.Array(Type.Enum([...FORMATS])),
  api_key_url: nullable(Type.String({ description: 'Where to ask for an API key.' })),
  terms_url: nullable(Type.String()),
  contact_email: nullable(Type.String()),
  status: Type.Enum([...ENDPOINT_STATUSES]),
  boundary_id: nullable(Type.String()),
  updated_datetime: Type.String({ description: 'UTC.' }),
  last_check: Type.Optional(
    Type.Object(
      { datetime: Type.String(), ok: Type.Boolean(), summary: Type.String({ description: 'The validator\'s summary.' }) },
      { description: 'The last conformance check, once there was one.' },
    ),
  ),
  boundary: Type.Optional(BoundarySchema),
};

export const EndpointSchema = Type.Object(endpointFields);

export const LookupSchema = Type.Object({
  endpoints: Type.Array(
    Type.Object({
      ...endpointFields,
      boundary: BoundarySchema,
      services: Type.Optional(Type.Array(ServiceSchema, { description: 'With `services=true`, when the list could be had.' })),
      services_expires: Type.Optional(
        Type.String({ description: 'With `services=true`: until when the list may be reused (in the past for a stale list, refreshed meanwhile).' }),
      ),
      services_error: Type.Optional(Type.String({ description: 'Why the service list could not be had; the endpoint is listed all the same.' })),
    }),
    { description: 'Every endpoint whose boundary covers the point, smallest tier first.' },
  ),
});

export const PointServicesSchema = Type.Object({
  services: Type.Array(
    Type.Object({
      ...ServiceSchema.properties,
      endpoint: Type.String({ description: 'The slug of the endpoint offering it.' }),
      endpoint_name: Type.String(),
      tier: TierSchema,
    }),
  ),
  unavailable: Type.Array(
    Type.Object({ endpoint: Type.String(), tier: TierSchema, services_error: Type.String() }),
    { description: 'Endpoints covering the point whose service lists could not be had.' },
  ),
});

export const GeoJsonFeature = {
  description: 'The boundary as a GeoJSON Feature (MultiPolygon, WGS 84).',
  content: {
    'application/geo+json': {
      schema: Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String(),
        bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
        properties: Type.Object({
          name: Type.String(),
          tier: TierSchema,
          approximate: Type.Boolean(),
          source: Type.String(),
          updated_datetime: Type.String(),
        }),
        geometry: Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Unknown()) }),
      }),
    },
  },
};

const ERROR_WHEN: Record<number, string> = {
  400: 'lat/long missing, not decimal numbers or out of range; an unknown tier, status or format; a bad page (every problem is listed).',
  404: 'No such endpoint or boundary.',
};

export const discoveryErrors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, documents(ErrorList, ERROR_WHEN[s] ?? 'Error', 'errors')]));

export { documents };
