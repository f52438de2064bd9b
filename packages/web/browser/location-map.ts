/** The report map: click or tap to place the marker, drag it to adjust. */
import { baseMap, leaflet } from './map-tiles.js';
import type { ReportConfig } from './report-config.js';

export interface LocationMap {
  /** Moves the marker (and the view, when `pan`). */
  setPoint(lat: number, long: number, pan: boolean): void;
}

const POINT_ZOOM = 17;

/** What the map needs of a page's settings (the report page's, or the place page's). */
export type LocationMapConfig = Pick<ReportConfig, 'map'> & { messages: Pick<ReportConfig['messages'], 'location.marker'> };

export function createLocationMap(
  element: HTMLElement,
  config: LocationMapConfig,
  onPick: (lat: number, long: number) => void,
): LocationMap | undefined {
  const lf = leaflet();
  if (!lf) return undefined;
  const map = baseMap(lf, element, config.map, config.map.center);
  const label = config.messages['location.marker'];
  let marker: import('leaflet').Marker | undefined;

  const place = (lat: number, long: number): void => {
    if (marker) {
      marker.setLatLng([lat, long]);
      return;
    }
    marker = lf.marker([lat, long], { draggable: true, title: label, alt: label, keyboard: true }).addTo(map);
    marker.on('dragend', () => {
      const p = marker?.getLatLng();
      if (p) onPick(p.lat, p.lng);
    });
  };

  map.on('click', (e: import('leaflet').LeafletMouseEvent) => {
    place(e.latlng.lat, e.latlng.lng);
    onPick(e.latlng.lat, e.latlng.lng);
  });

  return {
    setPoint(lat, long, pan) {
      place(lat, long);
      if (pan) map.setView([lat, long], Math.max(map.getZoom(), POINT_ZOOM));
    },
  };
}
