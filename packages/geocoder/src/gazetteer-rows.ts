/**
 * Gazetteer content from rows as a file or a generator gives them: each
 * address point and street gets its key (normalize.ts), and every street
 * named by address points only gets a representative point, so that a typed
 * street without a number is found too. A street given several times (one
 * feature per block, say) is kept once, at its point nearest their middle.
 */
import { MAX_GAZETTEER_TEXT, type GazetteerAddress, type GazetteerContent, type GazetteerStreet } from '@o311/store';
import { streetKey } from './normalize.js';

export interface AddressInput {
  number: string;
  street: string;
  unit?: string | null;
  postcode?: string | null;
  lat: number;
  long: number;
}

export interface StreetInput {
  name: string;
  lat: number;
  long: number;
}

/** "12", "12B", "12-14", "12 bis": an integer part first. */
const NUMBER = /^(\d{1,9})\s*(?:[a-z]{1,3}|-\s*\d{1,9}|bis|ter)?$/i;

const text = (v: string | null | undefined): string | null => {
  const t = (v ?? '').trim().replace(/\s+/g, ' ');
  return t === '' ? null : t;
};

function pointProblem(lat: number, long: number): string | undefined {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return 'lat must be a number from -90 to 90';
  if (!Number.isFinite(long) || long < -180 || long > 180) return 'long must be a number from -180 to 180';
  return undefined;
}

function lengthProblem(fields: Record<string, string | null>): string | undefined {
  const long = Object.entries(fields).find(([, v]) => v !== null && v.length > MAX_GAZETTEER_TEXT);
  return long && `${long[0]} is longer than ${MAX_GAZETTEER_TEXT} characters`;
}

/** The address point, or why the row cannot be one. */
export function addressRow(a: AddressInput): GazetteerAddress | string {
  const street = text(a.street);
  const number_text = text(a.number);
  if (street === null) return 'street is missing';
  if (number_text === null) return 'house number is missing';
  const m = NUMBER.exec(number_text);
  if (!m) return `house number "${number_text.slice(0, 20)}" does not start with digits`;
  const key = streetKey(street);
  if (key === '') return `street "${street.slice(0, 40)}" has no letters or digits`;
  const unit = text(a.unit);
  const postcode = text(a.postcode);
  const problem = lengthProblem({ street, unit, postcode }) ?? pointProblem(a.lat, a.long);
  if (problem !== undefined) return problem;
  return { street_key: key, street, number: Number(m[1]), number_text, unit, postcode, lat: a.lat, long: a.long };
}

/** The street, or why the row cannot be one. */
export function streetRow(s: StreetInput): GazetteerStreet | string {
  const name = text(s.name);
  if (name === null) return 'street name is missing';
  const key = streetKey(name);
  if (key === '') return `street "${name.slice(0, 40)}" has no letters or digits`;
  const problem = lengthProblem({ name }) ?? pointProblem(s.lat, s.long);
  return problem ?? { street_key: key, name, lat: s.lat, long: s.long };
}

/** Of several points, the one nearest their mean (a real point on the street, not a point between two segments). */
function central<T extends { lat: number; long: number }>(points: readonly T[]): T {
  const lat = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const long = points.reduce((s, p) => s + p.long, 0) / points.length;
  let best = points[0] as T;
  let bestD = Infinity;
  for (const p of points) {
    const d = (p.lat - lat) ** 2 + (p.long - long) ** 2;
    if (d < bestD) [best, bestD] = [p, d];
  }
  return best;
}

/** The content to store: the streets, one per key, completed from the address points. */
export function gazetteerContent(addresses: readonly GazetteerAddress[], streets: readonly GazetteerStreet[]): GazetteerContent {
  const byKey = new Map<string, GazetteerStreet[]>();
  for (const s of streets) byKey.set(s.street_key, [...(byKey.get(s.street_key) ?? []), s]);
  const fromAddresses = new Map<string, GazetteerAddress[]>();
  for (const a of addresses) {
    if (byKey.has(a.street_key)) continue;
    const list = fromAddresses.get(a.street_key);
    if (list) list.push(a);
    else fromAddresses.set(a.street_key, [a]);
  }
  const out: GazetteerStreet[] = [...byKey.values()].map((list) => central(list));
  for (const [key, list] of fromAddresses) {
    const p = central(list);
    out.push({ street_key: key, name: p.street, lat: p.lat, long: p.long });
  }
  return { addresses, streets: out };
}
