/**
 * Signs that a request's lat and long were exchanged (digest §13.4: Helsinki publishes
 * a Finnish point as "lat":"22.266944","long":"60.451667"). Each value of a swapped
 * pair is usually in range, so the range check alone cannot see it. Three signs, from
 * certain to circumstantial:
 *
 * 1. Out of range: |lat| > 90 while |long| ≤ 90 — read the other way round it is a
 *    valid point, read as sent it is none.
 * 2. Outlier: in a list of at least {@link MIN_POINTS} located requests, a point lies
 *    more than {@link FAR_KM} from the median of the others, and the same point swapped
 *    lies within {@link NEAR_KM} of it. Requests of one endpoint cluster in one
 *    jurisdiction, so a lone point whose mirror image lands in the cluster was swapped.
 *    (The median is taken per axis; jurisdictions straddling ±180° are not handled.)
 * 3. Solar time: a datetime's UTC offset is roughly longitude / 15 hours (the sun
 *    moves 15° an hour). A request whose offset agrees with the *swapped* longitude
 *    (its lat / 15) within {@link AGREE_H}, and misses its own longitude / 15 by at
 *    least {@link DISAGREE_H} even allowing an hour of daylight saving, is likely
 *    swapped. Helsinki (+02:00; lat 22.27 → 1.5 h agrees; long 60.45 → 4.0 h misses by
 *    2.0 h) is caught. Real places are not: Riverton, Iowa (−93.6 / 15 = −6.2 h against
 *    −05:00/−06:00), SF, Chicago, Toronto, Bloomington, Boston. The daylight-saving
 *    allowance spares Madrid in summer (+02:00 vs −3.7 / 15 = −0.25 h: 2.25 h off,
 *    but only 1.25 h from standard time +01:00). A zero offset (`Z`, +00:00) is
 *    skipped: many servers write UTC whatever their place, so it says nothing about
 *    longitude.
 */

export interface Point {
  lat: number;
  long: number;
}

/** A request's position, and the UTC offset (hours) of one of its datetimes when it names one. */
export interface Located extends Point {
  offsetHours: number | null;
}

export const MIN_POINTS = 5;
export const FAR_KM = 200;
export const NEAR_KM = 50;
export const AGREE_H = 1;
export const DISAGREE_H = 2;

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number): number => (deg * Math.PI) / 180;

const inRange = (p: Point): boolean => Math.abs(p.lat) <= 90 && Math.abs(p.long) <= 180;
const swapped = (p: Point): Point => ({ lat: p.long, long: p.lat });
/** Read the other way round, it is a valid point. */
const swappable = (p: Point): boolean => Math.abs(p.long) <= 90;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.long - a.long) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The UTC offset of a W3C datetime in hours; null for `Z`, no timezone, or not a datetime. */
export function utcOffsetHours(datetime: string): number | null {
  const m = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):(\d{2})$/.exec(datetime.trim());
  if (m === null) return null;
  const [, sign, hh, mm] = m;
  return (sign === '-' ? -1 : 1) * (Number(hh) + Number(mm) / 60);
}

/** Sign 1. */
export const outOfRangeSwap = (p: Point): boolean => Math.abs(p.lat) > 90 && swappable(p);

/** Sign 3 (see the module comment). */
export function solarTimeSwap(p: Located): boolean {
  const o = p.offsetHours;
  if (o === null || o === 0 || !inRange(p) || !swappable(p)) return false;
  const own = p.long / 15;
  const agrees = Math.abs(o - p.lat / 15) <= AGREE_H;
  const misses = Math.min(Math.abs(o - own), Math.abs(o - 1 - own)) >= DISAGREE_H;
  return agrees && misses;
}

/** The median of a sorted list with one occurrence of `value` left out. */
function medianWithout(sorted: readonly number[], value: number): number {
  const gap = sorted.indexOf(value);
  const at = (k: number): number => sorted[k < gap ? k : k + 1] ?? Number.NaN;
  const n = sorted.length - 1;
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

export interface Outlier {
  index: number;
  /** From the point as sent, and swapped, to the median of the others. */
  farKm: number;
  nearKm: number;
}

/** Sign 2: indexes into `points` (null = not located) of outliers whose swap lands near the rest. */
export function outlierSwaps(points: readonly (Point | null)[]): Outlier[] {
  const located = points.flatMap((p, index) => (p !== null && inRange(p) ? [{ p, index }] : []));
  if (located.length < MIN_POINTS) return [];
  const lats = located.map(({ p }) => p.lat).sort((a, b) => a - b);
  const longs = located.map(({ p }) => p.long).sort((a, b) => a - b);
  return located.flatMap(({ p, index }) => {
    if (!swappable(p)) return [];
    const median = { lat: medianWithout(lats, p.lat), long: medianWithout(longs, p.long) };
    const farKm = distanceKm(p, median);
    const nearKm = distanceKm(swapped(p), median);
    return farKm > FAR_KM && nearKm < NEAR_KM ? [{ index, farKm, nearKm }] : [];
  });
}

const km = (n: number): string => `${Math.round(n)} km`;

/** Why each point looks swapped (null: it does not), in the order of the signs. */
export function swapSuspicions(points: readonly (Located | null)[]): (string | null)[] {
  const outliers = new Map(outlierSwaps(points).map((o) => [o.index, o]));
  return points.map((p, i) => {
    if (p === null) return null;
    const pair = `lat ${p.lat} / long ${p.long}`;
    if (outOfRangeSwap(p)) return `${pair}: lat is beyond ±90 while long would be a valid latitude (swapped)`;
    const o = outliers.get(i);
    if (o !== undefined) return `${pair} lies ${km(o.farKm)} from the other requests' median; swapped it lies ${km(o.nearKm)} from it (likely swapped)`;
    if (solarTimeSwap(p)) {
      return `${pair} with UTC offset ${p.offsetHours ?? '?'} h: the offset fits lat / 15 = ${(p.lat / 15).toFixed(1)} h, not long / 15 = ${(p.long / 15).toFixed(1)} h (likely swapped)`;
    }
    return null;
  });
}
