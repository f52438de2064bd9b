/**
 * What the page's browser module (browser/discover.ts) is told, as a JSON
 * data block (`#discover-config`); browser/discover-config.ts declares the same shape.
 */
import type { MessageKey, Translator } from '../i18n/translate.js';
import type { MapConfig } from '../citizen/map-config.js';
import type { MapView } from '../citizen/map-center.js';
import type { SpotPoint } from './spot-query.js';

export const DISCOVER_CONFIG_ID = 'discover-config';

const BROWSER_MESSAGES = ['discover.locating', 'discover.denied', 'discover.unsupported', 'discover.looking', 'discover.marker'] as const satisfies readonly MessageKey[];

export interface DiscoverConfig {
  map: MapConfig & { center: MapView };
  /** The spot of the answer shown, if any (its marker). */
  point: SpotPoint | null;
  messages: Record<(typeof BROWSER_MESSAGES)[number], string>;
}

export const discoverMessages = (t: Translator): DiscoverConfig['messages'] =>
  Object.fromEntries(BROWSER_MESSAGES.map((k) => [k, t(k)])) as DiscoverConfig['messages'];
