/**
 * The newest public updates of a jurisdiction (status changes and public
 * comments, imported ones included). `listPublicUpdates` gives the OLDEST
 * `limit` of a time range, so the range ending now is widened until it holds
 * enough, and narrowed when it holds more than can be read at once: the
 * newest come from a range read whole.
 */
import type { RequestEvent, Store } from '@o311/store';

export type PublicUpdate = RequestEvent & { request_id: string };

const HOUR_MS = 3_600_000;
/** Updates read in one range at most. */
const READ_AT_ONCE = 2_000;
/** How far back the feed looks: updates older than this are not recent. */
export const FEED_LOOKBACK_MS = 366 * 24 * HOUR_MS;

export async function recentUpdates(store: Store, jurisdiction_id: string, now: number, count: number): Promise<PublicUpdate[]> {
  let span = 24 * HOUR_MS;
  let narrowest = 0;
  for (let step = 0; step < 40; step++) {
    const from = Math.max(now - span, now - FEED_LOOKBACK_MS);
    const updates = await store.listPublicUpdates(jurisdiction_id, from, now, READ_AT_ONCE);
    if (updates.length >= READ_AT_ONCE) {
      // More than a read holds: the newest may be cut off. Narrow, unless a range this small is already full.
      if (span <= HOUR_MS) return updates.slice(-count).reverse();
      narrowest = span;
      span = Math.max(HOUR_MS, Math.floor(span / 4));
      continue;
    }
    const wideEnough = updates.length >= count || from <= now - FEED_LOOKBACK_MS || (narrowest > 0 && span * 2 >= narrowest);
    if (wideEnough) return updates.slice(-count).reverse();
    span = narrowest > 0 ? Math.floor((span + narrowest) / 2) : span * 8;
  }
  return (await store.listPublicUpdates(jurisdiction_id, now - HOUR_MS, now, READ_AT_ONCE)).slice(-count).reverse();
}
