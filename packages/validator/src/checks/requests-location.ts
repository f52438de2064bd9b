/** Where a request is: lat/long of the request object (spec: GET Service Requests; digest §1 Coordinates, §10, §13.4). */
import type { Check } from '../check.js';
import { member, textOf, type RawObject } from '../raw/value.js';
import { REQUEST_FIELDS_REF, requestRule, requestsSources } from './support/areas.js';
import { coordinate, isDecimal } from './support/fields.js';
import { describe, docRule } from './support/sources.js';
import { swapSuspicions, utcOffsetHours, type Located } from './support/swapped.js';

const REF = `${REQUEST_FIELDS_REF}; digest §1 (Coordinates)`;
const DATETIMES = ['requested_datetime', 'updated_datetime', 'expected_datetime'];

const numberAt = (r: RawObject, key: string): number | null => {
  const t = textOf(member(r, key));
  return t !== null && isDecimal(t) ? Number(t) : null;
};

/** Both coordinates as numbers, not the 0/0 "unknown", with the first datetime offset found. */
function locatedOf(r: RawObject): Located | null {
  const [lat, long] = [numberAt(r, 'lat'), numberAt(r, 'long')];
  if (lat === null || long === null || (lat === 0 && long === 0)) return null;
  const offsets = DATETIMES.map((k) => textOf(member(r, k))).flatMap((t) => (t === null ? [] : [utcOffsetHours(t)]));
  return { lat, long, offsetHours: offsets.find((o) => o !== null) ?? null };
}

export const requestLocationChecks: readonly Check[] = [
  /** lat and long are decimal degrees within ±90 / ±180. */
  {
    id: 'requests-coordinates',
    title: 'lat/long are decimal degrees in range',
    specRef: REF,
    severity: 'error',
    fix: 'Write lat and long as decimal degrees (WGS 84) within range.',
    run: requestRule((r) => [coordinate(r, 'lat', 90), coordinate(r, 'long', 180)]),
  },
  /** 0/0 is not used to mean "unknown location" (null or an empty element is). */
  {
    id: 'requests-zero-coordinates',
    title: 'No 0/0 coordinates standing for "unknown"',
    specRef: `${REQUEST_FIELDS_REF}; digest §13.4`,
    severity: 'warning',
    fix: 'Leave lat and long out when the location is unknown instead of writing 0, 0.',
    run: requestRule((r) => {
      const [lat, long] = [textOf(member(r, 'lat')), textOf(member(r, 'long'))];
      return [lat !== null && long !== null && Number(lat) === 0 && Number(long) === 0 && lat.trim() !== '' ? 'lat/long are 0/0' : null];
    }),
  },
  /**
   * lat and long are not exchanged (Helsinki, digest §13.4): lat beyond ±90 with a long
   * that would be a valid latitude; a lone point whose mirror image lands among the
   * others; a datetime offset that fits lat / 15 instead of long / 15 (support/swapped.ts).
   */
  {
    id: 'requests-coordinates-swapped',
    title: 'lat and long are not swapped',
    specRef: `${REF}; digest §13.4`,
    severity: 'warning',
    fix: 'Put the latitude in lat and the longitude in long.',
    run: docRule({
      sources: requestsSources,
      what: 'requests list',
      rule: (items) => {
        const suspicions = swapSuspicions(items.map(locatedOf));
        return items.flatMap((r, i) => {
          const why = suspicions[i];
          return why === null || why === undefined ? [] : [`request ${describe(r, 'service_request_id', i)}: ${why}`];
        });
      },
      passMessage: (docs) => `no swapped lat/long among ${docs.reduce((n, d) => n + d.load.items.length, 0)} request(s)`,
    }),
  },
];
