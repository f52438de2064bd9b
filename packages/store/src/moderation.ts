/**
 * Moderation (issue 14): staff hide a photo or redact a request's description
 * or a public history entry. The moderated version is written INTO the public
 * columns (requests.description, the event's description, media_ids and
 * media_url; an upload's row is marked hidden), so every public output (API,
 * tracker, feeds, exports, read models) shows it without knowing about
 * moderation; the original is kept here, one log entry per change, for
 * admins. Each write moves the data version and records an `updated` request
 * change in its transaction. Part of the {@link Store} as `store.moderation`.
 */

export const MODERATION_TARGETS = [
  /** The request's description (target_id ''). */
  'description',
  /** A public history entry's text (target_id: the event id as listed). */
  'comment',
  /** An uploaded file (target_id: its media id). */
  'photo',
  /** A link given by the client: the request's (target_id '') or a history entry's (its event id). */
  'media_url',
] as const;
export type ModerationTarget = (typeof MODERATION_TARGETS)[number];

export const MODERATION_ACTIONS = ['redact', 'hide', 'unhide'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Characters of a moderation's reason. */
export const MAX_MODERATION_REASON = 500;

export interface ModerationEntry {
  id: string;
  jurisdiction_id: string;
  request_id: string;
  target: ModerationTarget;
  target_id: string;
  action: ModerationAction;
  /**
   * The public value before this change: a redacted text, a hidden link; for
   * a hidden upload `media_ids` when it was one of the request's own photos
   * (an update's photo is hidden with its entry's link), else null.
   */
  original: string | null;
  /** The public text after it (a redaction's text, a link shown again); null when hidden. */
  moderated: string | null;
  reason: string;
  /** An audit actor. */
  actor: string;
  at: number;
}

interface ModerationBase {
  jurisdiction_id: string;
  request_id: string;
  reason: string;
  actor: string;
  at: number;
}

export interface Redaction extends ModerationBase {
  /** `comment` needs `target_id` (the event id). */
  target: 'description' | 'comment';
  target_id?: string;
  /** The new public text. */
  text: string;
}

export interface MediaModeration extends ModerationBase {
  /**
   * `photo`: target_id is the media id; `media_url`: '' (the request's link)
   * or an event id (a link to one of our uploads hides the upload too).
   */
  target: 'photo' | 'media_url';
  target_id: string;
}

export type ModerationRefusal =
  /** No such request in the jurisdiction, entry, public text, upload or link. */
  | 'not-found'
  /** The text is already this one; already hidden; not hidden. */
  | 'unchanged';

export type ModerationOutcome = { ok: true; entry: ModerationEntry } | { ok: false; reason: ModerationRefusal };

/** A photo or link of a request hidden now. */
export interface HiddenMedia {
  target: 'photo' | 'media_url';
  target_id: string;
  /** The hidden link; null for an upload. */
  url: string | null;
  /** The entry that hid it. */
  hidden_by: ModerationEntry;
}

/** What a request's log (oldest first) leaves hidden now, in the order it was hidden: callers with the log need no second read. */
export function hiddenMedia(log: readonly ModerationEntry[]): HiddenMedia[] {
  const latest = new Map<string, ModerationEntry>();
  for (const e of log) {
    if (e.action !== 'redact') latest.set(`${e.target} ${e.target_id}`, e);
  }
  const out: HiddenMedia[] = [];
  for (const e of latest.values()) {
    if (e.action !== 'hide' || (e.target !== 'photo' && e.target !== 'media_url')) continue;
    out.push({ target: e.target, target_id: e.target_id, url: e.original, hidden_by: e });
  }
  return out.sort((a, b) => Number(a.hidden_by.id) - Number(b.hidden_by.id));
}

export interface ModerationStore {
  redact(r: Redaction): Promise<ModerationOutcome>;
  hide(m: MediaModeration): Promise<ModerationOutcome>;
  unhide(m: MediaModeration): Promise<ModerationOutcome>;
  /** A request's moderation log, oldest first (empty for an unknown request). */
  list(jurisdiction_id: string, request_id: string): Promise<ModerationEntry[]>;
  /** What of the request is hidden now, in the order it was hidden. */
  hidden(jurisdiction_id: string, request_id: string): Promise<HiddenMedia[]>;
  /** A hidden upload of the jurisdiction, for staff (the public media route refuses it). */
  hiddenUpload(jurisdiction_id: string, media_id: string): Promise<{ id: string; request_id: string; content_type: string; bytes: Buffer } | undefined>;
}
