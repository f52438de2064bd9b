/** Where a harvest reads: a registry endpoint's GeoReport base URL (or discovery URL), jurisdiction and quirk profile. */
import { findProfile, isDiscoveryUrl, Open311Client, preferredFormat, type ClientOptions, type QuirkProfile, type Transport } from '@o311/client';
import type { Format } from '@o311/georeport';

export interface HarvestTarget {
  /** The GeoReport base URL (…/v2/), or a discovery document's URL. */
  url: string;
  jurisdictionId: string | null;
  /** What the endpoint offers; JSON is asked for when offered or unknown, else XML. */
  formats: readonly Format[];
  /** The client quirk profile's name; an unknown name is read as a plain v2 endpoint. */
  quirks: string | null;
}

export const profileOf = (t: HarvestTarget): QuirkProfile | undefined => findProfile(t.quirks);

/**
 * The client for the target, without retries of its own (the harvester waits on 429/503 itself, within its
 * budget). A discovery URL costs one call to resolve. Rejects as the client does.
 */
export async function harvestClient(t: HarvestTarget, transport: Transport, allowPrivate: boolean): Promise<Open311Client> {
  const profile = profileOf(t);
  const settings: Omit<ClientOptions, 'baseUrl'> = {
    ...(t.jurisdictionId !== null && { jurisdictionId: t.jurisdictionId }),
    ...(profile !== undefined && { profile }),
    allowPrivate,
    retries: 0,
    transport,
  };
  if (!isDiscoveryUrl(t.url)) return new Open311Client({ ...settings, baseUrl: t.url, format: preferredFormat(t.formats) });
  return Open311Client.fromDiscovery(t.url, { ...settings, ...(t.formats.length > 0 && { format: preferredFormat(t.formats) }) });
}
