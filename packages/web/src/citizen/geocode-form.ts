/**
 * The address search of the report form without JavaScript. The form posts
 * with `geocode=find` ("Find this address"), `geocode=use` ("Use this place",
 * with the chosen `geocode_pick`), or a plain send. A chosen place fills the
 * point; `find` and `use` bring the form back (with the places found, or with
 * the point and the requests near it). A plain send of an address without a
 * point comes back once with the places found to confirm, unless nothing
 * matches, the reporter chose "address only", photos came with it (a form
 * that comes back cannot keep them), or the form has other errors to show
 * first: then it goes on as sent (address only, or back with its errors).
 */
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import { valueOf, type FormFields } from './form-state.js';
import { searchAddress } from './geocode-search.js';
import { ADDRESS_ONLY, type GeocodeView } from './geocode-view.js';
import { coordinate } from './value-checks.js';

export type Located =
  /** Send the report. */
  | { kind: 'send' }
  /** Show the form again, with what was found when there was a search. */
  | { kind: 'show'; view: GeocodeView | undefined };

/** The chosen place as lat and long, when the choice is one. */
function pickedPoint(pick: string): { lat: string; long: string } | undefined {
  const [la, lo, ...rest] = pick.split(',');
  if (rest.length > 0 || la === undefined || lo === undefined) return undefined;
  const lat = coordinate(la.trim(), 90);
  const long = coordinate(lo.trim(), 180);
  return lat === undefined || long === undefined ? undefined : { lat: String(lat), long: String(long) };
}

async function search(web: WebContext, j: Jurisdiction, query: string, locale: string): Promise<GeocodeView> {
  const answer = await searchAddress(web, j, query, locale);
  if (answer.kind === 'found') return { query, candidates: answer.candidates.length > 0 ? answer.candidates : 'none' };
  return { query, candidates: answer.kind === 'failed' ? 'failed' : 'none' };
}

/** What to do with a posted report form; the chosen point is written into `fields`, the search's own fields removed. */
export async function locateTyped(
  web: WebContext, j: Jurisdiction, fields: FormFields, o: { withPhotos: boolean; otherwiseValid: () => boolean; locale: string },
): Promise<Located> {
  const action = valueOf(fields, 'geocode');
  const pick = valueOf(fields, 'geocode_pick');
  fields.delete('geocode');
  fields.delete('geocode_pick');
  const address = valueOf(fields, 'address_string').trim();
  if (action === 'find') return { kind: 'show', view: address === '' ? undefined : await search(web, j, address, o.locale) };
  const typedPoint = valueOf(fields, 'lat').trim() !== '' || valueOf(fields, 'long').trim() !== '';
  // A choice sets the point when used, or when none was typed (a point typed after the search stays).
  const point = pickedPoint(pick);
  if (point && (action === 'use' || !typedPoint)) {
    fields.set('lat', [point.lat]);
    fields.set('long', [point.long]);
  }
  if (action === 'use') return { kind: 'show', view: undefined };
  const hasPoint = typedPoint || point !== undefined;
  if (hasPoint || address === '' || pick === ADDRESS_ONLY || o.withPhotos || !o.otherwiseValid()) return { kind: 'send' };
  const view = await search(web, j, address, o.locale);
  return Array.isArray(view.candidates) ? { kind: 'show', view } : { kind: 'send' };
}
