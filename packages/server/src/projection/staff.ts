/**
 * What the staff API shows. Unlike the public projection this includes the
 * reporter's contact data: it is served only behind a staff token.
 */
import { EXTENDED_STATUSES, type PublicStatus } from '@o311/georeport';
import type {
  ApiKey, Jurisdiction, JurisdictionScope, RequestEvent, ServiceRecord, ServiceTranslation, StaffToken, StoredRequest,
} from '@o311/store';
import type { Attribute, ExtendedStatus, RequestChannel } from '@o311/georeport';
import { hasMetadata } from './service.js';
import { optionalDateTime, requiredDateTime } from './published-date.js';
import { mediaUrl, requestDetails, type ProjectionContext } from './public-request.js';

const utc = (ms: number): string => requiredDateTime(ms, 'UTC');

export interface StaffServiceView {
  jurisdiction_id: string;
  service_code: string;
  service_name: string;
  description: string | null;
  type: ServiceRecord['type'];
  keywords: string | null;
  group: string | null;
  active: boolean;
  agency_responsible: string | null;
  service_notice: string | null;
  sla_hours: number | null;
  metadata: boolean;
  attributes: Attribute[];
  translations: Record<string, ServiceTranslation>;
  blackbox_receipt: ServiceRecord['blackbox_receipt'];
  updated_datetime: string;
}

export function toStaffService(s: ServiceRecord, j: Jurisdiction): StaffServiceView {
  return {
    jurisdiction_id: s.jurisdiction_id,
    service_code: s.service_code,
    service_name: s.service_name,
    description: s.description,
    type: s.type,
    keywords: s.keywords,
    group: s.group,
    active: s.active,
    agency_responsible: s.agency_responsible,
    service_notice: s.service_notice,
    sla_hours: s.sla_hours,
    metadata: hasMetadata(s),
    attributes: s.attributes,
    translations: s.translations,
    blackbox_receipt: s.blackbox_receipt,
    updated_datetime: requiredDateTime(s.updated_at, j.timezone),
  };
}

export interface StaffEventView {
  id: string;
  datetime: string;
  type: RequestEvent['type'];
  status: ExtendedStatus;
  description: string;
  public: boolean;
  author: string | null;
  media_url: string | null;
}

export interface StaffRequestView {
  id: string;
  jurisdiction_id: string;
  service_code: string;
  service_name: string;
  token: string | null;
  status: ExtendedStatus;
  public_status: PublicStatus;
  status_notes: string | null;
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
  media_urls: string[];
  attributes: Record<string, string | string[]>;
  reporter: StoredRequest['reporter'];
  channel: RequestChannel;
  events?: StaffEventView[];
}

export function toStaffRequest(
  r: StoredRequest,
  ctx: ProjectionContext,
  events?: readonly RequestEvent[],
): StaffRequestView {
  const tz = ctx.timezone;
  const media_urls = r.media_ids.map((id) => mediaUrl(ctx, id));
  if (r.media_url && !media_urls.includes(r.media_url)) media_urls.push(r.media_url);
  const view: StaffRequestView = {
    id: r.id,
    jurisdiction_id: r.jurisdiction_id,
    service_code: r.service_code,
    service_name: r.service_name,
    token: r.token,
    status: r.status,
    public_status: EXTENDED_STATUSES[r.status],
    status_notes: r.status_notes,
    ...requestDetails(r, tz),
    media_urls,
    attributes: r.attributes,
    reporter: r.reporter,
    channel: r.channel,
  };
  if (events) view.events = events.map((e) => toStaffEvent(e, tz));
  return view;
}

export function toStaffEvent(e: RequestEvent, timezone: string): StaffEventView {
  return {
    id: e.id,
    datetime: requiredDateTime(e.at, timezone),
    type: e.type,
    status: e.status,
    description: e.description,
    public: e.public,
    author: e.author,
    media_url: e.media_url,
  };
}

export const toApiKeyView = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  rate_limit_per_minute: k.rate_limit_per_minute,
  trusted: k.trusted,
  client: k.client,
  public: k.public,
  jurisdiction_id: k.jurisdiction_id,
  created_datetime: utc(k.created_at),
  revoked_datetime: optionalDateTime(k.revoked_at, 'UTC'),
});

/** A scope as the API writes it: `global` or the list of ids. */
export const toScopeView = (scope: JurisdictionScope): 'global' | string[] => (scope === 'global' ? 'global' : [...scope]);

export const toStaffTokenView = (t: StaffToken) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  jurisdictions: toScopeView(t.jurisdictions),
  created_datetime: utc(t.created_at),
  revoked_datetime: optionalDateTime(t.revoked_at, 'UTC'),
});
