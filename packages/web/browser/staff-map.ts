/**
 * Staff maps (inbox, request page): every `[data-markers]` container gets a
 * Leaflet map with the markers of its data block, fitted to them. Marker
 * popups link to the request. Without JavaScript (or Leaflet) the container
 * stays hidden (CSS) and the page's table carries the same data.
 */
import { baseMap, leaflet, type TileSettings } from './map-tiles.js';
import { readDataBlock } from './staff-data.js';

/** Written by src/staff/inbox/map-block.ts (keep the two in step). */
interface MapData extends TileSettings {
  markers: { lat: number; long: number; title: string; href?: string }[];
}

const ZOOM = 16;

function popup(m: MapData['markers'][number]): HTMLElement {
  const box = document.createElement('div');
  if (m.href) {
    const a = document.createElement('a');
    a.href = m.href;
    a.textContent = m.title;
    box.append(a);
  } else box.textContent = m.title;
  return box;
}

function showMap(container: HTMLElement): void {
  const lf = leaflet();
  const data = readDataBlock<MapData>(container.dataset.markers);
  const first = data?.markers[0];
  if (!lf || !data || !first) return;
  container.classList.add('inbox-map-ready');
  const map = baseMap(lf, container, data, { lat: first.lat, long: first.long, zoom: ZOOM });
  const points = data.markers.map((m) => {
    lf.marker([m.lat, m.long], { title: m.title, alt: m.title }).bindPopup(popup(m)).addTo(map);
    return lf.latLng(m.lat, m.long);
  });
  if (points.length > 1) map.fitBounds(lf.latLngBounds(points), { padding: [24, 24], maxZoom: ZOOM });
}

document.querySelectorAll<HTMLElement>('[data-markers]').forEach(showMap);
