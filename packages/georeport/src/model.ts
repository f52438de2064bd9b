/**
 * The GeoReport v2 domain model: the shapes the standard exchanges, as this
 * server emits them (strict types: string ids, boolean flags, numeric coordinates).
 */

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

export const SERVICE_TYPES = ['realtime', 'batch', 'blackbox'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const PUBLIC_STATUSES = ['open', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** mySociety/FixMyStreet extended states; each maps onto open or closed for plain v2 clients. */
export const EXTENDED_STATUSES = {
  open: 'open',
  closed: 'closed',
  fixed: 'closed',
  in_progress: 'open',
  action_scheduled: 'open',
  planned: 'open',
  investigating: 'open',
  duplicate: 'closed',
  not_councils_responsibility: 'closed',
  no_further_action: 'closed',
  internal_referral: 'closed',
  cancelled: 'closed',
  reopen: 'open',
  for_triage: 'open',
  unchanged: 'open',
} as const satisfies Record<string, PublicStatus>;
export type ExtendedStatus = keyof typeof EXTENDED_STATUSES;

/**
 * How a request reached the city (an o311 extension, not part of GeoReport v2):
 * the citizen web app, another program through the API, the contact centre,
 * e-mail, SMS, or the installed app.
 */
export const REQUEST_CHANNELS = ['web', 'api', 'phone', 'email', 'sms', 'app'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const isRequestChannel = (s: string): s is RequestChannel => (REQUEST_CHANNELS as readonly string[]).includes(s);

export interface Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: ServiceType;
  keywords: string | null;
  group: string | null;
}

export interface AttributeValue {
  key: string;
  name: string;
}

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  /** Present (possibly empty) only for list datatypes. */
  values?: AttributeValue[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: Attribute[];
}

export interface DiscoveryEndpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export interface Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: DiscoveryEndpoint[];
}

/** One entry of a request's public history (extension `extensions=true`). */
export interface RequestNote {
  datetime: string;
  type: 'submitted' | 'status_change' | 'comment';
  status: ExtendedStatus;
  description: string;
}

/**
 * A service request as the public sees it. By construction it has no field for
 * the reporter's contact data: email, names, phone, device and account ids.
 */
export interface PublicRequest {
  service_request_id: string;
  status: PublicStatus;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** Extra fields added when the client asks for `extensions=true`. */
export interface RequestExtensions {
  detailed_status: ExtendedStatus;
  media_urls: string[];
  notes: RequestNote[];
  attributes: { code: string; value: string | string[] }[];
}

export type PublicRequestWithExtensions = PublicRequest & { extended_attributes?: RequestExtensions };

/** Answer to POST requests and GET tokens: which of the fields appear depends on the service type. */
export interface RequestReceipt {
  service_request_id?: string | null;
  token?: string | null;
  service_notice?: string | null;
  account_id?: string | null;
}

/** mySociety `servicerequestupdates` entry. */
export interface RequestUpdate {
  update_id: string;
  service_request_id: string;
  status: ExtendedStatus;
  updated_datetime: string;
  description: string;
  media_url: string | null;
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}
