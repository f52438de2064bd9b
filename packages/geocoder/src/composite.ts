/**
 * Gazetteer first, then an external service: the city's own addresses win;
 * the external one is asked only when the gazetteer has no address-level
 * answer, and its failure leaves the gazetteer's answer standing (told to
 * `onError`, e.g. a log line), so a reporter is never refused because a
 * third-party service is down or slow.
 */
import { GeocoderError } from './errors.js';
import { checkQuery, rank, type GeocodeCandidate, type GeocodeQuery, type Geocoder } from './geocoder.js';

/** A gazetteer candidate at least this good makes the external service unneeded (an address or an interpolated one). */
const GOOD_ENOUGH = 0.7;

export class CompositeGeocoder implements Geocoder {
  readonly #first: Geocoder;
  readonly #then: Geocoder | undefined;
  readonly #onError: (e: unknown) => void;

  constructor(first: Geocoder, then?: Geocoder, onError: (e: unknown) => void = () => undefined) {
    this.#first = first;
    this.#then = then;
    this.#onError = onError;
  }

  async search(q: GeocodeQuery): Promise<GeocodeCandidate[]> {
    const { limit } = checkQuery(q);
    const own = await this.#first.search(q);
    if (this.#then === undefined || own.some((c) => c.score >= GOOD_ENOUGH)) return own;
    let other: GeocodeCandidate[] = [];
    try {
      other = await this.#then.search(q);
    } catch (e) {
      if (e instanceof GeocoderError && e.kind === 'bad-query') throw e;
      this.#onError(e);
    }
    // An external answer never outranks an address of the city's own (it may outrank a bare street).
    return rank([...own, ...other.map((c) => ({ ...c, score: Math.min(c.score, GOOD_ENOUGH - 0.01) }))], limit);
  }
}
