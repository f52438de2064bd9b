/**
 * One exported request: the public projection's fields plus the detailed
 * status, flat, in column order. Built only from the projection
 * (projection/public-request.ts), so nothing of the reporter, triage or
 * internal history can reach a file.
 */
import type { PublicStoredRequest } from '@o311/store';
import { toPublicRequest, type ProjectionContext } from '../projection/public-request.js';
import type { CsvColumn } from './csv-writer.js';
import { pointFeature, type GeoJsonFeature } from './geojson-writer.js';

export interface ExportRecord {
  service_request_id: string;
  status: string;
  detailed_status: string;
  service_code: string;
  service_name: string;
  description: string | null;
  status_notes: string | null;
  agency_responsible: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** How the request reached the city (web, api, phone, email, sms, app). */
  channel: string;
}

export const EXPORT_FIELDS = [
  'service_request_id', 'status', 'detailed_status', 'service_code', 'service_name', 'description', 'status_notes',
  'agency_responsible', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'zipcode', 'lat', 'long',
  'media_url', 'channel',
] as const satisfies readonly (keyof ExportRecord)[];

export function exportRecord(r: PublicStoredRequest, projection: ProjectionContext): ExportRecord {
  const p = toPublicRequest(r, projection);
  return {
    service_request_id: p.service_request_id,
    status: p.status,
    detailed_status: r.status,
    service_code: p.service_code,
    service_name: p.service_name,
    description: p.description,
    status_notes: p.status_notes,
    agency_responsible: p.agency_responsible,
    requested_datetime: p.requested_datetime,
    updated_datetime: p.updated_datetime,
    expected_datetime: p.expected_datetime,
    address: p.address,
    zipcode: p.zipcode,
    lat: p.lat,
    long: p.long,
    media_url: p.media_url,
    channel: r.channel,
  };
}

export const EXPORT_COLUMNS: readonly CsvColumn<ExportRecord>[] = EXPORT_FIELDS.map((key) => ({ header: key, value: (r) => r[key] }));

export const exportFeature = (r: ExportRecord): GeoJsonFeature =>
  pointFeature(r.lat, r.long, r as unknown as Record<string, unknown>, r.service_request_id);
