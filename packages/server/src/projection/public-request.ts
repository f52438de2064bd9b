/**
 * The PUBLIC view of a stored request -- the only way request data reaches a
 * GeoReport response.
 *
 * Three layers keep the reporter's contact data (email, names, phone, device and
 * account ids) out of every public body:
 * 1. the projection's input type is `PublicSource`, a StoredRequest WITHOUT its
 *    `reporter`: code here cannot even read those fields;
 * 2. every output object is written field by field (stored records are never
 *    spread, only objects built here), so nothing is carried over by accident;
 * 3. the output type `ProjectedRequest` is branded: the encoders in the routes
 *    accept only values made here, and a compile-time check below fails the build
 *    if the public shape ever gains a field named like a reporter field.
 */
import {
  EXTENDED_STATUSES, type PublicRequest, type RequestExtensions, type RequestNote, type RequestUpdate,
} from '@o311/georeport';
import type { PublicStoredRequest, Reporter, RequestEvent } from '@o311/store';
import { optionalDateTime, requiredDateTime } from './published-date.js';

/** What the projection may look at: everything stored except the reporter. */
export type PublicSource = PublicStoredRequest;

declare const projected: unique symbol;

/** A PublicRequest (with optional extensions) made by this module and nowhere else. */
export type ProjectedRequest = Readonly<PublicRequest & { extended_attributes?: RequestExtensions }> & {
  readonly [projected]: true;
};

// Compile-time guard: no public field may share a name with a reporter field.
type PiiField = keyof Reporter;
type PublicField = keyof PublicRequest | keyof RequestExtensions | keyof RequestNote | keyof RequestUpdate;
type Leaks = Extract<PublicField, PiiField>;
const noPiiInPublicShapes: [Leaks] extends [never] ? true : Leaks = true;
void noPiiInPublicShapes;

export interface ProjectionContext {
  /** IANA timezone of the jurisdiction: dates are written with its offset. */
  timezone: string;
  /** Absolute base of media links, e.g. `https://city.example/open311/v2/media/`. */
  mediaBase: string;
}

export const mediaUrl = (ctx: ProjectionContext, id: string): string => ctx.mediaBase + encodeURIComponent(id);

/** Uploaded files first (they take precedence, v2.1 draft), then the client's link. */
function mediaUrls(r: PublicSource, ctx: ProjectionContext): string[] {
  const urls = r.media_ids.map((id) => mediaUrl(ctx, id));
  if (r.media_url && !urls.includes(r.media_url)) urls.push(absolute(r.media_url, ctx));
  return urls;
}

/** A store may keep links to our own media relative (`/open311/v2/media/7`). */
function absolute(url: string, ctx: ProjectionContext): string {
  if (!url.startsWith('/')) return url;
  const origin = new URL(ctx.mediaBase).origin;
  return origin + url;
}

/** The fields, in spec order, that the public and the staff view of a request share. */
export type RequestDetails = Pick<
  PublicRequest,
  | 'description' | 'agency_responsible' | 'service_notice' | 'requested_datetime' | 'updated_datetime'
  | 'expected_datetime' | 'address' | 'address_id' | 'zipcode' | 'lat' | 'long'
>;

/** Description, agency, notice, the three dates (local time with offset) and the location. */
export function requestDetails(r: PublicSource, timezone: string): RequestDetails {
  return {
    description: r.description,
    agency_responsible: r.agency_responsible,
    service_notice: r.service_notice,
    requested_datetime: requiredDateTime(r.requested_at, timezone),
    updated_datetime: requiredDateTime(r.updated_at, timezone),
    expected_datetime: optionalDateTime(r.expected_at, timezone),
    address: r.address,
    address_id: r.address_id,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.long,
  };
}

export function toPublicRequest(r: PublicSource, ctx: ProjectionContext): ProjectedRequest {
  const pub: PublicRequest = {
    service_request_id: r.id,
    status: EXTENDED_STATUSES[r.status],
    status_notes: r.status_notes,
    service_name: r.service_name,
    service_code: r.service_code,
    ...requestDetails(r, ctx.timezone),
    media_url: r.media_ids[0] !== undefined ? mediaUrl(ctx, r.media_ids[0]) : r.media_url ? absolute(r.media_url, ctx) : null,
  };
  return pub as ProjectedRequest;
}

/** `extensions=true`: detailed status, every media link, the public history and the answers. */
export function toExtendedRequest(
  r: PublicSource,
  events: readonly RequestEvent[],
  ctx: ProjectionContext,
): ProjectedRequest {
  const base: PublicRequest = toPublicRequest(r, ctx);
  const extended_attributes: RequestExtensions = {
    detailed_status: r.status,
    media_urls: mediaUrls(r, ctx),
    notes: events.filter((e) => e.public).map((e) => toNote(e, ctx)),
    attributes: Object.entries(r.attributes).map(([code, value]) => ({
      code,
      value: Array.isArray(value) ? [...value] : value,
    })),
  };
  return { ...base, extended_attributes } as ProjectedRequest;
}

function toNote(e: RequestEvent, ctx: ProjectionContext): RequestNote {
  return { datetime: requiredDateTime(e.at, ctx.timezone), type: e.type, status: e.status, description: e.description };
}

/** mySociety `request_update` from a public history event. */
export function toRequestUpdate(e: RequestEvent, ctx: ProjectionContext): RequestUpdate {
  return {
    update_id: e.id,
    service_request_id: e.request_id,
    status: e.status,
    updated_datetime: requiredDateTime(e.at, ctx.timezone),
    description: e.description,
    media_url: e.media_url ? absolute(e.media_url, ctx) : null,
  };
}
