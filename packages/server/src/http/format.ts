/**
 * The format extension of GeoReport resources (`services.xml`, `requests/12.json`).
 * Routes take the whole last path segment and split it here, at the LAST dot, so a
 * service code with dots (`trash.bulk.json`) still works and an unknown extension
 * is an Open311 404 rather than a routing miss.
 */
import { isFormat, unknownFormat, type Format } from '@o311/georeport';

export interface Resource {
  /** The part before the last dot: a service code, request id or token. */
  name: string;
  format: Format;
}

/** Throws `unknownFormat` (404) when the extension is missing or not xml/json. */
export function splitResource(file: string): Resource {
  const dot = file.lastIndexOf('.');
  if (dot < 0) throw unknownFormat('');
  return { name: file.slice(0, dot), format: parseFormat(file.slice(dot + 1)) };
}

/** The extension alone, as a route parameter (`services.:format`). */
export function parseFormat(extension: string): Format {
  const lower = extension.toLowerCase();
  if (!isFormat(lower)) throw unknownFormat(extension);
  return lower;
}

/**
 * Format for an error answer to any URL under /open311: the extension of the last
 * path segment when it is one we speak, else XML (the format the spec requires).
 */
export function errorFormatForUrl(url: string): Format {
  const path = pathOf(url);
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  if (dot >= 0) {
    const ext = last.slice(dot + 1).toLowerCase();
    if (isFormat(ext)) return ext;
  }
  return 'xml';
}

export const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

const underPrefix = (url: string, prefix: string): boolean =>
  url.startsWith(prefix) && (url.length === prefix.length || url[prefix.length] === '/' || url[prefix.length] === '?');

/** The GeoReport API: this server's own (/open311) and the federated endpoint (/federated/open311). */
export const isGeoreportUrl = (url: string): boolean => underPrefix(url, '/open311') || underPrefix(url, '/federated/open311');
