/**
 * The partial-answer scheme of the federated endpoint, one for the service
 * list and the request search: an answer built without some upstream that
 * should have contributed names each such upstream in the
 * `X-Open311-Missing-Endpoints` header (`slug;reason="…"`, comma-separated,
 * reasons quoted as RFC 8941 strings). The body stays a plain GeoReport v2
 * list, which a v2 client must be able to read, so the header is the
 * signal every client gets: no header, complete answer (clients that opt in
 * also get a field in the body: missing-endpoints-field.ts).
 */

export const MISSING_ENDPOINTS_HEADER = 'x-open311-missing-endpoints';

/** An upstream that should have contributed to an answer and did not. */
export interface MissingEndpoint {
  slug: string;
  /** Why, in a few words (a timeout, the upstream's HTTP status, …). */
  reason: string;
}

/** Reasons are cut to this many characters: a header line stays small. */
const MAX_REASON = 200;

/** A structured-field string: printable ASCII, `"` and `\` escaped. */
const quoted = (text: string): string =>
  `"${text.slice(0, MAX_REASON).replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** The header's value, or undefined when nothing is missing. */
export function missingEndpointsHeader(missing: readonly MissingEndpoint[]): string | undefined {
  if (missing.length === 0) return undefined;
  return missing.map((m) => `${m.slug};reason=${quoted(m.reason)}`).join(', ');
}

/** The slugs a header names, in order (clients, tests); commas inside quoted reasons are skipped. */
export function parseMissingEndpoints(header: string | null | undefined): string[] {
  const slugs: string[] = [];
  let member = '';
  let inQuotes = false;
  const text = header ?? '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '\\') i++;
      else if (c === '"') inQuotes = false;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      slugs.push(member);
      member = '';
    } else member += c;
  }
  slugs.push(member);
  return slugs.map((m) => m.split(';')[0]!.trim()).filter((slug) => slug !== '');
}
