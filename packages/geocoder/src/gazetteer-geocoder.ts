/**
 * The gazetteer matcher: a jurisdiction's own address points and streets
 * (store.gazetteer) searched with the normalized parts of the query. A typed
 * number missing from the gazetteer is placed between its neighbours on the
 * street (interpolated) when they are close enough, else the street stands in.
 */
import type { GazetteerAddress, GazetteerStore, GazetteerStreet, NumberNeighbours } from '@o311/store';
import { checkQuery, rank, type GeocodeCandidate, type GeocodeQuery, type Geocoder } from './geocoder.js';
import { parseAddress } from './normalize.js';

/** The store's search methods this matcher needs. */
export type GazetteerSearch = Pick<GazetteerStore, 'findAddresses' | 'numberNeighbours' | 'findStreets'>;

/** Streets examined per query (the shortest keys first: the closest to what was typed). */
const STREETS_TRIED = 5;
/** Two neighbours further apart than this many numbers are no base for a guess. */
const MAX_INTERPOLATION_GAP = 200;
/** One neighbour only (the end of a street) stands in this close at most. */
const MAX_ONE_SIDED_GAP = 10;
/** Nor two points further apart than this (not one stretch of street). */
const MAX_INTERPOLATION_SPAN_M = 1000;

export const SCORES = { address: 1, interpolated: 0.8, oneSided: 0.7, street: 0.6 } as const;
/** A street found by prefix ("main" for "main street") ranks below an exact one. */
const PREFIX_FACTOR = 0.9;

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

function addressLabel(a: GazetteerAddress): string {
  const extra = [a.unit !== null ? `#${a.unit}` : '', a.postcode ?? ''].filter((x) => x !== '').join(' ');
  return `${a.number_text} ${a.street}${extra === '' ? '' : `, ${extra}`}`;
}

type Guess = Pick<GeocodeCandidate, 'lat' | 'long' | 'kind' | 'score'> & { street: string };

/** Metres between two points (equirectangular: exact enough within a city). */
function metres(a: GazetteerAddress, b: GazetteerAddress): number {
  const y = (a.lat - b.lat) * 111_320;
  const x = (a.long - b.long) * 111_320 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot(x, y);
}

/**
 * Points for a number between known ones: each point below paired with the
 * nearest point above (a street numbered both ways from a centre has a pair
 * on each side), placed in proportion; else a point a few numbers away.
 */
function between(number: number, n: NumberNeighbours): Guess[] {
  const out: Guess[] = [];
  for (const below of n.below) {
    const above = [...n.above].sort((a, b) => metres(below, a) - metres(below, b))[0];
    if (!above || above.number - below.number > MAX_INTERPOLATION_GAP || metres(below, above) > MAX_INTERPOLATION_SPAN_M) continue;
    const f = (number - below.number) / (above.number - below.number);
    out.push({
      lat: round6(below.lat + (above.lat - below.lat) * f), long: round6(below.long + (above.long - below.long) * f),
      kind: 'interpolated', score: SCORES.interpolated, street: below.street,
    });
  }
  if (out.length > 0) return out;
  return [...n.below, ...n.above]
    .filter((a) => Math.abs(a.number - number) <= MAX_ONE_SIDED_GAP)
    .map((a) => ({ lat: a.lat, long: a.long, kind: 'interpolated', score: SCORES.oneSided, street: a.street }));
}

export class GazetteerGeocoder implements Geocoder {
  readonly #store: GazetteerSearch;

  constructor(store: GazetteerSearch) {
    this.#store = store;
  }

  async search(q: GeocodeQuery): Promise<GeocodeCandidate[]> {
    const { text, limit } = checkQuery(q);
    const parsed = parseAddress(text);
    if (parsed.streetKey === '') return [];
    const j = q.jurisdiction_id;
    const streets = await this.#store.findStreets({ jurisdiction_id: j, prefix: parsed.streetKey, limit: STREETS_TRIED });
    const factor = (s: GazetteerStreet): number => (s.street_key === parsed.streetKey ? 1 : PREFIX_FACTOR);
    const streetCandidate = (s: GazetteerStreet): GeocodeCandidate => ({
      label: s.name, lat: s.lat, long: s.long, kind: 'street', score: SCORES.street * factor(s), source: 'gazetteer',
    });
    if (parsed.number === undefined) return rank(streets.map(streetCandidate), limit);

    const number = parsed.number;
    const numberText = parsed.numberText ?? String(number);
    const found = await this.#store.findAddresses({ jurisdiction_id: j, street_keys: streets.map((s) => s.street_key), number, limit: limit * 2 });
    const out: GeocodeCandidate[] = [];
    for (const s of streets) {
      const here = found.filter((a) => a.street_key === s.street_key);
      if (here.length > 0) {
        for (const a of here) out.push({ label: addressLabel(a), lat: a.lat, long: a.long, kind: 'address', score: SCORES.address * factor(s), source: 'gazetteer' });
        continue;
      }
      const guesses = between(number, await this.#store.numberNeighbours({ jurisdiction_id: j, street_key: s.street_key, number }));
      if (guesses.length === 0) out.push(streetCandidate(s));
      for (const g of guesses) {
        out.push({ label: `${numberText} ${g.street}`, lat: g.lat, long: g.long, kind: g.kind, score: g.score * factor(s), source: 'gazetteer' });
      }
    }
    return rank(out, limit);
  }
}
