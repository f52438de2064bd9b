/** Content-Type parsing and the media types each format is expected to carry. */
import type { Format } from '@o311/georeport';

export interface MediaType {
  /** Lower-cased `type/subtype`. */
  essence: string;
  /** Lower-cased charset parameter, or null. */
  charset: string | null;
}

export function parseMediaType(header: string | undefined): MediaType | null {
  if (header === undefined || header.trim() === '') return null;
  const [essence = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p);
    if (m?.[1] !== undefined) charset = m[1].toLowerCase();
  }
  return { essence: essence.trim().toLowerCase(), charset };
}

/** The spec's media type per format, and what is accepted with a warning. */
export const EXPECTED_TYPE: Readonly<Record<Format, string>> = { xml: 'text/xml', json: 'application/json' };
export const TOLERATED_TYPES: Readonly<Record<Format, readonly string[]>> = {
  xml: ['text/xml', 'application/xml'],
  json: ['application/json'],
};

/** The format a GeoReport URL asks for by its extension (`services.json?x=1` → json). */
export function formatOfUrl(url: string): Format | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\.(xml|json)$/i.exec(path);
  return m?.[1] === undefined ? null : (m[1].toLowerCase() as Format);
}
