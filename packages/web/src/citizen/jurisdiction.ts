/** Which jurisdiction the public pages serve: the configured one, else the first in the database. */
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';

export class NoJurisdictionError extends Error {
  constructor(id: string | undefined) {
    super(id === undefined ? 'The database serves no jurisdiction yet.' : `Jurisdiction '${id}' does not exist.`);
    this.name = 'NoJurisdictionError';
  }
}

export async function webJurisdiction(web: WebContext): Promise<Jurisdiction> {
  const { store } = web.services;
  const wanted = web.options.jurisdictionId;
  const found = wanted === undefined ? (await store.listJurisdictions())[0] : await store.getJurisdiction(wanted);
  if (!found) throw new NoJurisdictionError(wanted);
  return found;
}
