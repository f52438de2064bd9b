/**
 * What the client hands back. Discovery, services, definitions, receipts, updates
 * and errors use the standard's own types (@o311/georeport); a request read from a
 * real server is looser than the one o311 emits, so it has a type of its own.
 */
import type { PublicStatus } from '@o311/georeport';

/** A rectangle in WGS84 degrees; used to detect swapped coordinates. */
export interface Area {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** A service request as read from any GeoReport v2 server, normalised. */
export interface ClientRequest {
  /** Null when the server lists a request without one (Chicago, before the token resolves). */
  service_request_id: string | null;
  /** Lower-cased; `open` or `closed` on a conforming server, else whatever the server sent (with a warning). */
  status: PublicStatus | (string & {});
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  /** ISO 8601 with offset (`2012-05-22T23:57:23-07:00`), or null when absent or unreadable. */
  requested_datetime: string | null;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** Extension payload as sent (e.g. FMS/CitySDK `extended_attributes`), untyped by design. */
  extended_attributes?: Record<string, unknown>;
}

/** Options that change how bodies are read. */
export interface ReadOptions {
  /** IANA zone for datetimes sent without an offset (default `UTC`, with a warning either way). */
  timezone?: string;
  /** Where the endpoint's requests should be; a point outside it whose swap is inside is flagged and swapped. */
  area?: Area;
}
