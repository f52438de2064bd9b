/**
 * What the client hands back. Discovery, services, definitions, receipts, updates
 * and errors use the standard's own types (@o311/georeport); a request read from a
 * real server is looser than the one o311 emits, so it has a type of its own.
 */
import type { PublicRequest, PublicStatus } from '@o311/georeport';

/** A rectangle in WGS84 degrees; used to detect swapped coordinates. */
export interface Area {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** A service request as read from any GeoReport v2 server, normalised: o311's public request with looser fields. */
export interface ClientRequest
  extends Omit<PublicRequest, 'service_request_id' | 'status' | 'service_name' | 'service_code' | 'requested_datetime' | 'updated_datetime'> {
  /** Null when the server lists a request without one (Chicago, before the token resolves). */
  service_request_id: string | null;
  /** Lower-cased; `open` or `closed` on a conforming server, else whatever the server sent (with a warning). */
  status: PublicStatus | (string & {});
  service_name: string | null;
  service_code: string | null;
  /** ISO 8601 with offset (`2012-05-22T23:57:23-07:00`), or null when absent or unreadable. */
  requested_datetime: string | null;
  updated_datetime: string | null;
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
