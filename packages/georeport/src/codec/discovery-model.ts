/**
 * The documents of the discovery API (`/discovery/v1/`, issue 10): which
 * Open311 endpoints, of every tier, cover a point, with their service lists.
 * Times are W3C datetimes in UTC; `expires` says until when a service list may
 * be reused without asking again (as LoST mappings do, RFC 5222).
 */
import type { Format } from '../format.js';
import type { Service } from '../model.js';

/** The boundary an endpoint serves: where its answers apply. */
export interface WireBoundary {
  id: string;
  name: string;
  tier: string;
  /** Drawn by hand or guessed, not surveyed. */
  approximate: boolean;
  source: string;
}

export interface WireEndpointCheck {
  datetime: string;
  ok: boolean;
  summary: string;
}

/** An endpoint of the registry, as every discovery document shows it. */
export interface WireEndpoint {
  slug: string;
  name: string;
  tier: string;
  country: string | null;
  base_url: string | null;
  discovery_url: string | null;
  jurisdiction_id: string | null;
  /** Served by the answering o311 server itself. */
  local: boolean;
  formats: Format[];
  api_key_url: string | null;
  terms_url: string | null;
  contact_email: string | null;
  status: string;
  boundary_id: string | null;
  updated_datetime: string;
  /** Only once the endpoint has been checked. */
  last_check?: WireEndpointCheck;
  /** Where known (lookups, a single endpoint). */
  boundary?: WireBoundary;
}

/** One endpoint covering the looked-up point; with `services=true`, its service list or why it has none. */
export interface LocatedEndpoint extends WireEndpoint {
  boundary: WireBoundary;
  services?: Service[];
  /** Until when the list may be reused; in the past when a stale list is served while it is refreshed. */
  services_expires?: string;
  /** Why the list could not be had (the endpoint is still listed; `services` holds the last list known, if any). */
  services_error?: string;
}

/** The answer depends only on which endpoints cover the point (it does not repeat the point): answers can be shared. */
export interface LookupAnswer {
  /** Smallest tier first. */
  endpoints: LocatedEndpoint[];
}

/** A service offered at the point, with the endpoint and tier that own it. */
export interface OfferedService extends Service {
  endpoint: string;
  endpoint_name: string;
  tier: string;
}

/** An endpoint covering the point whose services could not be had. */
export interface UnavailableEndpoint {
  endpoint: string;
  tier: string;
  services_error: string;
}

export interface PointServices {
  /** Smallest tier first, each endpoint's services in its own order. */
  services: OfferedService[];
  unavailable: UnavailableEndpoint[];
}
