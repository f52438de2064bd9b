/**
 * A jurisdiction's own address gazetteer (issue 14): address points (house
 * number + street → point) and streets (name → one representative point),
 * which the geocoder (packages/geocoder) searches before any external service.
 * Part of the {@link Store} as `store.gazetteer`.
 *
 * The store keeps the keys the geocoder computes (`street_key`: the street's
 * normalized name) and never normalizes itself: one rule, in one package.
 * Keys are compared byte-wise (binary/`C` collation), so a prefix search is a
 * range scan of the index on (jurisdiction_id, street_key, number).
 */

export const MAX_GAZETTEER_TEXT = 200;
/** The most address points one jurisdiction's gazetteer may hold. */
export const MAX_GAZETTEER_ADDRESSES = 2_000_000;
export const MAX_GAZETTEER_STREETS = 200_000;
/** The most rows one search returns. */
export const MAX_GAZETTEER_RESULTS = 50;

export interface GazetteerAddress {
  /** The street's normalized name (the geocoder's streetKey). */
  street_key: string;
  /** The street as it is written, for labels. */
  street: string;
  /** The house number's integer part (12 of "12B"), for ordering and neighbours. */
  number: number;
  /** The house number as written ("12B", "12-14"). */
  number_text: string;
  unit: string | null;
  postcode: string | null;
  lat: number;
  long: number;
}

export interface GazetteerStreet {
  street_key: string;
  name: string;
  /** A representative point (a line's midpoint, or one of its address points). */
  lat: number;
  long: number;
}

export interface GazetteerContent {
  addresses: readonly GazetteerAddress[];
  streets: readonly GazetteerStreet[];
}

export interface GazetteerCounts {
  addresses: number;
  streets: number;
}

/**
 * The address points of a street with the nearest numbers on either side of
 * one missing from it: every point of that number (a street numbered both ways
 * from a centre has two of each), at most MAX_NEIGHBOURS a side.
 */
export interface NumberNeighbours {
  below: GazetteerAddress[];
  above: GazetteerAddress[];
}

export const MAX_NEIGHBOURS = 10;

export interface GazetteerStore {
  /**
   * Replaces the jurisdiction's whole gazetteer with `content`, in one
   * transaction (inserted in batches): readers see the old one or the new one,
   * never a mix. Values are checked first (a RangeError names the first bad
   * row; nothing is written).
   */
  replace(jurisdiction_id: string, content: GazetteerContent): Promise<GazetteerCounts>;
  counts(jurisdiction_id: string): Promise<GazetteerCounts>;
  /** Address points numbered `number` (integer part) on any of the streets, at most `limit`. */
  findAddresses(q: { jurisdiction_id: string; street_keys: readonly string[]; number: number; limit: number }): Promise<GazetteerAddress[]>;
  /** The points of the closest numbers below and above `number` on one street (for interpolating a missing one). */
  numberNeighbours(q: { jurisdiction_id: string; street_key: string; number: number }): Promise<NumberNeighbours>;
  /** Streets whose key is `prefix` or starts with it, shortest key first, at most `limit`. */
  findStreets(q: { jurisdiction_id: string; prefix: string; limit: number }): Promise<GazetteerStreet[]>;
}
