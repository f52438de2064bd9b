/**
 * `/discover?place=`: a place typed by name, looked up among the registry's
 * boundaries (cities, counties, states, countries): the best match gives the
 * spot, a point inside its boundary; a few others of the name are offered.
 * A street address needs a geocoder, which this page does not call.
 */
import { interiorPoint } from '@o311/discovery';
import type { BoundarySummary, Store } from '@o311/store';
import type { SpotPoint } from './spot-query.js';

export const PLACE_FIELD = 'discover-place';
export const MAX_PLACE_LENGTH = 100;
const OTHERS = 4;

export interface PlaceChoice {
  boundary: BoundarySummary;
  point: SpotPoint;
}

export type PlaceAnswer =
  | { kind: 'found'; place: PlaceChoice; others: PlaceChoice[] }
  | { kind: 'none'; typed: string };

/** The typed name, trimmed and bounded; '' when absent. */
export const placeText = (raw: string): string => raw.trim().slice(0, MAX_PLACE_LENGTH);

async function choice(store: Store, boundary: BoundarySummary): Promise<PlaceChoice | undefined> {
  const full = await store.getBoundary(boundary.id);
  if (!full) return undefined;
  const [long, lat] = interiorPoint(full.geometry);
  return { boundary, point: { lat, long } };
}

export async function findPlace(store: Store, typed: string): Promise<PlaceAnswer> {
  const found = await store.findBoundaries(typed, OTHERS + 1);
  const choices = (await Promise.all(found.map((b) => choice(store, b)))).filter((c): c is PlaceChoice => c !== undefined);
  const [place, ...others] = choices;
  return place ? { kind: 'found', place, others } : { kind: 'none', typed };
}
