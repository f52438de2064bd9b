/**
 * Requests read from an upstream, made strict for the federated answer: the
 * client SDK reads real servers tolerantly (ids or dates may be missing,
 * statuses may be extended), while the federated endpoint publishes plain,
 * typed GeoReport v2. Objects are built field by field, so nothing an
 * upstream adds (extension payloads, stray fields) is carried over.
 */
import { EXTENDED_STATUSES, type PublicRequest, type PublicStatus } from '@o311/georeport';
import type { ClientRequest } from '@o311/client';
import { federatedName } from './federated-ids.js';

const publicStatus = (status: string): PublicStatus =>
  Object.hasOwn(EXTENDED_STATUSES, status) ? EXTENDED_STATUSES[status as keyof typeof EXTENDED_STATUSES] : 'open';

/**
 * The request in the spec's types; undefined when it cannot be addressed or
 * ordered (no id, or no requested_datetime).
 */
export function strictRequest(r: ClientRequest): PublicRequest | undefined {
  if (r.service_request_id === null || r.requested_datetime === null) return undefined;
  return {
    service_request_id: r.service_request_id,
    status: publicStatus(r.status),
    status_notes: r.status_notes,
    service_name: r.service_name ?? '',
    service_code: r.service_code ?? '',
    description: r.description,
    agency_responsible: r.agency_responsible,
    service_notice: r.service_notice,
    requested_datetime: r.requested_datetime,
    updated_datetime: r.updated_datetime ?? r.requested_datetime,
    expected_datetime: r.expected_datetime,
    address: r.address,
    address_id: r.address_id,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.long,
    media_url: r.media_url,
  };
}

/**
 * The request as the federated endpoint names it: id and service code prefixed by the owning endpoint's slug.
 * Its input is already strict (strictRequest, or the local endpoint's plain projection), so only the names change.
 */
export function federatedRequest(slug: string, r: PublicRequest): PublicRequest {
  return {
    ...r,
    service_request_id: federatedName(slug, r.service_request_id),
    service_code: r.service_code === '' ? '' : federatedName(slug, r.service_code),
  };
}
