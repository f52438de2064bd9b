/**
 * The partial-answer extension field, for clients that opt in with
 * `extensions=true` (the header alone serves everyone else). A GeoReport v2
 * list cannot carry a field of its own, so the field sits where a v2 reader
 * of that format is not disturbed:
 *
 * - XML: an attribute of the root element, `missing_endpoints="slug slug"`
 *   (empty when the answer is complete); v2 readers ignore root attributes.
 * - JSON: the list moves into an envelope object,
 *   `{"services": [...], "missing_endpoints": [{"slug": …, "reason": …}]}`
 *   (`service_requests` for the search); `[]` when complete.
 */
import type { Format } from '@o311/georeport';
import type { MissingEndpoint } from './missing-endpoints.js';

export const MISSING_ENDPOINTS_FIELD = 'missing_endpoints';

const attributeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The encoded list `body` (a whole document whose root element or top-level
 * array is named `root`) with the field added.
 */
export function withMissingEndpointsField(body: string, format: Format, root: string, missing: readonly MissingEndpoint[]): string {
  if (format === 'json') {
    const field = missing.map((m) => ({ slug: m.slug, reason: m.reason }));
    return `{${JSON.stringify(root)}:${body},${JSON.stringify(MISSING_ENDPOINTS_FIELD)}:${JSON.stringify(field)}}`;
  }
  const open = `<${root}`;
  const at = body.indexOf(open);
  const after = at + open.length;
  // The root is the first element of our own encoder's output; anything else is a programming error.
  if (at < 0 || (body[after] !== '>' && body[after] !== '/')) throw new Error(`withMissingEndpointsField: no <${root}> root element`);
  const slugs = attributeText(missing.map((m) => m.slug).join(' '));
  return `${body.slice(0, after)} ${MISSING_ENDPOINTS_FIELD}="${slugs}"${body.slice(after)}`;
}
