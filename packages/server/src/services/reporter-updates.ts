/**
 * What a request's reporter may do (issue 14), once the web app has proved who
 * they are (a secret link from their mail, or the signed-in account that owns
 * the report): add a comment and/or a photo, reopen a request closed by
 * mistake within the city's window, and answer "is it fixed?". Each is a public
 * event whose author marks it as the reporter's (REPORTER_AUTHOR), never their
 * name. Expected refusals come back as values; the caller tells the followers.
 */
import { EXTENDED_STATUSES } from '@o311/georeport';
import {
  REPORTER_AUTHOR, REPORTER_FIXED_AUTHOR, REPORTER_NOT_FIXED_AUTHOR, type Jurisdiction, type NewComment, type NewMedia, type ReporterAnswer, type StoredRequest,
} from '@o311/store';
import type { ServiceContext } from './context.js';

export const MAX_REPORTER_COMMENT = 2_000;

/**
 * A form sends each line break of a textarea as CRLF, while the browser's
 * maxlength counts it as one character: counted as sent, a comment the
 * textarea allowed would be refused as too long.
 */
const commentOf = (raw: string): string => raw.replace(/\r\n?/g, '\n').trim();

const DAY_MS = 24 * 3_600_000;

export interface ReporterUpdate {
  comment: string;
  photo?: NewMedia;
  reopen: boolean;
}

export type Refusal = 'empty' | 'tooLong' | 'notClosed' | 'windowPassed' | 'unknownRequest' | 'noQuestion' | 'answered';
export type ReporterOutcome<T> = { ok: true; value: T } | { ok: false; reason: Refusal };

const refuse = (reason: Refusal): { ok: false; reason: Refusal } => ({ ok: false, reason });
const isClosed = (r: Pick<StoredRequest, 'status'>): boolean => EXTENDED_STATUSES[r.status] === 'closed';

/** Taken before the first write, so that a store without comments never keeps half an update. */
function commentWriter(ctx: ServiceContext): (c: NewComment) => Promise<unknown> {
  const { store } = ctx;
  if (!store.addComment) throw new Error('This store cannot add comments to requests.');
  return store.addComment.bind(store);
}

/** Whether `at` is within the city's reopen window after a closing at `closedAt`. */
async function withinWindow(ctx: ServiceContext, j: Jurisdiction, closedAt: number, at: number): Promise<boolean> {
  const { reopen_window_days } = await ctx.store.reporter.settings(j.id);
  return at <= closedAt + reopen_window_days * DAY_MS;
}

/** When the request was last closed (its newest public move to a closed status); undefined while open. */
export async function lastClosedAt(ctx: ServiceContext, j: Jurisdiction, r: StoredRequest): Promise<number | undefined> {
  if (!isClosed(r)) return undefined;
  const events = await ctx.store.listEvents(j.id, r.id);
  const closing = events.filter((e) => e.type === 'status_change' && EXTENDED_STATUSES[e.status] === 'closed').at(-1);
  return closing?.at ?? r.updated_at;
}

/** Whether the reporter may reopen now: closed, within the window after its last closing. */
export async function mayReopen(ctx: ServiceContext, j: Jurisdiction, r: StoredRequest): Promise<boolean> {
  const closedAt = await lastClosedAt(ctx, j, r);
  return closedAt !== undefined && withinWindow(ctx, j, closedAt, ctx.now());
}

async function photoUrl(ctx: ServiceContext, j: Jurisdiction, requestId: string, photo: NewMedia | undefined): Promise<string | null> {
  if (!photo) return null;
  const id = await ctx.store.reporter.addPhoto(j.id, requestId, photo, ctx.now());
  return id === undefined ? null : `/open311/v2/media/${encodeURIComponent(id)}`;
}

/** A comment and/or photo, or a reopening (with them as its note and photo). */
export async function addReporterUpdate(
  ctx: ServiceContext,
  j: Jurisdiction,
  requestId: string,
  u: ReporterUpdate,
): Promise<ReporterOutcome<{ reopened: boolean }>> {
  const comment = commentOf(u.comment);
  if (comment.length > MAX_REPORTER_COMMENT) return refuse('tooLong');
  if (comment === '' && !u.photo && !u.reopen) return refuse('empty');
  const r = await ctx.store.getRequest(j.id, requestId);
  if (!r) return refuse('unknownRequest');
  if (u.reopen && !isClosed(r)) return refuse('notClosed');
  if (u.reopen && !(await mayReopen(ctx, j, r))) return refuse('windowPassed');
  const addComment = u.reopen ? undefined : commentWriter(ctx);
  const media_url = await photoUrl(ctx, j, r.id, u.photo);
  const at = ctx.now();
  if (!addComment) {
    await ctx.store.changeStatus({ jurisdiction_id: j.id, request_id: r.id, status: 'open', note: comment || null, author: REPORTER_AUTHOR, at, media_url });
  } else {
    await addComment({ jurisdiction_id: j.id, request_id: r.id, description: comment, public: true, author: REPORTER_AUTHOR, at, media_url });
  }
  return { ok: true, value: { reopened: u.reopen } };
}

export type FixedOutcome = 'recorded' | 'reopened' | 'noted';

/**
 * The answer to the newest "is it fixed?" of the request, once. No: reopened
 * within the window after that closing (if still closed), else a public
 * comment for staff; yes: recorded, and told to staff (an internal note, or the
 * comment as a public update).
 */
export async function answerFixed(
  ctx: ServiceContext,
  j: Jurisdiction,
  requestId: string,
  answer: ReporterAnswer,
  rawComment: string,
): Promise<ReporterOutcome<FixedOutcome>> {
  const comment = commentOf(rawComment);
  if (comment.length > MAX_REPORTER_COMMENT) return refuse('tooLong');
  const r = await ctx.store.getRequest(j.id, requestId);
  if (!r) return refuse('unknownRequest');
  const question = await ctx.store.reporter.latestQuestion(j.id, r.id);
  if (!question) return refuse('noQuestion');
  const addComment = commentWriter(ctx);
  const at = ctx.now();
  if (!(await ctx.store.reporter.answer(question.change_id, answer, at))) return refuse('answered');
  if (answer === 'yes') {
    // Staff see the answer in the history: an internal note, or the comment as a public update.
    await addComment({ jurisdiction_id: j.id, request_id: r.id, description: comment, public: comment !== '', author: REPORTER_FIXED_AUTHOR, at });
    return { ok: true, value: 'recorded' };
  }
  if (isClosed(r) && (await withinWindow(ctx, j, question.closed_at, at))) {
    await ctx.store.changeStatus({ jurisdiction_id: j.id, request_id: r.id, status: 'open', note: comment || null, author: REPORTER_NOT_FIXED_AUTHOR, at });
    return { ok: true, value: 'reopened' };
  }
  await addComment({ jurisdiction_id: j.id, request_id: r.id, description: comment, public: true, author: REPORTER_NOT_FIXED_AUTHOR, at });
  return { ok: true, value: 'noted' };
}
