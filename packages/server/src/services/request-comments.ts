/** A comment by staff on a request: a public reply (followers are told by the caller) or an internal note. */
import { badRequest, unknownRequest } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { resolveStaffJurisdiction } from './jurisdictions.js';
import { authorOf, type StaffActor } from './staff-actor.js';

export const MAX_COMMENT_LENGTH = 10_000;

export interface CommentInput {
  jurisdiction_id?: string;
  text: string;
  public: boolean;
}

/** 404 for an unknown request, 400 for an empty or too long text; nothing is written or audited then. */
export async function addComment(ctx: ServiceContext, actor: StaffActor, request_id: string, input: CommentInput): Promise<Jurisdiction> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, actor.scope, input.jurisdiction_id);
  if (!(await ctx.store.getRequest(jurisdiction.id, request_id))) throw unknownRequest(request_id);
  const text = input.text.trim();
  if (text === '') throw badRequest('text must not be empty.');
  if (text.length > MAX_COMMENT_LENGTH) throw badRequest(`text may have at most ${MAX_COMMENT_LENGTH} characters.`);
  if (!ctx.store.addComment) throw new Error('This store cannot add comments to requests.');
  const added = await ctx.store.addComment({
    jurisdiction_id: jurisdiction.id, request_id, description: text, public: input.public, author: authorOf(actor), at: ctx.now(),
  });
  if (!added) throw unknownRequest(request_id);
  await recordAudit(ctx, actor, {
    action: 'request.comment', jurisdiction_id: jurisdiction.id, request_id, details: { public: input.public },
  });
  return jurisdiction;
}
