/**
 * The query of a point lookup: `lat`, `long` (WGS 84 decimal degrees),
 * `tier` and `services`. Every problem is listed in one 400.
 */
import { TIERS, badRequest, isTier, type Tier } from '@o311/georeport';
import { queryValue, type RawQuery } from '../http/reply.js';
import type { LookupQuery, Point } from './point-discovery.js';

/** Plain decimal notation only: no hex, exponents, `Infinity` or blanks. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function coordinate(q: RawQuery, name: 'lat' | 'long', limit: number, problems: string[]): number {
  const text = queryValue(q, name);
  if (text === undefined) {
    problems.push(`${name} is required (decimal degrees, WGS 84).`);
    return NaN;
  }
  if (!DECIMAL.test(text)) {
    problems.push(`${name} '${text}' is not a decimal number.`);
    return NaN;
  }
  const value = Number(text);
  if (value < -limit || value > limit) problems.push(`${name} ${text} is outside -${limit}..${limit}.`);
  return value;
}

const readPoint = (q: RawQuery, problems: string[]): Point => ({
  lat: coordinate(q, 'lat', 90, problems),
  long: coordinate(q, 'long', 180, problems),
});

/** `lat` and `long`, else throws a 400 naming each problem. */
export function parsePoint(q: RawQuery): Point {
  const problems: string[] = [];
  const point = readPoint(q, problems);
  if (problems.length > 0) throw badRequest(...problems);
  return point;
}

const BOOLEAN: ReadonlyMap<string, boolean> = new Map([['true', true], ['1', true], ['false', false], ['0', false]]);

/** The point, `tier` and `services`, else throws a 400 naming each problem. */
export function parseLookupQuery(q: RawQuery): Point & LookupQuery {
  const problems: string[] = [];
  const point = readPoint(q, problems);
  const tierText = queryValue(q, 'tier');
  let tier: Tier | undefined;
  if (tierText !== undefined) {
    if (isTier(tierText)) tier = tierText;
    else problems.push(`tier '${tierText}' is unknown; use one of ${TIERS.join(', ')}.`);
  }
  const servicesText = queryValue(q, 'services');
  const services = servicesText === undefined ? false : BOOLEAN.get(servicesText.toLowerCase());
  if (services === undefined) problems.push(`services '${servicesText}' must be true or false.`);
  if (problems.length > 0) throw badRequest(...problems);
  return { ...point, ...(tier !== undefined && { tier }), services: services ?? false };
}
