/** The jurisdiction the staff pages work on: the configured one, else the first in the database. */
import { notFound } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../../context.js';

export async function webJurisdiction(web: WebContext): Promise<Jurisdiction> {
  const { store } = web.services;
  const id = web.options.jurisdictionId;
  const found = id !== undefined ? await store.getJurisdiction(id) : (await store.listJurisdictions())[0];
  if (!found) throw notFound('This site serves no jurisdiction yet.');
  return found;
}
