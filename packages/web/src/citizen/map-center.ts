/** Where maps open: the middle of the jurisdiction's recent reports (the store knows no city centre). */
import type { Jurisdiction, Store } from '@o311/store';

export interface MapView {
  lat: number;
  long: number;
  zoom: number;
}

const SAMPLE = 200;
export const CITY_ZOOM = 13;
const WORLD: MapView = { lat: 20, long: 0, zoom: 2 };

export async function mapCenter(store: Store, j: Jurisdiction): Promise<MapView> {
  const recent = await store.listRequests({ jurisdiction_id: j.id, limit: SAMPLE, offset: 0 });
  const points = recent.filter((r) => r.lat !== null && r.long !== null);
  if (points.length === 0) return WORLD;
  const sum = points.reduce((acc, r) => ({ lat: acc.lat + (r.lat ?? 0), long: acc.long + (r.long ?? 0) }), { lat: 0, long: 0 });
  return { lat: sum.lat / points.length, long: sum.long / points.length, zoom: CITY_ZOOM };
}
