/**
 * What the tolerant readers report. Every normalisation of a real server's quirk
 * (a numeric id, "true" as a string, a date without a timezone…) yields one warning:
 * the client never corrects anything silently.
 */

export interface ReadWarning {
  /** Stable, kebab-case identifier of the quirk, e.g. `date-without-timezone`; see {@link WARNING_CODES}. */
  code: WarningCode;
  /** Where in the document, e.g. `service_requests.request[3].lat`. */
  path: string;
  /** One plain-English sentence, including the original value where useful. */
  message: string;
}

/** The value read from a body, and what had to be normalised to get it. */
export interface Read<T> {
  value: T;
  warnings: ReadWarning[];
}

export const WARNING_CODES = [
  'wrapped-json',          // {"services":[…]} instead of a top-level array
  'bare-object',           // a single object where a list was expected
  'unexpected-root',       // XML root other than the spec's (e.g. <requests> for <service_requests>)
  'foreign-markup',        // namespaces, xsi:nil, is_array and other attributes ignored
  'unknown-field',         // a field outside the spec (Boston's `definitions`), ignored
  'number-as-string',      // "41.8" where a number is expected
  'string-as-number',      // 1129806 where a string id is expected
  'boolean-as-string',     // "true" where a boolean is expected
  'case-normalised',       // Open → open, REALTIME → realtime
  'unknown-status',        // a status outside open|closed, kept (lower-cased)
  'unknown-value',         // an enum value outside the spec (datatype, type), replaced by a default
  'date-without-timezone', // interpreted in the endpoint's timezone
  'date-reformatted',      // space for T, fractions, Z, missing seconds: rewritten as YYYY-MM-DDThh:mm:ss±hh:mm
  'invalid-date',          // unreadable: null
  'empty-value',           // <x/>, "" or null where a value is expected: null
  'missing-field',         // a required field absent: null or a default
  'invalid-value',         // a value that cannot be read as its type: null or a default
  'zero-coordinates',      // 0 / 0.0 used for "unknown": null
  'zero-zipcode',          // zipcode 0 used for "unknown" (San Francisco): null
  'coordinates-swapped',   // lat and long exchanged: swapped back
  'old-definition-form',   // <attribute> straight under <service_definition>
  'padded-value',          // surrounding whitespace trimmed
  'results-capped',        // a date window still held the server's maximum: some requests may be missing
  'non-standard-error',    // a bare <error>, `message` for `description`, HTML error page
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
