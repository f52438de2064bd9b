import { DEFAULT_TILE_URL, type WebContext } from '../context.js';

/** The origin of the map tiles (`{s}` subdomains as a wildcard), for the page's Content-Security-Policy. */
export function tileOrigins(web: WebContext): string[] {
  const template = web.options.tileUrl ?? DEFAULT_TILE_URL;
  try {
    return [new URL(template.replace(/\{s\}/g, '*').replace(/\{[^}]*\}/g, '0')).origin];
  } catch {
    return [];
  }
}
