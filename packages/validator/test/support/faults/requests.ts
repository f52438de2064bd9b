/** Faults of the service request objects and of GET requests (digest §8, §10, §13). */
import { textOf, type FrontAnswer, type FrontRequest } from '../exchange.js';
import type { Fault, Upstream } from '../fault.js';
import { concatLists, eachObject, escapeXml, mapElements, mapFields, mapJson, mapXml, prependInside, type JsonObject } from '../rewrite.js';
import { isOneOf, REQUEST_LISTS } from './scope.js';

const DATETIMES = ['requested_datetime', 'updated_datetime', 'expected_datetime'] as const;
const OFFSET = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const withoutOffset = (s: string): string => s.replace(OFFSET, '$1');
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Applies the same text rewrite to request fields in JSON and XML answers. */
const requestFields = (fields: readonly string[], f: (text: string) => string): Fault['response'] => (a, route) => {
  if (!isOneOf(route, REQUEST_LISTS)) return a;
  const json = mapJson(a, eachObject(mapFields(fields, (v) => (typeof v === 'string' ? f(v) : v))));
  return mapXml(json, (xml) => mapElements(xml, fields, f));
};

export const datesWithoutTimezone: Fault = {
  name: 'dates-without-timezone',
  description: 'request datetimes lack their offset (2026-05-01T10:00:00) (SF)',
  expectedCheck: 'requests-datetimes',
  response: requestFields(DATETIMES, withoutOffset),
};

export const statusCapitalised: Fault = {
  name: 'status-capitalised',
  description: 'status is Open / Closed (SF)',
  expectedCheck: 'requests-status',
  response: requestFields(['status'], capitalised),
};

export const longDescriptions: Fault = {
  name: 'long-descriptions',
  description: 'request descriptions exceed 4000 characters',
  expectedCheck: 'requests-description-length',
  response: requestFields(['description'], (d) => `${d} ${'x'.repeat(4000)}`),
};

const DAY_MS = 86_400_000;
const PART_MS = 60 * DAY_MS;

const w3c = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** o311's answers to `r` for `start..end` asked in 60-day parts, the lists joined. */
async function inParts(r: FrontRequest, start: number, end: number, upstream: Upstream): Promise<FrontAnswer> {
  const parts = [];
  for (let from = start; from < end; from += PART_MS) {
    const url = new URL(r.url);
    url.searchParams.set('start_date', w3c(from));
    url.searchParams.set('end_date', w3c(Math.min(from + PART_MS, end)));
    parts.push(await upstream({ ...r, url }));
  }
  return concatLists(parts, 'service_requests');
}

/** GET requests asked for more than 90 days: o311 is asked in 60-day parts and the lists joined. */
export const ninetyDaysIgnored: Fault = {
  name: 'ninety-days-ignored',
  description: 'a start_date..end_date span over 90 days is answered in full with a 200 list',
  expectedCheck: 'requests-90-day-limit',
  async exchange(r, route, upstream) {
    const start = Date.parse(r.url.searchParams.get('start_date') ?? '');
    const end = Date.parse(r.url.searchParams.get('end_date') ?? '');
    if (route.resource !== 'requests' || !(end - start > 90 * DAY_MS)) return upstream(r);
    return inParts(r, start, end, upstream);
  },
};

/** Parameters after which a list is no longer "the default window" (paged lists are left alone: parts cannot be paged). */
const WINDOW_SETTERS = ['start_date', 'end_date', 'service_request_id', 'page', 'page_size'] as const;

/** GET requests without dates answers the whole last year (as many real servers do), other filters kept. */
export const defaultWindowIgnored: Fault = {
  name: 'default-window-ignored',
  description: 'GET requests without dates lists the last 365 days instead of the last 90',
  expectedCheck: 'requests-default-window',
  async exchange(r, route, upstream) {
    if (route.resource !== 'requests' || WINDOW_SETTERS.some((p) => (r.url.searchParams.get(p) ?? '') !== '')) return upstream(r);
    const now = Date.now();
    return inParts(r, now - 365 * DAY_MS, now, upstream);
  },
};

export const statusFilterIgnored: Fault = {
  name: 'status-filter-ignored',
  description: 'GET requests ignores status=open / status=closed',
  expectedCheck: 'requests-filter-status',
  request: (r, route) => {
    const status = r.url.searchParams.get('status');
    if (route.resource !== 'requests' || status === null || !/^(open|closed)$/.test(status)) return r;
    const url = new URL(r.url);
    url.searchParams.delete('status');
    return { ...r, url };
  },
};

const PII_FIELDS = ['email', 'phone', 'first_name', 'last_name', 'device_id'] as const;

/** Echoes the submitter's details of every POST in every later request object (the fault has memory). */
export function piiEchoed(): Fault {
  const seen = new Map<string, string>();
  const remember = (r: FrontRequest): void => {
    const form = new URLSearchParams(r.body.toString('utf8'));
    for (const field of PII_FIELDS) {
      const value = form.get(field);
      if (value !== null && value !== '') seen.set(field, value);
    }
  };
  const add = (o: JsonObject): JsonObject => ({ ...o, ...Object.fromEntries(seen) });
  return {
    name: 'pii-echoed',
    description: "the submitter's email, phone and names appear in the request objects",
    expectedCheck: 'pii-not-echoed',
    // The probe email and phone shown in request objects are contact data.
    alsoCaughtBy: ['pii-fields-absent', 'pii-contact-values'],
    request: (r, route) => {
      if (route.resource === 'submit') remember(r);
      return r;
    },
    response: (a, route) => {
      if (!isOneOf(route, REQUEST_LISTS) || seen.size === 0) return a;
      const xmlFields = [...seen].map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('');
      return mapXml(mapJson(a, eachObject(add)), (xml) => prependInside(xml, 'request', xmlFields));
    },
  };
}

export const tokenOnRealtime: Fault = {
  name: 'token-on-realtime',
  description: 'a realtime POST returns a token next to the service_request_id',
  expectedCheck: 'post-realtime-no-token',
  response: (a, route) => {
    if (route.resource !== 'submit' || a.status !== 200 || !textOf(a).includes('service_request_id')) return a;
    const json = mapJson(a, eachObject((o) => ('service_request_id' in o ? { ...o, token: 'fault-token-1' } : o)));
    return mapXml(json, (xml) => (xml.includes('<service_request_id>') ? prependInside(xml, 'request', '<token>fault-token-1</token>') : xml));
  },
};

export const requestsRootRenamed: Fault = {
  name: 'requests-root-renamed',
  description: 'GET requests XML has a <requests> root instead of <service_requests> (6Aika, FMS docs)',
  expectedCheck: 'requests-xml',
  response: (a, route) =>
    route.resource === 'requests' ? mapXml(a, (xml) => xml.replace(/<(\/?)service_requests>/g, '<$1requests>')) : a,
};

const swap = (o: JsonObject): JsonObject => ('lat' in o && 'long' in o ? { ...o, lat: o.long ?? null, long: o.lat ?? null } : o);

export const coordinatesSwapped: Fault = {
  name: 'coordinates-swapped',
  description: 'lat and long are exchanged (Helsinki): Riverton lands at lat -93',
  expectedCheck: 'requests-coordinates',
  // Out of range, and read the other way round a valid point: reported as swapped too.
  alsoCaughtBy: ['requests-coordinates-swapped'],
  response: (a, route) => {
    if (!isOneOf(route, REQUEST_LISTS)) return a;
    return mapXml(mapJson(a, eachObject(swap)), (xml) =>
      xml.replace(/<lat>([^<]*)<\/lat><long>([^<]*)<\/long>/g, '<lat>$2</lat><long>$1</long>'));
  },
};
