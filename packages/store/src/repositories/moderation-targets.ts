/**
 * What moderation rewrites in the public columns (moderation.ts): a request's
 * description and link, a history entry's text and link, an upload's place in
 * media_ids. Each function runs inside the moderation's transaction and
 * answers the public value before the change (undefined: no such thing).
 */
import type { Selectable } from 'kysely';
import type { RequestEventsTable } from '../schema/tables.js';
import { HISTORY_COLUMNS, storeDerivedHistory } from './events.js';
import { parseJson, parseRowId, type Trx } from './shared.js';

/** The request's history columns and public fields moderation reads, locked for the write (PostgreSQL). */
export async function lockedRequest(trx: Trx, rowLocks: boolean, jurisdiction_id: string, request_id: string) {
  const id = parseRowId(request_id);
  if (id === undefined) return undefined;
  const q = trx
    .selectFrom('requests')
    .select([...HISTORY_COLUMNS, 'description', 'media_url', 'media_ids'])
    .where('id', '=', id)
    .where('jurisdiction_id', '=', jurisdiction_id);
  return (rowLocks ? q.forUpdate() : q).executeTakeFirst();
}
export type LockedRequest = NonNullable<Awaited<ReturnType<typeof lockedRequest>>>;

/**
 * A public stored history entry by its listed id (`public_id`, else the row
 * key); a derived imported status change is stored first, so it can change.
 */
export async function publicEvent(trx: Trx, r: LockedRequest, eventId: string): Promise<Selectable<RequestEventsTable> | undefined> {
  await storeDerivedHistory(trx, r);
  const key = /^[1-9][0-9]{0,15}$/.test(eventId) ? Number(eventId) : undefined;
  const row = await trx
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', r.id)
    .where('public', '=', 1)
    .where((eb) => (key === undefined ? eb('public_id', '=', eventId) : eb.and([eb('id', '=', key), eb('public_id', 'is', null)])))
    .executeTakeFirst();
  return row;
}

/** Where an upload goes back into media_ids: before the first shown one uploaded after it. */
export async function mediaIdsWith(trx: Trx, r: LockedRequest, mediaId: string): Promise<string[]> {
  const shown = parseJson<string[]>(r.media_ids);
  const rows = await trx.selectFrom('request_media').select(['id', 'position']).where('request_id', '=', r.id).execute();
  const position = new Map(rows.map((m) => [m.id, Number(m.position)]));
  const mine = position.get(mediaId) ?? Number.MAX_SAFE_INTEGER;
  const at = shown.findIndex((id) => (position.get(id) ?? -1) > mine);
  return at < 0 ? [...shown, mediaId] : [...shown.slice(0, at), mediaId, ...shown.slice(at)];
}
