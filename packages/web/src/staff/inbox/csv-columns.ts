/**
 * The columns of the staff CSV export: the public fields, the triage and the
 * reporter's contact data (staff only; the export is behind the staff guard).
 * Headers are stable machine names, whatever the UI language.
 */
import { EXTENDED_STATUSES, formatDateTime, isWritableInstant } from '@o311/georeport';
import type { TriagedRequest } from '@o311/store';
import type { CsvCell } from './csv.js';
import type { Directory } from './directory.js';

export interface CsvColumn {
  header: string;
  value(r: TriagedRequest, d: Directory): CsvCell;
}

/** A date no datetime can write (a row stored before dates were bounded) is an empty cell. */
const date = (ms: number | null, d: Directory): CsvCell =>
  ms === null || !isWritableInstant(ms) ? null : formatDateTime(ms, d.jurisdiction.timezone);
const joined = (v: string | string[]): string => (Array.isArray(v) ? v.join('; ') : v);

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'service_request_id', value: (r) => r.id },
  { header: 'service_code', value: (r) => r.service_code },
  { header: 'service_name', value: (r) => r.service_name },
  { header: 'status', value: (r) => EXTENDED_STATUSES[r.status] },
  { header: 'detailed_status', value: (r) => r.status },
  { header: 'status_notes', value: (r) => r.status_notes },
  { header: 'priority', value: (r) => r.priority },
  { header: 'requested_datetime', value: (r, d) => date(r.requested_at, d) },
  { header: 'updated_datetime', value: (r, d) => date(r.updated_at, d) },
  { header: 'expected_datetime', value: (r, d) => date(r.expected_at, d) },
  { header: 'channel', value: (r) => r.channel },
  { header: 'description', value: (r) => r.description },
  { header: 'address', value: (r) => r.address },
  { header: 'zipcode', value: (r) => r.zipcode },
  { header: 'lat', value: (r) => r.lat },
  { header: 'long', value: (r) => r.long },
  { header: 'agency_responsible', value: (r) => r.agency_responsible },
  { header: 'assigned_department', value: (r, d) => d.departmentName(r.assigned_department_id) ?? null },
  { header: 'assigned_agent', value: (r, d) => d.userName(r.assigned_user_id) ?? null },
  { header: 'duplicate_of', value: (r) => r.duplicate_of },
  { header: 'attributes', value: (r) => Object.entries(r.attributes).map(([k, v]) => `${k}=${joined(v)}`).join(' | ') || null },
  { header: 'media_count', value: (r) => r.media_ids.length },
  { header: 'reporter_email', value: (r) => r.reporter.email },
  { header: 'reporter_first_name', value: (r) => r.reporter.first_name },
  { header: 'reporter_last_name', value: (r) => r.reporter.last_name },
  { header: 'reporter_phone', value: (r) => r.reporter.phone },
];
