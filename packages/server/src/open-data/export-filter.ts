/**
 * An export's filter from text (query parameters or command-line flags):
 * every value checked and bounded, every problem named in one 400.
 */
import { badRequest, parseW3CDateTime, PUBLIC_STATUSES, type PublicStatus } from '@o311/georeport';
import type { ExportFilter, Jurisdiction } from '@o311/store';
import { localMidnight } from './local-month.js';

export const MAX_EXPORT_SERVICES = 100;
const MAX_SERVICE_CODE_LENGTH = 255;

/** The raw values, each as given (a list where a value may be repeated). */
export interface ExportCriteria {
  services?: readonly string[];
  status?: string;
  requestedFrom?: string;
  requestedTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

/** How each criterion is called where it came from, for the messages. */
export type CriteriaNames = Record<keyof ExportCriteria, string>;

export const QUERY_NAMES: CriteriaNames = {
  services: 'service_code', status: 'status', requestedFrom: 'start_date', requestedTo: 'end_date',
  updatedFrom: 'updated_after', updatedTo: 'updated_before',
};

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A W3C datetime with its offset, or a plain date: local midnight in the
 * jurisdiction's zone (a start), or the last millisecond of that day (an end).
 */
function parseBound(name: string, raw: string | undefined, j: Jurisdiction, end: boolean, problems: string[]): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const probe = new Date(Date.UTC(2000, m - 1, d));
    if (y >= 1 && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && (m !== 2 || d !== 29 || isLeap(y))) {
      return end ? localMidnight(y, m, d + 1, j.timezone) - 1 : localMidnight(y, m, d, j.timezone);
    }
  } else {
    // An unencoded `+` of an offset arrives as a space.
    const ms = parseW3CDateTime(text.replace(/^(.*\d) (\d{2}:?\d{2})$/, '$1+$2'));
    if (ms !== undefined) return end ? Math.floor(ms / 1000) * 1000 + 999 : ms;
  }
  problems.push(`${name} must be a date (2026-01-31) or a datetime with a timezone (2026-01-31T00:00:00Z)`);
  return undefined;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function parseServices(name: string, values: readonly string[] | undefined, problems: string[]): string[] | undefined {
  const codes = [...new Set((values ?? []).flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => c !== ''))];
  if (codes.length === 0) return undefined;
  if (codes.length > MAX_EXPORT_SERVICES) problems.push(`${name} may name at most ${MAX_EXPORT_SERVICES} services`);
  if (codes.some((c) => c.length > MAX_SERVICE_CODE_LENGTH)) problems.push(`each ${name} is at most ${MAX_SERVICE_CODE_LENGTH} characters`);
  return codes;
}

function parseStatus(name: string, raw: string | undefined, problems: string[]): PublicStatus[] | undefined {
  const values = [...new Set((raw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
  if (values.length === 0) return undefined;
  const known = (s: string): s is PublicStatus => (PUBLIC_STATUSES as readonly string[]).includes(s);
  if (!values.every(known)) {
    problems.push(`${name} must be open, closed or open,closed`);
    return undefined;
  }
  return values.filter(known);
}

/** The store filter of `criteria` for `j`; throws a 400 naming every problem. */
export function exportFilter(j: Jurisdiction, criteria: ExportCriteria, names: CriteriaNames = QUERY_NAMES): ExportFilter {
  const problems: string[] = [];
  const service_codes = parseServices(names.services, criteria.services, problems);
  const statuses = parseStatus(names.status, criteria.status, problems);
  const requested_from = parseBound(names.requestedFrom, criteria.requestedFrom, j, false, problems);
  const requested_to = parseBound(names.requestedTo, criteria.requestedTo, j, true, problems);
  const updated_from = parseBound(names.updatedFrom, criteria.updatedFrom, j, false, problems);
  const updated_to = parseBound(names.updatedTo, criteria.updatedTo, j, true, problems);
  if (requested_from !== undefined && requested_to !== undefined && requested_to < requested_from) {
    problems.push(`${names.requestedTo} is before ${names.requestedFrom}`);
  }
  if (updated_from !== undefined && updated_to !== undefined && updated_to < updated_from) {
    problems.push(`${names.updatedTo} is before ${names.updatedFrom}`);
  }
  if (problems.length > 0) throw badRequest(...problems);
  return {
    jurisdiction_id: j.id,
    ...(service_codes && { service_codes }),
    ...(statuses && { statuses }),
    ...(requested_from !== undefined && { requested_from }),
    ...(requested_to !== undefined && { requested_to }),
    ...(updated_from !== undefined && { updated_from }),
    ...(updated_to !== undefined && { updated_to }),
  };
}
