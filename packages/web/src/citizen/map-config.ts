/** Map tiles for the browser modules, and the tile host the CSP must allow as an image source. */
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL, type WebOptions } from '../context.js';

export interface MapConfig {
  tileUrl: string;
  attribution: string;
}

export const mapConfig = (options: WebOptions): MapConfig => ({
  tileUrl: options.tileUrl ?? DEFAULT_TILE_URL,
  attribution: options.tileAttribution ?? DEFAULT_TILE_ATTRIBUTION,
});

/** `https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example`; relative URLs need nothing. */
export function tileOrigin(tileUrl: string): string | undefined {
  const m = /^(https?:\/\/)([^/]+)/i.exec(tileUrl);
  if (!m) return undefined;
  const host = (m[2] ?? '').replace(/\{s\}/g, '*').replace(/\{[^}]*\}/g, '*');
  return `${m[1]}${host}`;
}
