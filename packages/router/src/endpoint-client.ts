/**
 * A client SDK instance for a registry endpoint: its base URL, format (JSON
 * when it offers it, else XML, which the spec requires), jurisdiction_id and
 * quirk profile (the endpoint's `quirks` column). Shared by every reader of
 * remote endpoints (service lists, definitions, requests).
 */
import { findProfile, Open311Client, preferredFormat, type QuirkProfile, type Transport } from '@o311/client';
import type { Format } from '@o311/georeport';
import type { Endpoint } from '@o311/store';

export interface EndpointClientOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  transport: Transport;
}

export const endpointFormat = (e: Endpoint): Format => preferredFormat(e.formats);

/** The profile named by the endpoint; an unknown name reads it as a plain v2 endpoint. */
export const endpointProfile = (e: Endpoint): QuirkProfile | undefined => findProfile(e.quirks);

/** Throws when the endpoint has no GeoReport base URL. No retries: callers have deadlines and report failures. */
export function endpointClient(e: Endpoint, o: EndpointClientOptions): Open311Client {
  if (e.base_url === null) throw new Error(`The endpoint '${e.slug}' has no GeoReport base URL.`);
  const profile = endpointProfile(e);
  return new Open311Client({
    baseUrl: e.base_url,
    format: endpointFormat(e),
    ...(e.jurisdiction_id !== null && { jurisdictionId: e.jurisdiction_id }),
    ...(profile !== undefined && { profile }),
    allowPrivate: o.allowPrivate,
    timeoutMs: o.timeoutMs,
    retries: 0,
    transport: o.transport,
  });
}
