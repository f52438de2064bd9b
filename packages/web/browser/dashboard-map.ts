/**
 * The dashboard's map: the areas shaded by their counts (five classes, with
 * a legend in words) and the newest requests as points, grouped by a grid of
 * 48 px cells at each zoom (a few thousand points at most, so regrouping on
 * every zoom is cheap). Without tiles it still draws areas and points.
 */
import type { Map as LeafletMap, LayerGroup, GeoJSON as GeoJsonLayer } from 'leaflet';
import { baseMap, type Leaflet } from './map-tiles.js';
import type { Words } from './dashboard-texts.js';

/** [longitude, latitude, 1 when open else 0] */
export type Point = [number, number, number];

const CELL_PX = 48;
const CLASSES = 5;

export interface DashboardMap {
  setCounts(counts: ReadonlyMap<string, number>): void;
  setPoints(points: readonly Point[]): void;
}

/** The class (0..4) of a count among counts up to `max`; 0 only for none. */
const classOf = (count: number, max: number): number => (count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((count / max) * (CLASSES - 1))));

function legend(el: HTMLElement, max: number, w: Words): void {
  el.replaceChildren();
  const title = document.createElement('p');
  title.textContent = w.text('dashboard.legend');
  const list = document.createElement('ul');
  for (let c = 0; c < CLASSES; c++) {
    const lo = c === 0 ? 0 : Math.floor(((c - 1) / (CLASSES - 1)) * max) + 1;
    const hi = c === 0 ? 0 : Math.floor((c / (CLASSES - 1)) * max);
    if (c > 0 && hi < lo) continue;
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `dashboard-swatch dashboard-class-${c}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, c === 0 ? w.number(0) : lo === hi ? w.number(lo) : `${w.number(lo)}–${w.number(hi)}`);
    list.append(item);
  }
  el.append(title, list);
  el.hidden = false;
}

export function dashboardMap(lf: Leaflet, el: HTMLElement, legendEl: HTMLElement, areas: GeoJSON.FeatureCollection, w: Words): DashboardMap {
  el.hidden = false;
  const map: LeafletMap = baseMap(lf, el, { tileUrl: el.dataset.tileUrl ?? '', attribution: el.dataset.attribution ?? '' }, { lat: 0, long: 0, zoom: 2 });
  let counts: ReadonlyMap<string, number> = new Map(areas.features.map((f) => [String(f.properties?.id ?? ''), Number(f.properties?.count ?? 0)]));
  let max = Math.max(0, ...counts.values());
  const areaLayer: GeoJsonLayer = lf.geoJSON(areas, {
    style: (f) => ({ className: `dashboard-area dashboard-class-${classOf(counts.get(String(f?.properties?.id ?? '')) ?? 0, max)}`, weight: 1, fillOpacity: 0.6 }),
  }).addTo(map);
  const pointLayer: LayerGroup = lf.layerGroup().addTo(map);
  let points: readonly Point[] = [];

  const fit = (): void => {
    const bounds = areaLayer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
    else if (points.length > 0) map.fitBounds(lf.latLngBounds(points.map((p) => [p[1], p[0]])), { padding: [8, 8] });
  };

  const drawPoints = (): void => {
    pointLayer.clearLayers();
    const zoom = map.getZoom();
    const cells = new Map<string, { lat: number; long: number; n: number }>();
    for (const [long, lat] of points) {
      const px = map.project([lat, long], zoom);
      const key = `${Math.floor(px.x / CELL_PX)}:${Math.floor(px.y / CELL_PX)}`;
      const cell = cells.get(key);
      if (cell) {
        cell.lat += lat;
        cell.long += long;
        cell.n += 1;
      } else cells.set(key, { lat, long, n: 1 });
    }
    for (const c of cells.values()) {
      const at: [number, number] = [c.lat / c.n, c.long / c.n];
      if (c.n === 1) {
        lf.circleMarker(at, { radius: 5, weight: 1, className: 'dashboard-point' }).addTo(pointLayer);
      } else {
        const label = w.plural('dashboard.cluster', c.n);
        const size = c.n < 10 ? 28 : c.n < 100 ? 34 : 42;
        lf.marker(at, {
          icon: lf.divIcon({ className: 'dashboard-cluster', html: `<span>${w.number(c.n)}</span>`, iconSize: [size, size] }),
          title: label,
          alt: label,
          keyboard: false,
        }).addTo(pointLayer);
      }
    }
  };

  map.on('zoomend', drawPoints);
  legend(legendEl, max, w);
  fit();

  return {
    setCounts(next) {
      counts = next;
      max = Math.max(0, ...counts.values());
      areaLayer.eachLayer((layer) => {
        const id = String((layer as unknown as { feature?: GeoJSON.Feature }).feature?.properties?.id ?? '');
        const path = (layer as unknown as { getElement?: () => Element | undefined }).getElement?.();
        if (path) path.setAttribute('class', `leaflet-interactive dashboard-area dashboard-class-${classOf(counts.get(id) ?? 0, max)}`);
      });
      legend(legendEl, max, w);
    },
    setPoints(next) {
      const first = points.length === 0;
      points = next;
      if (first && !areaLayer.getBounds().isValid()) fit();
      drawPoints();
    },
  };
}
