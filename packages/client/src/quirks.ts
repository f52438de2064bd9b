/**
 * What is known about real deployments, as plain data (digest §12–§14; caps and the
 * timezone omission from open311status's per-city settings). A profile only changes
 * how the client asks and reads; it never hides a quirk: readers still warn.
 */
import type { Area } from './model.js';

export interface QuirkProfile {
  name: string;
  /** IANA zone for datetimes sent without an offset. */
  timezone?: string;
  /** Where the endpoint's requests should be; used to detect swapped coordinates. */
  area?: Area;
  /** Send start_date etc. as local `YYYY-MM-DDThh:mm:ss` (in `timezone`): Chicago rejected `Z`. */
  omitQueryTimezone?: boolean;
  /** The server's cap on one list (the spec says 1000; real servers often 50). */
  maxResults?: number;
  /** page/page_size, or shrinking date windows; undefined: detect. */
  paging?: 'page' | 'window';
  /** Boston answers `request/{id}` (singular). */
  singleRequestPath?: 'requests' | 'request';
  /** Sent with every call. */
  headers?: Record<string, string>;
  /** Accept-Encoding to send instead of `gzip, deflate, br` (one server broke on deflate). */
  acceptEncoding?: string;
  /**
   * The server honours the Idempotency-Key header on POST requests (an o311 extension), so a
   * submission sent again with the same key is filed once: a router may resend after a lost answer.
   */
  idempotencyKeys?: boolean;
}

/** The spec's volume cap, used when a profile names none. */
export const DEFAULT_MAX_RESULTS = 1000;

const profile = (p: QuirkProfile): Readonly<QuirkProfile> => Object.freeze(p);

const MARK_A_SPOT: Omit<QuirkProfile, 'name'> = { timezone: 'Europe/Berlin', maxResults: 50, paging: 'window' };

export const PROFILES: Readonly<Record<string, QuirkProfile>> = Object.freeze({
  sanfrancisco: profile({ name: 'sanfrancisco', timezone: 'America/Los_Angeles', maxResults: 50 }),
  chicago: profile({
    name: 'chicago',
    timezone: 'America/Chicago',
    omitQueryTimezone: true,
    maxResults: 50,
    paging: 'page',
  }),
  boston: profile({ name: 'boston', timezone: 'America/New_York', maxResults: 50, singleRequestPath: 'request' }),
  baltimore: profile({ name: 'baltimore', timezone: 'America/New_York', maxResults: 50 }),
  toronto: profile({ name: 'toronto', timezone: 'America/Toronto' }),
  helsinki: profile({
    name: 'helsinki',
    timezone: 'Europe/Helsinki',
    area: { south: 59.5, west: 19, north: 70.1, east: 31.6 },
  }),
  bloomington: profile({ name: 'bloomington', timezone: 'America/Indiana/Indianapolis' }),
  markaspot: profile({ name: 'markaspot', ...MARK_A_SPOT }),
  giessen: profile({ name: 'giessen', ...MARK_A_SPOT }),
  fixmystreet: profile({ name: 'fixmystreet', timezone: 'Europe/London', maxResults: 1000, paging: 'window' }),
  alexandria: profile({ name: 'alexandria', timezone: 'America/New_York', acceptEncoding: 'gzip' }),
  /** An o311 server: honours Idempotency-Key (exactly-once delivery) and takes account_id. */
  o311: profile({ name: 'o311', idempotencyKeys: true }),
});

/** The profile called `name`, or undefined for none or an unknown name (the endpoint is then read as a plain v2 one). */
export function findProfile(name: string | null): QuirkProfile | undefined {
  const key = name?.toLowerCase();
  return key !== undefined && Object.hasOwn(PROFILES, key) ? PROFILES[key] : undefined;
}

/** The profile called `name`; RangeError naming the known ones otherwise. */
export function getProfile(name: string): QuirkProfile {
  const found = findProfile(name);
  if (found === undefined) {
    throw new RangeError(`Unknown quirk profile '${name}'; known: ${Object.keys(PROFILES).join(', ')}`);
  }
  return found;
}
