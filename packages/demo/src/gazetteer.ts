/**
 * Riverton's address gazetteer (issue 14), generated from its street grid
 * (city.ts) so that a typed "200 Main St" is found: address points along
 * every block of every street within 24 blocks of City Hall, both sides (even
 * numbers on the north/east side, odd on the other, as placeOnStreet numbers
 * them), four per block and side, and each street at its midpoint. The grid
 * counts numbers from City Hall both ways, so "200 Main St" is two points,
 * as in the reports the demo places there. Deterministic: no randomness.
 */
import { addressRow, gazetteerContent, streetRow, type AddressInput } from '@o311/geocoder';
import type { GazetteerAddress, GazetteerContent, GazetteerStreet, Store } from '@o311/store';
import { BLOCK_M, DEMO_JURISDICTION, eastWestStreet, northSouthStreet, toLatLong } from './city.js';

/** Blocks from City Hall each way (the street names repeat beyond 24). */
export const GAZETTEER_BLOCKS = 24;
/** Even house numbers of the points on one side of a block, as offsets from the block's first number. */
const NUMBERS_IN_BLOCK = [2, 26, 50, 74] as const;
/** Metres from the centre line to a house. */
const SETBACK_M = 10;

function ok<T>(row: T | string): T {
  if (typeof row === 'string') throw new Error(`demo gazetteer: ${row}`);
  return row;
}

/** Every address point of one street: `along(d)` is the point `d` metres from City Hall along it, `off` metres to its even side. */
function streetAddresses(street: string, along: (d: number, off: number) => { lat: number; long: number }): AddressInput[] {
  const out: AddressInput[] = [];
  for (let block = 0; block < GAZETTEER_BLOCKS; block++) {
    for (const offset of NUMBERS_IN_BLOCK) {
      const even = block * 100 + offset;
      for (const [number, off] of [[even, SETBACK_M], [even + 1, -SETBACK_M]] as const) {
        // House number n stands 2n metres from City Hall (city.ts: houseNumber), on both sides of it.
        for (const sign of [1, -1]) out.push({ number: String(number), street, ...along(sign * number * 2, off) });
      }
    }
  }
  return out;
}

/** The demo city's gazetteer, the same at every call. */
export function demoGazetteer(): GazetteerContent {
  const addresses: GazetteerAddress[] = [];
  const streets: GazetteerStreet[] = [];
  for (let k = -GAZETTEER_BLOCKS; k <= GAZETTEER_BLOCKS; k++) {
    const ew = eastWestStreet(k);
    for (const a of streetAddresses(ew, (d, off) => toLatLong(d, k * BLOCK_M + off))) addresses.push(ok(addressRow(a)));
    streets.push(ok(streetRow({ name: ew, ...toLatLong(0, k * BLOCK_M) })));
    const ns = northSouthStreet(k);
    for (const a of streetAddresses(ns, (d, off) => toLatLong(k * BLOCK_M + off, d))) addresses.push(ok(addressRow(a)));
    streets.push(ok(streetRow({ name: ns, ...toLatLong(k * BLOCK_M, 0) })));
  }
  return gazetteerContent(addresses, streets);
}

/** Replaces the demo jurisdiction's gazetteer with the generated one. */
export async function seedDemoGazetteer(store: Store): Promise<{ addresses: number; streets: number }> {
  return store.gazetteer.replace(DEMO_JURISDICTION.id, demoGazetteer());
}
