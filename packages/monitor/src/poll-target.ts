/** What the monitor polls for a registry endpoint: where, in which format, with which quirk profile. */
import type { Format } from '@o311/georeport';
import type { Endpoint } from '@o311/store';

export interface PollTarget {
  slug: string;
  /** The GeoReport base URL (…/v2/), or a discovery document URL (see isDiscoveryUrl in @o311/client). */
  url: string;
  jurisdictionId: string | null;
  /** What the endpoint offers (the registry's list); JSON is asked for when offered or unknown, else XML. */
  formats: Format[];
  /** The client quirk profile's name; an unknown name is read as a plain v2 endpoint. */
  quirks: string | null;
}

/**
 * The target of a registry endpoint: its base URL, else its discovery URL. A
 * local endpoint (served by this o311 server, base_url null) is polled over
 * HTTP like any other, at `local.baseUrl`, which the caller knows. Refused,
 * with why, when there is nothing to poll.
 */
export function targetOf(endpoint: Endpoint, local?: { baseUrl: string }): PollTarget | { refused: string } {
  const url = endpoint.base_url ?? endpoint.discovery_url ?? (endpoint.local ? local?.baseUrl : undefined);
  if (url === undefined || url === null || url.trim() === '') {
    return {
      refused: endpoint.local
        ? `The endpoint '${endpoint.slug}' is served here, but the monitor was not told at which URL.`
        : `The endpoint '${endpoint.slug}' has no GeoReport base URL or discovery URL to poll.`,
    };
  }
  return {
    slug: endpoint.slug,
    url: url.trim(),
    jurisdictionId: endpoint.jurisdiction_id,
    formats: [...endpoint.formats],
    quirks: endpoint.quirks,
  };
}
