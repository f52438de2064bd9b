/**
 * The point of a typed "Address:" line, from the jurisdiction's geocoder (its
 * gazetteer first), as the SMS channel and the citizen form find one. A weak
 * match, no match or a geocoder that is down leaves the request with the
 * address as typed: staff place it.
 */
import { GeocoderError } from '@o311/geocoder';
import type { Jurisdiction } from '@o311/store';
import type { IntakeContext } from './intake-context.js';

/** Below this score a match is a guess, not the place the reporter named. */
const MIN_SCORE = 0.3;

export async function geocodeAddress(ic: IntakeContext, j: Jurisdiction, address: string, locale: string): Promise<{ lat: number; long: number } | undefined> {
  try {
    const [best] = await ic.services.geocoder.search({ text: address, jurisdiction_id: j.id, limit: 1, language: locale });
    return best && best.score >= MIN_SCORE ? { lat: best.lat, long: best.long } : undefined;
  } catch (e) {
    if (e instanceof GeocoderError) return undefined;
    throw e;
  }
}
