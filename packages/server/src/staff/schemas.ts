/** Typebox contracts of the staff API: validation, handler types and OpenAPI from one source. */
import { Type, type TSchema } from 'typebox';
import { DATATYPES, EXTENDED_STATUSES, PUBLIC_STATUSES, REQUEST_CHANNELS, SERVICE_TYPES } from '@o311/georeport';
import { API_CLIENTS, BLACKBOX_RECEIPTS } from '@o311/store';
import { MAX_ATTRIBUTE_ORDER, MAX_PAGE, MAX_RATE_PER_MINUTE, MAX_SLA_HOURS } from '../services/setting-bounds.js';

export const STAFF_TAG = 'Staff API';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const opt = Type.Optional;

export const ErrorList = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));

const errorDoc = (description: string) => ({ description, ...ErrorList });
export const staffErrors = (...statuses: number[]) => {
  const text: Record<number, string> = {
    400: 'Invalid input (every problem is listed).',
    401: 'Missing or unknown bearer token.',
    403: 'The token\'s role may not do this.',
    404: 'No such resource.',
    409: 'Conflicts with the current state.',
  };
  return Object.fromEntries(statuses.map((s) => [s, errorDoc(text[s] ?? 'Error')]));
};

export const DateTime = Type.String({ description: 'W3C datetime with offset', examples: ['2026-03-01T09:30:00-06:00'] });

export const IdPattern = '^[A-Za-z0-9_.~:-]+$';

export const JurisdictionBody = Type.Object({
  name: Type.String({ minLength: 1 }),
  contact: Type.String({ minLength: 1, description: 'Shown in discovery: who to contact.' }),
  key_service: Type.String({ minLength: 1, description: 'Shown in discovery: how to get an API key.' }),
  timezone: Type.String({ minLength: 1, description: 'IANA zone, e.g. America/Chicago.', examples: ['America/Chicago'] }),
});

export const Jurisdiction = Type.Object({
  id: Type.String({ pattern: IdPattern, description: 'Suggested: the city\'s domain, e.g. `cityofchicago.org`.' }),
  ...JurisdictionBody.properties,
});

export const JurisdictionParams = Type.Object({ jid: Type.String() });

export const PrimaryJurisdictionBody = Type.Object({ id: Type.String({ minLength: 1 }) });

export const JurisdictionScope = Type.Union([
  Type.Literal('global'),
  Type.Array(Type.String({ pattern: IdPattern }), { minItems: 1 }),
], { description: 'The jurisdictions it works on: `global` (every one; admins only) or a list of ids.' });

export const AttributeValue = Type.Object({ key: Type.String(), name: Type.String() });

export const Attribute = Type.Object({
  variable: Type.Boolean({ default: true }),
  code: Type.String({ minLength: 1 }),
  datatype: Type.Enum([...DATATYPES]),
  required: Type.Boolean({ default: false }),
  datatype_description: opt(nullable(Type.String())),
  // Bounds checked by the service, which names every problem of a definition at once.
  order: Type.Integer({ description: `Display order: 1 to ${MAX_ATTRIBUTE_ORDER}, unique within the service.` }),
  description: Type.String(),
  values: opt(Type.Array(AttributeValue, { description: 'List datatypes only: at least one, unique keys.' })),
});

export const Translation = Type.Object({
  service_name: Type.String(),
  description: opt(nullable(Type.String())),
  group: opt(nullable(Type.String())),
  keywords: opt(nullable(Type.String())),
  attributes: opt(
    Type.Record(
      Type.String(),
      Type.Object({ description: opt(Type.String()), values: opt(Type.Record(Type.String(), Type.String())) }),
    ),
  ),
});

const BLACKBOX_RECEIPT_HELP =
  'What a blackbox service answers a POST with: `none` (the spec: neither id nor token), `service_request_id` ' +
  'or `token`. FixMyStreet and open311_java take a receipt without id or token for a failure and post again; ' +
  'giving them an id stops the duplicates, at the price of an id the city does not promise to keep public.';

const serviceFields = {
  service_name: Type.String({ minLength: 1 }),
  description: opt(nullable(Type.String())),
  type: opt(Type.Enum([...SERVICE_TYPES], { default: 'realtime' })),
  keywords: opt(nullable(Type.String())),
  group: opt(nullable(Type.String())),
  active: opt(Type.Boolean({ default: true })),
  agency_responsible: opt(nullable(Type.String())),
  service_notice: opt(nullable(Type.String())),
  sla_hours: opt(nullable(Type.Number({
    minimum: 0, maximum: MAX_SLA_HOURS, description: 'Sets expected_datetime of new requests; at most ten years.',
  }))),
  attributes: opt(Type.Array(Attribute)),
  translations: opt(Type.Record(Type.String(), Translation, { description: 'locale (`es`, `es_MX`) -> translation' })),
  blackbox_receipt: opt(Type.Enum([...BLACKBOX_RECEIPTS], { default: 'none', description: BLACKBOX_RECEIPT_HELP })),
};

export const ServiceBody = Type.Object(serviceFields);
export const NewServiceBody = Type.Object({ service_code: Type.String({ minLength: 1 }), ...serviceFields });

export const Service = Type.Object({
  jurisdiction_id: Type.String(),
  service_code: Type.String(),
  service_name: Type.String(),
  description: nullable(Type.String()),
  type: Type.Enum([...SERVICE_TYPES]),
  keywords: nullable(Type.String()),
  group: nullable(Type.String()),
  active: Type.Boolean(),
  agency_responsible: nullable(Type.String()),
  service_notice: nullable(Type.String()),
  sla_hours: nullable(Type.Number()),
  metadata: Type.Boolean(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.Enum([...DATATYPES]),
      required: Type.Boolean(),
      datatype_description: nullable(Type.String()),
      order: Type.Integer(),
      description: Type.String(),
      values: opt(Type.Array(AttributeValue)),
    }),
  ),
  translations: Type.Record(Type.String(), Translation),
  blackbox_receipt: Type.Enum([...BLACKBOX_RECEIPTS]),
  updated_datetime: DateTime,
});

export const ServiceParams = Type.Object({ jid: Type.String(), code: Type.String() });

export const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  rate_limit_per_minute: Type.Integer({ description: '0 = unlimited' }),
  trusted: Type.Boolean({ description: 'May POST servicerequestupdates.' }),
  client: nullable(Type.Enum([...API_CLIENTS], { description: 'The client program that uses the key.' })),
  public: Type.Boolean({ description: 'Published for anyone (web app, sandbox): the limit counts per client address.' }),
  jurisdiction_id: nullable(Type.String({ description: 'The one jurisdiction the key may post to; null for any.' })),
  created_datetime: DateTime,
  revoked_datetime: nullable(DateTime),
});

export const NewApiKeyBody = Type.Object({
  name: Type.String({ minLength: 1 }),
  rate_limit_per_minute: opt(Type.Integer({ minimum: 0, maximum: MAX_RATE_PER_MINUTE, default: 60, description: '0 = unlimited' })),
  trusted: opt(Type.Boolean({ default: false })),
  client: opt(nullable(Type.Enum([...API_CLIENTS], {
    description: 'The client program that will use the key (fixmystreet, open311_java, other): the services editor warns about blackbox services such clients post to.',
  }))),
});

export const StaffRole = Type.Enum(['viewer', 'agent', 'admin']);

export const StaffToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: StaffRole,
  jurisdictions: JurisdictionScope,
  created_datetime: DateTime,
  revoked_datetime: nullable(DateTime),
});

export const NewStaffTokenBody = Type.Object({
  name: Type.String({ minLength: 1 }),
  role: StaffRole,
  // Within the creator's scope; default: the creator's scope, or from a global admin: global for an admin, else the primary jurisdiction.
  jurisdictions: opt(JurisdictionScope),
});

export const IdParams = Type.Object({ id: Type.String() });

export const Secret = Type.String({ description: 'Shown once; only a hash is stored.' });

const ExtendedStatus = Type.Enum(Object.keys(EXTENDED_STATUSES));

export const Reporter = Type.Object({
  email: nullable(Type.String()),
  first_name: nullable(Type.String()),
  last_name: nullable(Type.String()),
  phone: nullable(Type.String()),
  device_id: nullable(Type.String()),
  account_id: nullable(Type.String()),
});

export const Event = Type.Object({
  id: Type.String(),
  datetime: DateTime,
  type: Type.Enum(['submitted', 'status_change', 'comment']),
  status: ExtendedStatus,
  description: Type.String(),
  public: Type.Boolean(),
  author: nullable(Type.String()),
  media_url: nullable(Type.String()),
});

export const StaffRequest = Type.Object({
  id: Type.String(),
  jurisdiction_id: Type.String(),
  service_code: Type.String(),
  service_name: Type.String(),
  token: nullable(Type.String()),
  status: ExtendedStatus,
  public_status: Type.Enum([...PUBLIC_STATUSES]),
  status_notes: nullable(Type.String()),
  description: nullable(Type.String()),
  agency_responsible: nullable(Type.String()),
  service_notice: nullable(Type.String()),
  requested_datetime: DateTime,
  updated_datetime: DateTime,
  expected_datetime: nullable(DateTime),
  address: nullable(Type.String()),
  address_id: nullable(Type.String()),
  zipcode: nullable(Type.String()),
  lat: nullable(Type.Number()),
  long: nullable(Type.Number()),
  media_urls: Type.Array(Type.String()),
  attributes: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
  reporter: Reporter,
  channel: Type.Enum([...REQUEST_CHANNELS], { description: 'How the request reached the city.' }),
  events: opt(Type.Array(Event)),
});

export const RequestListQuery = Type.Object({
  jurisdiction_id: opt(Type.String()),
  status: opt(Type.String({ description: '`open`, `closed` or both, comma-separated.', pattern: '^(open|closed)?(,(open|closed))*$' })),
  service_code: opt(Type.String({ description: 'Comma-separated codes.' })),
  channel: opt(Type.String({
    description: 'How the requests reached the city: `web`, `api`, `phone`, `email`, `sms` or `app`, comma-separated.',
    pattern: '^(web|api|phone|email|sms|app)(,(web|api|phone|email|sms|app))*$',
  })),
  page: opt(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
  page_size: opt(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const RequestPage = Type.Object({
  items: Type.Array(StaffRequest),
  total: Type.Integer(),
  page: Type.Integer(),
  page_size: Type.Integer(),
});

export const JurisdictionQuery = Type.Object({ jurisdiction_id: opt(Type.String()) });

export const StatusChangeBody = Type.Object({
  jurisdiction_id: opt(Type.String()),
  status: ExtendedStatus,
  note: opt(nullable(Type.String({ maxLength: 4000, description: 'Public: becomes status_notes and a history note.' }))),
  agency_responsible: opt(nullable(Type.String())),
  expected_datetime: opt(nullable(Type.String({
    description: 'W3C datetime with timezone, in years 0001-9999 UTC; null clears it.',
  }))),
});

export const Me = Type.Object({ id: Type.String(), name: Type.String(), role: StaffRole, jurisdictions: JurisdictionScope });
