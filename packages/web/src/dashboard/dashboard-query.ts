/**
 * The dashboard's filter, read from the URL's query (so a filter is a link):
 * `day` (the brief's), `from`/`to` (the range of the charts, map and
 * downloads), `area`, `service`, `group` and `channel` (each repeatable),
 * `status` (open, closed, any). Every value is bounded; a bad one is an error naming
 * its field (the page answers 400 with the form and the errors).
 */
import { isRequestChannel, type RequestChannel } from '@o311/georeport';
import { addDays, dayNumber, dayOf } from '@o311/store';

export const FIRST_DAY = '2000-01-01';
/** A range ends before the same date this many years after its start. */
export const MAX_RANGE_YEARS = 5;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_LIST_VALUES = 200;
export const MAX_VALUE_LENGTH = 200;
export const STATUS_CHOICES = ['any', 'open', 'closed'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

export interface DashboardQuery {
  day: string;
  from: string;
  to: string;
  areas: string[];
  services: string[];
  groups: string[];
  status: StatusChoice;
  /** How the requests reached the city (issue 15); a harvested endpoint's requests do not say, so there it is left out (view-data.ts). */
  channels: RequestChannel[];
}

export type QueryField = 'day' | 'from' | 'to' | 'area' | 'service' | 'group' | 'status' | 'channel';

/** What is wrong with one field; `problem` names the message (dashboard.error.<problem>). */
export interface QueryError {
  field: QueryField;
  problem: 'notADay' | 'outOfRange' | 'fromAfterTo' | 'rangeTooLong' | 'tooMany' | 'badValue' | 'badStatus' | 'badChannel';
}

export interface ParsedQuery {
  query: DashboardQuery;
  errors: QueryError[];
}

/** The query's values of `name`, repeated keys included. */
const all = (params: URLSearchParams, name: string): string[] => params.getAll(name).map((v) => v.trim()).filter((v) => v !== '');

const CONTROL = /[\u0000-\u001f\u007f]/;

function readDay(params: URLSearchParams, field: 'day' | 'from' | 'to', fallback: string, last: string, errors: QueryError[]): string {
  const given = params.get(field)?.trim() ?? '';
  if (given === '') return fallback;
  const n = dayNumber(given);
  if (n === undefined) errors.push({ field, problem: 'notADay' });
  else if (given < FIRST_DAY || given > last) errors.push({ field, problem: 'outOfRange' });
  else return given;
  return fallback;
}

function readList(params: URLSearchParams, field: 'area' | 'service' | 'group', errors: QueryError[]): string[] {
  const values = [...new Set(all(params, field))];
  if (values.length > MAX_LIST_VALUES) {
    errors.push({ field, problem: 'tooMany' });
    return [];
  }
  if (values.some((v) => v.length > MAX_VALUE_LENGTH || CONTROL.test(v))) {
    errors.push({ field, problem: 'badValue' });
    return [];
  }
  return values;
}

function readChannels(params: URLSearchParams, errors: QueryError[]): RequestChannel[] {
  const values = [...new Set(all(params, 'channel'))];
  if (values.every(isRequestChannel)) return values;
  errors.push({ field: 'channel', problem: 'badChannel' });
  return [];
}

function readStatus(params: URLSearchParams, errors: QueryError[]): StatusChoice {
  const given = params.get('status')?.trim() ?? '';
  if (given === '') return 'any';
  if ((STATUS_CHOICES as readonly string[]).includes(given)) return given as StatusChoice;
  errors.push({ field: 'status', problem: 'badStatus' });
  return 'any';
}

/** The filter of `params`, with the defaults of the source's zone at `now`: yesterday's brief, the last 30 days. */
export function parseDashboardQuery(params: URLSearchParams, timezone: string, now: number): ParsedQuery {
  const today = dayOf(now, timezone);
  const last = addDays(today, 1);
  const yesterday = addDays(today, -1);
  const errors: QueryError[] = [];
  const day = readDay(params, 'day', yesterday, last, errors);
  const to = readDay(params, 'to', today, last, errors);
  const from = readDay(params, 'from', addDays(to, -(DEFAULT_RANGE_DAYS - 1)), last, errors);
  if (!errors.some((e) => e.field === 'from' || e.field === 'to')) {
    if (from > to) errors.push({ field: 'from', problem: 'fromAfterTo' });
    else if (to >= yearsLater(from, MAX_RANGE_YEARS)) errors.push({ field: 'from', problem: 'rangeTooLong' });
  }
  const query: DashboardQuery = {
    day,
    from: from > to ? to : from,
    to,
    areas: readList(params, 'area', errors),
    services: readList(params, 'service', errors),
    groups: readList(params, 'group', errors),
    status: readStatus(params, errors),
    channels: readChannels(params, errors),
  };
  return { query, errors };
}

/** The query string of a filter (what the form sends), for links, downloads and the browser's history. */
export function queryString(q: DashboardQuery): string {
  const p = new URLSearchParams();
  p.set('day', q.day);
  p.set('from', q.from);
  p.set('to', q.to);
  for (const a of q.areas) p.append('area', a);
  for (const s of q.services) p.append('service', s);
  for (const g of q.groups) p.append('group', g);
  if (q.status !== 'any') p.set('status', q.status);
  for (const c of q.channels) p.append('channel', c);
  return p.toString();
}

/** The same month and day `years` later (compared as text: a 29 February past its leap year still sorts right). */
const yearsLater = (day: string, years: number): string => `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;

/** Whole days from `from` to `to`, both real days. */
export const daysBetween = (from: string, to: string): number => (dayNumber(to) ?? 0) - (dayNumber(from) ?? 0);

/** The query of a request URL. */
export const searchParamsOf = (url: string): URLSearchParams => new URL(url, 'http://o311.invalid').searchParams;
