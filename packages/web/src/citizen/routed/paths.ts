/**
 * Where reports to other endpoints live: `/report/at` places the point and
 * lists every service there; `/report/to/{slug:CODE}` is the form of another
 * endpoint's service, sent through the federated endpoint.
 */
import { param } from '../public-handler.js';
import { coordinate } from '../value-checks.js';

/** A place in decimal degrees (WGS 84). */
export interface Point {
  lat: number;
  long: number;
}

/** The point of these decimal degrees, undefined when either is missing or out of range. */
export function pointOf(latText: string, longText: string): Point | undefined {
  const lat = coordinate(latText.trim(), 90);
  const long = coordinate(longText.trim(), 180);
  return lat === undefined || long === undefined ? undefined : { lat, long };
}

/** The point of `?lat=&long=`. */
export const queryPoint = (query: unknown): Point | undefined => pointOf(param(query, 'lat'), param(query, 'long'));

export const PLACE_PATH = '/report/at';

const pointQuery = (p: Point | undefined): string =>
  p === undefined ? '' : `?${new URLSearchParams({ lat: String(p.lat), long: String(p.long) }).toString()}`;

export const placePath = (p?: Point): string => `${PLACE_PATH}${pointQuery(p)}`;

export const routedReportPath = (name: string, p?: Point): string => `/report/to/${encodeURIComponent(name)}${pointQuery(p)}`;

export const routedSentPath = (name: string, token: string): string =>
  `/report/to/${encodeURIComponent(name)}/sent?${new URLSearchParams({ token }).toString()}`;
