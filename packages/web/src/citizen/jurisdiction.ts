/** Which jurisdiction the public pages serve: the configured one, else the server's primary one. */
import { servedJurisdiction } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';

export class NoJurisdictionError extends Error {
  constructor(id: string | undefined) {
    super(id === undefined ? 'The database serves no jurisdiction yet.' : `Jurisdiction '${id}' does not exist.`);
    this.name = 'NoJurisdictionError';
  }
}

export async function webJurisdiction(web: WebContext): Promise<Jurisdiction> {
  const wanted = web.options.jurisdictionId;
  const found = await servedJurisdiction(web.services.store, wanted);
  if (!found) throw new NoJurisdictionError(wanted);
  return found;
}
