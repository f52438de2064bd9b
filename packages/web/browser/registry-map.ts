/** The registry admin's boundary preview: the endpoint's boundary (a GeoJSON Feature in `data-geojson`) on the map, fitted. */
import { baseMap, leaflet } from './map-tiles.js';

function start(): void {
  const el = document.getElementById('registry-map');
  const lf = leaflet();
  if (!el || !lf) return;
  let feature: GeoJSON.Feature;
  try {
    feature = JSON.parse(el.dataset.geojson ?? '') as GeoJSON.Feature;
  } catch {
    return;
  }
  el.hidden = false;
  const map = baseMap(lf, el, { tileUrl: el.dataset.tileUrl ?? '', attribution: el.dataset.attribution ?? '' }, { lat: 0, long: 0, zoom: 2 });
  const layer = lf.geoJSON(feature, { style: { weight: 2, fillOpacity: 0.1 } }).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [12, 12] });
}

start();
