/**
 * Moderation (moderation.ts): each change rewrites the public column, logs
 * the text before and after, moves the request's `updated_at` and records an
 * `updated` change, in one transaction that also moves the data version (the
 * runner given by the store), so caches, the dashboard and webhooks follow.
 */
import type { Selectable } from 'kysely';
import {
  hiddenMedia, MODERATION_ACTIONS, MODERATION_TARGETS, type MediaModeration, type ModerationAction, type ModerationEntry,
  type ModerationOutcome, type ModerationStore, type ModerationTarget,
} from '../moderation.js';
import { withoutNul } from '../nul-text.js';
import type { RequestModerationsTable } from '../schema/moderation-tables.js';
import { readStored } from './monitor-shared.js';
import { lockedRequest, mediaIdsWith, publicEvent, type LockedRequest } from './moderation-targets.js';
import { recordChange } from './request-changes.js';
import { parseJson, parseRowId, type Db, type Trx } from './shared.js';

/** Runs a write in one transaction that moves the data version when `changed` says it wrote. */
export type VersionedWrite = <T>(work: (trx: Trx) => Promise<T>, changed: (result: T) => boolean) => Promise<T>;

function toEntry(row: Selectable<RequestModerationsTable>): ModerationEntry {
  return {
    id: String(row.id),
    jurisdiction_id: row.jurisdiction_id,
    request_id: String(row.request_id),
    target: readStored(MODERATION_TARGETS, row.target, 'moderation target'),
    target_id: row.target_id,
    action: readStored(MODERATION_ACTIONS, row.action, 'moderation action'),
    original: row.original,
    moderated: row.moderated,
    reason: row.reason,
    actor: row.actor,
    at: Number(row.at),
  };
}

type Change = { target: ModerationTarget; target_id: string; action: ModerationAction; original: string | null; moderated: string | null };
type Base = { jurisdiction_id: string; reason: string; actor: string; at: number };

/** Logs the change and tells the change feed; the request's public record changed now. */
async function logged(trx: Trx, r: LockedRequest, m: Base, c: Change): Promise<ModerationOutcome> {
  await trx.updateTable('requests').set({ updated_at: Math.max(r.updated_at, m.at) }).where('id', '=', r.id).execute();
  await recordChange(trx, { jurisdiction_id: m.jurisdiction_id, request_id: r.id, kind: 'updated', at: m.at });
  const row = await trx
    .insertInto('request_moderations')
    .values({ jurisdiction_id: m.jurisdiction_id, request_id: r.id, ...c, reason: withoutNul(m.reason), actor: m.actor, at: m.at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ok: true, entry: toEntry(row) };
}

const NOT_FOUND: ModerationOutcome = { ok: false, reason: 'not-found' };
const UNCHANGED: ModerationOutcome = { ok: false, reason: 'unchanged' };

/** The newest log entry of one target of a request that hid or showed it. */
async function lastVisibility(db: Db, requestId: number, target: string, targetId: string) {
  return db
    .selectFrom('request_moderations')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('target', '=', target)
    .where('target_id', '=', targetId)
    .where('action', 'in', ['hide', 'unhide'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** An upload's place in the log: one of the request's own photos (in media_ids), else an update's. */
const LISTED = 'media_ids';

/** Marks an upload of the request hidden or shown. */
async function markUpload(trx: Trx, r: LockedRequest, mediaId: string, hiddenAt: number | null): Promise<void> {
  await trx.updateTable('request_media').set({ hidden_at: hiddenAt }).where('id', '=', mediaId).where('request_id', '=', r.id).execute();
}

/** Hides (or shows again) an upload or a link; the link's text is kept in the log to show it again. */
async function setVisibility(trx: Trx, r: LockedRequest, m: MediaModeration, hide: boolean): Promise<ModerationOutcome> {
  const change = { target: m.target, target_id: m.target_id, action: hide ? 'hide' : 'unhide' } as const;
  if (m.target === 'photo') {
    const media = await trx.selectFrom('request_media').select(['id', 'hidden_at']).where('id', '=', m.target_id).where('request_id', '=', r.id).executeTakeFirst();
    if (!media) return NOT_FOUND;
    if ((media.hidden_at !== null) === hide) return UNCHANGED;
    const listed = parseJson<string[]>(r.media_ids);
    // Shown again among the request's photos only if it was one when hidden (an update's photo is its entry's link).
    const relist = !hide && (await lastVisibility(trx, r.id, 'photo', media.id))?.original === LISTED;
    if (hide || relist) {
      const media_ids = hide ? listed.filter((id) => id !== media.id) : await mediaIdsWith(trx, r, media.id);
      await trx.updateTable('requests').set({ media_ids: JSON.stringify(media_ids) }).where('id', '=', r.id).execute();
    }
    await markUpload(trx, r, media.id, hide ? m.at : null);
    return logged(trx, r, m, { ...change, original: hide && listed.includes(media.id) ? LISTED : null, moderated: null });
  }
  const event = m.target_id === '' ? undefined : await publicEvent(trx, r, m.target_id);
  if (m.target_id !== '' && !event) return NOT_FOUND;
  const current = event ? event.media_url : r.media_url;
  const last = await lastVisibility(trx, r.id, m.target, m.target_id);
  const isHidden = (current === null || current === '') && last?.action === 'hide';
  if (!isHidden && (current === null || current === '')) return hide ? NOT_FOUND : UNCHANGED;
  if (isHidden === hide) return UNCHANGED;
  const url = hide ? current! : last!.original;
  if (event) await trx.updateTable('request_events').set({ media_url: hide ? null : url }).where('id', '=', event.id).execute();
  else await trx.updateTable('requests').set({ media_url: hide ? null : url }).where('id', '=', r.id).execute();
  // A link to one of our uploads (a reporter's photo with an update): its media URL goes with it.
  const own = url === null ? undefined : ownMediaId(url);
  if (own !== undefined) await markUpload(trx, r, own, hide ? m.at : null);
  return logged(trx, r, m, { ...change, original: hide ? url : null, moderated: hide ? null : url });
}

/** The media id of a link to this server's media route (as a path, or absolute). */
function ownMediaId(url: string): string | undefined {
  const id = /^(?:https?:\/\/[^/]+)?\/open311\/v2\/media\/([^/?#]+)$/.exec(url)?.[1];
  try {
    return id === undefined ? undefined : decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

export function moderationStore(db: Db, write: VersionedWrite, rowLocks: boolean): ModerationStore {
  const done = (o: ModerationOutcome) => o.ok;
  const onRequest = (m: Base & { request_id: string }, work: (trx: Trx, r: LockedRequest) => Promise<ModerationOutcome>) =>
    write(async (trx) => {
      const r = await lockedRequest(trx, rowLocks, m.jurisdiction_id, m.request_id);
      return r ? work(trx, r) : NOT_FOUND;
    }, done);

  return {
    redact: (m) => onRequest(m, async (trx, r) => {
      const text = withoutNul(m.text);
      if (m.target === 'description') {
        if (r.description === null) return NOT_FOUND;
        if (r.description === text) return UNCHANGED;
        await trx.updateTable('requests').set({ description: text }).where('id', '=', r.id).execute();
        return logged(trx, r, m, { target: 'description', target_id: '', action: 'redact', original: r.description, moderated: text });
      }
      const event = await publicEvent(trx, r, m.target_id ?? '');
      if (!event) return NOT_FOUND;
      if (event.description === text) return UNCHANGED;
      await trx.updateTable('request_events').set({ description: text }).where('id', '=', event.id).execute();
      // The latest public note is also the request's status_notes.
      if (r.status_notes === event.description) await trx.updateTable('requests').set({ status_notes: text }).where('id', '=', r.id).execute();
      return logged(trx, r, m, { target: 'comment', target_id: event.public_id ?? String(event.id), action: 'redact', original: event.description, moderated: text });
    }),
    hide: (m) => onRequest(m, (trx, r) => setVisibility(trx, r, m, true)),
    unhide: (m) => onRequest(m, (trx, r) => setVisibility(trx, r, m, false)),

    async list(jurisdiction_id, request_id) {
      const id = parseRowId(request_id);
      if (id === undefined) return [];
      const rows = await db
        .selectFrom('request_moderations')
        .selectAll()
        .where('request_id', '=', id)
        .where('jurisdiction_id', '=', jurisdiction_id)
        .orderBy('id')
        .execute();
      return rows.map(toEntry);
    },

    async hidden(jurisdiction_id, request_id) {
      return hiddenMedia(await this.list(jurisdiction_id, request_id));
    },

    async hiddenUpload(jurisdiction_id, media_id) {
      const row = await db
        .selectFrom('request_media')
        .innerJoin('requests', 'requests.id', 'request_media.request_id')
        .select(['request_media.id', 'request_media.request_id', 'request_media.content_type', 'request_media.bytes'])
        .where('request_media.id', '=', media_id)
        .where('requests.jurisdiction_id', '=', jurisdiction_id)
        .where('request_media.hidden_at', 'is not', null)
        .executeTakeFirst();
      if (!row) return undefined;
      return { id: row.id, request_id: String(row.request_id), content_type: row.content_type, bytes: Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes) };
    },
  };
}
