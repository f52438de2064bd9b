/** The discover page's settings, read from its `#discover-config` data block (written by src/discover/discover-config.ts: keep in step). */

export type DiscoverMessage = 'discover.locating' | 'discover.denied' | 'discover.unsupported' | 'discover.looking' | 'discover.marker';

export interface DiscoverConfig {
  map: { tileUrl: string; attribution: string; center: { lat: number; long: number; zoom: number } };
  point: { lat: number; long: number } | null;
  messages: Record<DiscoverMessage, string>;
}

export function readDiscoverConfig(): DiscoverConfig | undefined {
  const text = document.getElementById('discover-config')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as DiscoverConfig;
  } catch {
    return undefined;
  }
}
