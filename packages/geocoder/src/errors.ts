/** The geocoder's one failure, with a kind a caller can act on (refuse the query, or fall back to the gazetteer). */

const GEOCODER_ERROR_KINDS = [
  /** The query itself is unusable (empty, too long, control characters, bad limit). */
  'bad-query',
  /** The external service did not answer in time. */
  'timeout',
  /** It could not be reached. */
  'connection',
  /** It answered, but not 200 with a JSON array of places. */
  'bad-response',
  /** Its address is one the caller does not allow (loopback, private, link-local). */
  'refused-address',
  /** Asking now would exceed the service's rate (about one request a second). */
  'rate-limited',
] as const;
export type GeocoderErrorKind = (typeof GEOCODER_ERROR_KINDS)[number];

export class GeocoderError extends Error {
  override readonly name = 'GeocoderError';
  readonly kind: GeocoderErrorKind;

  constructor(kind: GeocoderErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}
