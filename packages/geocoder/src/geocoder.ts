/**
 * The geocoder interface: a typed address or place → ranked candidate points.
 * Implementations: the jurisdiction's gazetteer (gazetteer-geocoder.ts), a
 * Nominatim-compatible service (nominatim.ts), and both in turn (composite.ts).
 */
import { GeocoderError } from './errors.js';

/** Characters of a query; longer ones are refused, not cut (a cut address finds the wrong place). */
export const MAX_QUERY_LENGTH = 200;
/** The most candidates one search returns. */
export const MAX_CANDIDATES = 10;
export const DEFAULT_CANDIDATES = 5;

export const CANDIDATE_KINDS = [
  /** An address point of the gazetteer, or a house an external service knows. */
  'address',
  /** A house number between two known ones on the street, placed in proportion. */
  'interpolated',
  /** The street itself (no number given, or none near it known). */
  'street',
  /** Anything else an external service found (a park, a building, a district). */
  'place',
] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export interface GeocodeCandidate {
  /** What the reporter sees, e.g. "200 Main St". */
  label: string;
  lat: number;
  long: number;
  kind: CandidateKind;
  /** 0..1, higher is better; candidates come sorted by it. */
  score: number;
  source: 'gazetteer' | 'external';
}

/** West, south, east, north in degrees. */
export interface Viewbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface GeocodeQuery {
  text: string;
  /** Whose gazetteer is searched. */
  jurisdiction_id: string;
  /** 1..MAX_CANDIDATES (default DEFAULT_CANDIDATES). */
  limit?: number;
  /** A BCP 47 tag for an external service's labels. */
  language?: string;
  /** Where results must lie (an external service is asked to keep to it). */
  viewbox?: Viewbox;
}

export interface Geocoder {
  /** Candidates, best first; [] when nothing matches. Throws GeocoderError for a bad query or a failed service. */
  search(q: GeocodeQuery): Promise<GeocodeCandidate[]>;
}

/** The query's text trimmed, and its limit; a GeocoderError('bad-query') when either is unusable. */
export function checkQuery(q: GeocodeQuery): { text: string; limit: number } {
  const text = q.text.trim().replace(/\s+/g, ' ');
  if (text === '') throw new GeocoderError('bad-query', 'the address is empty');
  if (text.length > MAX_QUERY_LENGTH) throw new GeocoderError('bad-query', `the address is longer than ${MAX_QUERY_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new GeocoderError('bad-query', 'the address holds control characters');
  const limit = q.limit ?? DEFAULT_CANDIDATES;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CANDIDATES) throw new GeocoderError('bad-query', `limit must be 1 to ${MAX_CANDIDATES}`);
  return { text, limit };
}

/** Best first; of two at one point with one label, the better only. */
export function rank(candidates: readonly GeocodeCandidate[], limit: number): GeocodeCandidate[] {
  const seen = new Set<string>();
  return [...candidates]
    .sort((a, b) => b.score - a.score)
    .filter((c) => {
      const key = `${c.label}|${c.lat.toFixed(6)}|${c.long.toFixed(6)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}
