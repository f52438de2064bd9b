/**
 * The jurisdiction the staff pages work on: the configured one, else the
 * server's primary one. Staff whose scope does not reach it are turned away by
 * the guard (guard.ts), so every page may use it as the scope's jurisdiction.
 */
import { notFound } from '@o311/georeport';
import { servedJurisdiction } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../../context.js';

export async function webJurisdiction(web: WebContext): Promise<Jurisdiction> {
  const found = await servedJurisdiction(web.services.store, web.options.jurisdictionId);
  if (!found) throw notFound('This site serves no jurisdiction yet.');
  return found;
}
