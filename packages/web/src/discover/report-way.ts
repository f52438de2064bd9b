/**
 * Where a person reports to an endpoint found at a spot: this server's citizen
 * app when the endpoint is the jurisdiction it serves; the Open311 API for
 * another jurisdiction of this server (the citizen app serves one); else the
 * endpoint's own site. Of the registry's addresses the API-key page is the one
 * written for people (the operator's own page), then the discovery document
 * (it names contacts), then the API's base URL.
 */
import type { Endpoint } from '@o311/store';

export type ReportWay =
  | { kind: 'citizen-app' }
  | { kind: 'local-api'; jurisdictionId: string }
  | { kind: 'external'; url: string }
  | { kind: 'none' };

/** The jurisdictions of this server the page needs to tell local endpoints apart. */
export interface LocalJurisdictions {
  /** The one the citizen app serves. */
  citizenApp: string | undefined;
  /** What a local endpoint without a jurisdiction id means (GeoReport's default). */
  primary: string | undefined;
}

const isWebUrl = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

export function reportWay(e: Endpoint, local: LocalJurisdictions): ReportWay {
  if (e.local) {
    const id = e.jurisdiction_id ?? local.primary;
    if (id === undefined) return { kind: 'none' };
    return id === local.citizenApp ? { kind: 'citizen-app' } : { kind: 'local-api', jurisdictionId: id };
  }
  const url = [e.api_key_url, e.discovery_url, e.base_url].find(isWebUrl);
  return url === undefined ? { kind: 'none' } : { kind: 'external', url };
}
