/**
 * A request read from any endpoint as the dashboard keeps it: public fields
 * only (the client's ClientRequest has no reporter fields to begin with),
 * bounded in length, with its service group and area where known.
 */
import type { ClientRequest } from '@o311/client';
import type { DashboardFact, FactStatus } from '@o311/store';

/** Where a point lies (the source's neighbourhoods); null outside every one. */
export type AreaOf = (lat: number, long: number) => string | null;

export interface FactContext {
  /** Service code → group, from the endpoint's service list. */
  groups: Readonly<Record<string, string>>;
  areaOf?: AreaOf;
}

const MAX_TEXT = 4000;
const MAX_SHORT = 500;

/**
 * Statuses of servers that go beyond open/closed (FMS, CitySDK, Klarschiff) that mean the work is over;
 * any other is open.
 */
const CLOSED_STATUSES: ReadonlySet<string> = new Set([
  'closed', 'fixed', 'resolved', 'completed', 'done', 'duplicate', 'not_responsible', 'internal_referral', 'wontfix', 'unable_to_fix',
]);

export const statusOf = (status: string): FactStatus => (CLOSED_STATUSES.has(status.toLowerCase()) ? 'closed' : 'open');

/**
 * Times an endpoint may send that the dashboard can count on a local day in any zone: four-digit years, a day
 * inside them. Beyond (e.g. +275760-09-13) the store's day of a fact throws, and the harvest would stop there.
 */
const EARLIEST = Date.parse('0001-01-02T00:00:00Z');
const LATEST = Date.parse('9999-12-30T00:00:00Z');

const time = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) || t < EARLIEST || t > LATEST ? null : t;
};

/** Cut to `max` characters, control characters (NUL included) out; empty is null. */
export function bounded(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return clean === '' ? null : clean.slice(0, max);
}

/** 0/0 is how several servers say "no point" (San Francisco, Bloomington); out-of-range values are no point either. */
function pointOf(r: ClientRequest): { lat: number; long: number } | null {
  const { lat, long } = r;
  if (lat === null || long === null || !Number.isFinite(lat) || !Number.isFinite(long)) return null;
  if (lat === 0 && long === 0) return null;
  if (Math.abs(lat) > 90 || Math.abs(long) > 180) return null;
  return { lat, long };
}

function detailedStatus(r: ClientRequest): string {
  const detailed = r.extended_attributes?.detailed_status;
  return bounded(typeof detailed === 'string' ? detailed.toLowerCase() : r.status, 64) ?? statusOf(r.status);
}

/** Null when the request cannot be kept: it has no id, or no date at all to count it on. */
export function toFact(r: ClientRequest, ctx: FactContext): DashboardFact | null {
  const id = bounded(r.service_request_id, MAX_SHORT);
  if (id === null) return null;
  const requested = time(r.requested_datetime);
  const updated = time(r.updated_datetime);
  const requestedAt = requested ?? updated;
  if (requestedAt === null) return null;
  const updatedAt = Math.max(updated ?? requestedAt, requestedAt);
  const status = statusOf(r.status);
  const code = bounded(r.service_code, MAX_SHORT) ?? '';
  const point = pointOf(r);
  return {
    request_id: id,
    service_code: code,
    service_name: bounded(r.service_name, MAX_SHORT) ?? code,
    service_group: ctx.groups[code] ?? null,
    area_id: point === null || ctx.areaOf === undefined ? null : ctx.areaOf(point.lat, point.long),
    status,
    detailed_status: detailedStatus(r),
    requested_at: requestedAt,
    updated_at: updatedAt,
    closed_at: status === 'closed' ? updatedAt : null,
    expected_at: time(r.expected_datetime),
    lat: point?.lat ?? null,
    long: point?.long ?? null,
    address: bounded(r.address, MAX_SHORT),
    description: bounded(r.description, MAX_TEXT),
  };
}
