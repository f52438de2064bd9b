/**
 * Moderation (issue 14 item 8): staff hide a photo or a client's link, or
 * redact a request's description or a public history entry (a staff reply or
 * a reporter's comment). The store writes the moderated version into the
 * public record and keeps the original for admins (store.moderation); each
 * change is audited here, without the original text (every staff member
 * reads a request's audit trail). Followers are not told: nothing happened
 * to the request itself. The web page and the staff API call these.
 */
import { badRequest, conflict, MAX_DESCRIPTION_LENGTH, notFound, unknownRequest, type Open311Failure } from '@o311/georeport';
import { hiddenMedia, MAX_MODERATION_REASON, type HiddenMedia, type Jurisdiction, type JurisdictionScope, type ModerationEntry, type ModerationOutcome } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { resolveStaffJurisdiction } from './jurisdictions.js';
import { MAX_COMMENT_LENGTH } from './request-comments.js';
import { auditActorOf, type StaffActor } from './staff-actor.js';

/** Characters of a target id (a media or history entry id). */
export const MAX_MODERATION_TARGET_ID = 100;

interface Common {
  jurisdiction_id?: string;
  reason: string;
}

export interface RedactionInput extends Common {
  target: 'description' | 'comment';
  /** The history entry (for `comment`). */
  target_id?: string;
  text: string;
}

export interface MediaInput extends Common {
  target: 'photo' | 'media_url';
  /** The media id (`photo`); '' for the request's link or a history entry's id (`media_url`). */
  target_id: string;
}

/** The most characters of a moderated text: what the request or an entry may hold. */
export const maxModeratedLength = (target: RedactionInput['target']): number =>
  target === 'description' ? MAX_DESCRIPTION_LENGTH : MAX_COMMENT_LENGTH;

/** The problems of an input, as the API's 400 lists them (empty when fine). */
export function moderationProblems(input: { reason: string; target_id?: string; text?: string; target: RedactionInput['target'] | MediaInput['target'] }): string[] {
  const problems: string[] = [];
  const reason = input.reason.trim();
  if (reason === '') problems.push('reason must not be empty.');
  if ([...reason].length > MAX_MODERATION_REASON) problems.push(`reason may have at most ${MAX_MODERATION_REASON} characters.`);
  if ((input.target_id ?? '').length > MAX_MODERATION_TARGET_ID) problems.push(`target_id may have at most ${MAX_MODERATION_TARGET_ID} characters.`);
  if (input.target === 'comment' && !input.target_id) problems.push('target_id must name the history entry to redact.');
  if (input.target === 'photo' && !input.target_id) problems.push('target_id must name the photo.');
  if (input.text !== undefined && (input.target === 'description' || input.target === 'comment')) {
    const max = maxModeratedLength(input.target);
    if ([...input.text].length > max) problems.push(`text may have at most ${max} characters.`);
  }
  return problems;
}

const refusal = (outcome: Exclude<ModerationOutcome, { ok: true }>, request_id: string, what: string): Open311Failure =>
  outcome.reason === 'not-found'
    ? notFound(`${what} of request '${request_id}' does not exist (or is not public).`)
    : conflict(`${what} of request '${request_id}' is already so: nothing changed.`);

const isRedaction = (input: RedactionInput | MediaInput): input is RedactionInput => input.target === 'description' || input.target === 'comment';

const what = (target: string, id: string | undefined): string => (id ? `${target} '${id}'` : target);

async function moderate(
  ctx: ServiceContext, actor: StaffActor, request_id: string, input: RedactionInput | MediaInput, action: 'redact' | 'hide' | 'unhide',
): Promise<{ jurisdiction: Jurisdiction; entry: ModerationEntry }> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, actor.scope, input.jurisdiction_id);
  const problems = moderationProblems(isRedaction(input) ? input : { ...input, text: undefined });
  if (problems.length > 0) throw badRequest(...problems);
  if (!(await ctx.store.getPublicRequest(jurisdiction.id, request_id))) throw unknownRequest(request_id);
  const base = { jurisdiction_id: jurisdiction.id, request_id, reason: input.reason.trim(), actor: auditActorOf(actor), at: ctx.now() };
  const m = ctx.store.moderation;
  const outcome = isRedaction(input)
    ? await m.redact({ ...base, target: input.target, text: input.text, ...(input.target_id !== undefined && { target_id: input.target_id }) })
    : await (action === 'hide' ? m.hide : m.unhide)({ ...base, target: input.target, target_id: input.target_id });
  if (!outcome.ok) throw refusal(outcome, request_id, what(input.target, input.target_id));
  const e = outcome.entry;
  await recordAudit(ctx, actor, {
    action: `request.${action}`, jurisdiction_id: jurisdiction.id, request_id,
    details: { target: e.target, ...(e.target_id !== '' && { target_id: e.target_id }), reason: e.reason },
  });
  return { jurisdiction, entry: e };
}

/** 400 for bad input, 404 for an unknown request or entry, 409 when the text is already this one. */
export const redactText = (ctx: ServiceContext, actor: StaffActor, request_id: string, input: RedactionInput) =>
  moderate(ctx, actor, request_id, input, 'redact');

/** 404 for an unknown photo or link, 409 when already hidden. */
export const hideMedia = (ctx: ServiceContext, actor: StaffActor, request_id: string, input: MediaInput) =>
  moderate(ctx, actor, request_id, input, 'hide');

/** 409 when it is not hidden. */
export const unhideMedia = (ctx: ServiceContext, actor: StaffActor, request_id: string, input: MediaInput) =>
  moderate(ctx, actor, request_id, input, 'unhide');

/** The text an entry replaced, as admins read it (an upload has none: its entry only says where it was listed). */
export const originalText = (e: ModerationEntry): string | null => (e.target === 'photo' ? null : e.original);

/** A request's moderation log with the originals: for admins of its jurisdiction only (the caller checks the role). */
export async function moderationLog(
  ctx: ServiceContext, scope: JurisdictionScope, request_id: string, jurisdiction_id?: string,
): Promise<{ entries: ModerationEntry[]; hidden: HiddenMedia[] }> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, scope, jurisdiction_id);
  if (!(await ctx.store.getPublicRequest(jurisdiction.id, request_id))) throw unknownRequest(request_id);
  const entries = await ctx.store.moderation.list(jurisdiction.id, request_id);
  return { entries, hidden: hiddenMedia(entries) };
}
