/** Leaflet, when its script loaded (it is optional: every page works without the map). */
declare const L: typeof import('leaflet');

export type Leaflet = typeof import('leaflet');

export const leaflet = (): Leaflet | undefined => (typeof L === 'undefined' ? undefined : L);

export interface TileSettings {
  tileUrl: string;
  attribution: string;
}

export function baseMap(lf: Leaflet, element: HTMLElement, tiles: TileSettings, view: { lat: number; long: number; zoom: number }): import('leaflet').Map {
  const map = lf.map(element, { scrollWheelZoom: false }).setView([view.lat, view.long], view.zoom);
  lf.tileLayer(tiles.tileUrl, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
  return map;
}
