/**
 * Fetching a remote endpoint's service list through the client SDK (the
 * endpoint's client: @o311/router's endpointClient), with the client's
 * network guard: private, loopback and link-local addresses are refused
 * (also after DNS, also on redirects) unless explicitly allowed. A `locale`
 * is sent as the parameter of that name.
 */
import { createTransport } from '@o311/client';
import type { Service } from '@o311/georeport';
import { endpointClient, readLocalised } from '@o311/router';
import type { ServiceListFetcher } from './service-list-cache.js';

export interface RemoteServicesOptions {
  /** Reach private and loopback addresses too (tests, an intranet registry); default false. */
  allowPrivate?: boolean;
  /** One deadline per list, redirects included; default 5 s. */
  timeoutMs?: number;
}

export const DEFAULT_REMOTE_TIMEOUT_MS = 5000;

/** A service list is a few KiB; a larger answer is refused rather than kept in memory for an hour. */
const MAX_LIST_BYTES = 2 * 1024 * 1024;

export function remoteServiceLists(o: RemoteServicesOptions = {}): ServiceListFetcher {
  const allowPrivate = o.allowPrivate ?? false;
  const timeoutMs = o.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
  const transport = createTransport({ allowPrivate, timeoutMs, maxBytes: MAX_LIST_BYTES });
  return async (e, locale) => {
    const client = endpointClient(e, { allowPrivate, timeoutMs, transport });
    // An upstream that refuses `locale` (400) is asked again without it.
    return readLocalised(locale, async (l): Promise<Service[]> => (await client.services({ locale: l })).data);
  };
}
