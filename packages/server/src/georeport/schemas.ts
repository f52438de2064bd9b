/**
 * OpenAPI contracts of the GeoReport v2 routes. These schemas DOCUMENT the wire
 * shapes (both formats per response); input is validated by @o311/georeport in
 * the routes, so that errors come in the spec's order and wording, and output is
 * produced by its encoders only.
 */
import { Type, type TSchema } from 'typebox';
import type { FastifySchemaCompiler } from 'fastify';
import { DATATYPES, EXTENDED_STATUSES, PUBLIC_STATUSES, SERVICE_TYPES } from '@o311/georeport';

export const GEOREPORT_TAG = 'GeoReport v2';
export const EXTENSIONS_TAG = 'GeoReport v2 extensions';

/**
 * GeoReport routes check their own input (see above): Fastify's schema
 * validation is switched off for them and the schemas serve the docs alone.
 */
export const documentationOnly: FastifySchemaCompiler<unknown> = () => (data) => ({ value: data });

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const optional = <T extends TSchema>(t: T) => Type.Optional(t);

export const FormatParams = Type.Object({
  format: Type.Enum(['xml', 'json'], { description: 'Response format: the resource\'s file extension.' }),
});

/** `services/{file}` etc.: the resource name, a dot, then the format (split at the LAST dot). */
export const fileParams = (what: string, example: string) =>
  Type.Object({
    file: Type.String({
      description: `${what} followed by the format extension, e.g. \`${example}.xml\` or \`${example}.json\`.`,
      examples: [`${example}.json`],
    }),
  });

export const JURISDICTION_ID = optional(
  Type.String({
    description: 'Optional: without it, the call is about the server\'s primary jurisdiction (also when it serves several). ' +
      'An unknown id answers 404.',
  }),
);

export const dateTime = (description = 'W3C datetime with timezone: `2026-03-01T09:30:00-06:00`') =>
  Type.String({ description, examples: ['2026-03-01T09:30:00-06:00'] });

export const DateTimeString = dateTime();

export const ErrorList = Type.Array(
  Type.Object({ code: Type.Integer({ examples: [400] }), description: Type.String() }),
  { description: 'XML: `<errors><error><code/><description/></error></errors>`' },
);

/** Both content types of one response: JSON as described, XML as the same document in the spec's XML shape. */
export function documents(json: TSchema, description: string, xmlRoot: string) {
  return {
    description,
    content: {
      'application/json': { schema: json },
      'text/xml': {
        schema: Type.String({
          description: `The same document as XML (UTF-8, \`<?xml version="1.0" encoding="utf-8"?>\`, root \`<${xmlRoot}>\`).`,
        }),
      },
    },
  };
}

const ERROR_WHEN: Record<number, string> = {
  400: 'A required argument is missing or invalid (every problem is listed).',
  403: 'The api_key is missing, unknown or revoked, or may not do this.',
  404: 'Unknown format extension, jurisdiction_id, service code, request, token or media.',
  413: 'The form or a media file is too large, or too many files were sent.',
  415: 'The body is not a form, or a media file is not an accepted image.',
  422: 'The Idempotency-Key was used before by this api_key for a different submission.',
  429: 'The api_key used up its requests per minute; see Retry-After.',
};

export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, documents(ErrorList, ERROR_WHEN[s] ?? 'Error', 'errors')]));
}

export const ServiceSchema = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: nullable(Type.String()),
  metadata: Type.Boolean({ description: 'true: GET the service definition for its attributes.' }),
  type: Type.Enum([...SERVICE_TYPES]),
  keywords: nullable(Type.String()),
  group: nullable(Type.String()),
});

export const AttributeSchema = Type.Object({
  variable: Type.Boolean(),
  code: Type.String(),
  datatype: Type.Enum([...DATATYPES]),
  required: Type.Boolean(),
  datatype_description: nullable(Type.String()),
  order: Type.Integer({ minimum: 1 }),
  description: Type.String(),
  values: optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
});

export const ServiceDefinitionSchema = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(AttributeSchema),
});

export const DiscoverySchema = Type.Object({
  changeset: DateTimeString,
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String({ examples: ['http://wiki.open311.org/GeoReport_v2'] }),
      url: Type.String(),
      changeset: DateTimeString,
      type: Type.Enum(['production', 'test']),
      formats: Type.Array(Type.String(), { examples: [['text/xml', 'application/json']] }),
    }),
  ),
});

const ExtendedStatus = Type.Enum(Object.keys(EXTENDED_STATUSES));

export const RequestSchema = Type.Object({
  service_request_id: Type.String(),
  status: Type.Enum([...PUBLIC_STATUSES]),
  status_notes: nullable(Type.String()),
  service_name: Type.String(),
  service_code: Type.String(),
  description: nullable(Type.String({ maxLength: 4000 })),
  agency_responsible: nullable(Type.String()),
  service_notice: nullable(Type.String()),
  requested_datetime: DateTimeString,
  updated_datetime: DateTimeString,
  expected_datetime: nullable(DateTimeString),
  address: nullable(Type.String()),
  address_id: nullable(Type.String()),
  zipcode: nullable(Type.String()),
  lat: nullable(Type.Number()),
  long: nullable(Type.Number()),
  media_url: nullable(Type.String()),
  extended_attributes: optional(
    Type.Object(
      {
        detailed_status: ExtendedStatus,
        media_urls: Type.Array(Type.String()),
        notes: Type.Array(
          Type.Object({
            datetime: DateTimeString,
            type: Type.Enum(['submitted', 'status_change', 'comment']),
            status: ExtendedStatus,
            description: Type.String(),
          }),
        ),
        attributes: Type.Array(
          Type.Object({ code: Type.String(), value: Type.Union([Type.String(), Type.Array(Type.String())]) }),
        ),
      },
      { description: 'Only with `extensions=true`.' },
    ),
  ),
});

export const ReceiptSchema = Type.Object({
  service_request_id: optional(nullable(Type.String({ description: 'realtime services only' }))),
  token: optional(nullable(Type.String({ description: 'batch services only' }))),
  service_notice: optional(nullable(Type.String())),
  account_id: optional(nullable(Type.String())),
});

export const UpdateSchema = Type.Object({
  update_id: Type.String(),
  service_request_id: Type.String(),
  status: ExtendedStatus,
  updated_datetime: DateTimeString,
  description: Type.String(),
  media_url: nullable(Type.String()),
});

/** The fields of POST requests (urlencoded and multipart). */
const submissionFields = {
  api_key: Type.String({ description: 'Your API key (may also be sent in the query string).' }),
  jurisdiction_id: JURISDICTION_ID,
  service_code: Type.String(),
  lat: optional(Type.Number({ minimum: -90, maximum: 90 })),
  long: optional(Type.Number({ minimum: -180, maximum: 180 })),
  address_string: optional(Type.String()),
  address_id: optional(Type.String()),
  email: optional(Type.String()),
  device_id: optional(Type.String()),
  account_id: optional(Type.String()),
  first_name: optional(Type.String()),
  last_name: optional(Type.String()),
  phone: optional(Type.String()),
  description: optional(Type.String({ maxLength: 4000 })),
  media_url: optional(Type.String()),
};

const ATTRIBUTE_NOTE =
  'Answers to the service definition go in `attribute[CODE]` fields (repeat `attribute[CODE][]` for multivaluelist).';

export const SubmissionBody = {
  content: {
    'application/x-www-form-urlencoded': {
      schema: Type.Object(submissionFields, { additionalProperties: true, description: ATTRIBUTE_NOTE }),
    },
    'multipart/form-data': {
      schema: Type.Object(
        {
          ...submissionFields,
          'media[]': optional(
            Type.Array(Type.String({ format: 'binary' }), {
              description: 'Up to 3 images (JPEG, PNG, GIF, WebP or HEIC); also accepted as `media` or `photo1`..`photo3`.',
            }),
          ),
        },
        { additionalProperties: true, description: ATTRIBUTE_NOTE },
      ),
    },
  },
};

export const UpdateBody = {
  content: {
    'application/x-www-form-urlencoded': {
      schema: Type.Object(
        {
          api_key: Type.String({ description: 'A trusted API key.' }),
          jurisdiction_id: JURISDICTION_ID,
          service_request_id: Type.String(),
          update_id: Type.String({ description: 'Your id for this update.' }),
          status: Type.String({ description: 'open, closed or an extended status (any case): FIXED, IN_PROGRESS, …' }),
          updated_datetime: DateTimeString,
          description: Type.String(),
          media_url: optional(Type.String()),
        },
        { additionalProperties: true },
      ),
    },
  },
};
