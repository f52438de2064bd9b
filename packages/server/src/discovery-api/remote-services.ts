/**
 * Fetching a remote endpoint's service list through the client SDK, with the
 * client's network guard: private, loopback and link-local addresses are
 * refused (also after DNS, also on redirects) unless explicitly allowed.
 */
import { createTransport, getProfile, Open311Client, type QuirkProfile } from '@o311/client';
import type { Format, Service } from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import type { ServiceListFetcher } from './service-list-cache.js';

export interface RemoteServicesOptions {
  /** Reach private and loopback addresses too (tests, an intranet registry); default false. */
  allowPrivate?: boolean;
  /** One deadline per list, redirects included; default 5 s. */
  timeoutMs?: number;
}

/** A service list is a few KiB; a larger answer is refused rather than kept in memory for an hour. */
const MAX_LIST_BYTES = 2 * 1024 * 1024;

const profileOf = (name: string | null): QuirkProfile | undefined => {
  if (name === null) return undefined;
  try {
    return getProfile(name);
  } catch {
    return undefined;
  }
};

/** JSON when the endpoint offers it (or says nothing), else XML, which the spec requires. */
const formatOf = (e: Endpoint): Format => (e.formats.length === 0 || e.formats.includes('json') ? 'json' : 'xml');

export function remoteServiceLists(o: RemoteServicesOptions = {}): ServiceListFetcher {
  const allowPrivate = o.allowPrivate ?? false;
  const timeoutMs = o.timeoutMs ?? 5000;
  const transport = createTransport({ allowPrivate, timeoutMs, maxBytes: MAX_LIST_BYTES });
  return async (e: Endpoint): Promise<Service[]> => {
    if (e.base_url === null) throw new Error('The endpoint has no GeoReport base URL.');
    const profile = profileOf(e.quirks);
    const client = new Open311Client({
      baseUrl: e.base_url,
      format: formatOf(e),
      ...(e.jurisdiction_id !== null && { jurisdictionId: e.jurisdiction_id }),
      ...(profile !== undefined && { profile }),
      allowPrivate,
      timeoutMs,
      retries: 0,
      transport,
    });
    return (await client.services()).data;
  };
}
