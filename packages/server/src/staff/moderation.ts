/**
 * Staff API: moderation of a request (agents and admins), through the same
 * services as the web back office. Its log shows the original texts to
 * admins only; agents and viewers see what was done, by whom and why.
 */
import { Type } from 'typebox';
import { MAX_MODERATION_REASON, type ModerationEntry } from '@o311/store';
import { badRequest } from '@o311/georeport';
import type { ServiceContext } from '../services/context.js';
import {
  hideMedia, MAX_MODERATION_TARGET_ID, moderationLog, originalText, redactText, unhideMedia, type MediaInput, type RedactionInput,
} from '../services/moderation.js';
import { MAX_COMMENT_LENGTH } from '../services/request-comments.js';
import { staffRequestWithEvents } from '../services/staff.js';
import { toStaffRequest } from '../projection/staff.js';
import { projectionContext } from '../georeport/route.js';
import { apiActorOf } from './actor.js';
import { requirePermission, roleAllows, scopeOf, staffOf } from './auth.js';
import { IdParams, STAFF_TAG, StaffRequest, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const opt = Type.Optional;

const ModerationBody = Type.Object({
  jurisdiction_id: opt(Type.String({ maxLength: 200 })),
  action: Type.Union([Type.Literal('redact'), Type.Literal('hide'), Type.Literal('unhide')], {
    description: '`redact` a text (target `description` or `comment`); `hide` or `unhide` a photo (target `photo` or `media_url`).',
  }),
  target: Type.Union([Type.Literal('description'), Type.Literal('comment'), Type.Literal('photo'), Type.Literal('media_url')], {
    description: '`description`: the request\'s; `comment`: a public history entry (a reply, a status note, a reporter\'s comment); '
      + '`photo`: an uploaded file; `media_url`: a link given by the client, of the request or of a history entry.',
  }),
  target_id: opt(Type.String({
    maxLength: MAX_MODERATION_TARGET_ID,
    description: 'The history entry id (`comment`, `media_url` of an entry) or the media id (`photo`, the last part of its media URL); absent for the request\'s own.',
  })),
  text: opt(Type.String({ maxLength: MAX_COMMENT_LENGTH, description: 'With `redact`: the new public text, e.g. with a phone number replaced by "[redacted]".' })),
  reason: Type.String({ minLength: 1, maxLength: MAX_MODERATION_REASON, description: 'Why (kept with the change and in the audit log).' }),
});

const Entry = Type.Object({
  id: Type.String(),
  action: Type.String(),
  target: Type.String(),
  target_id: Type.String(),
  reason: Type.String(),
  actor: Type.String(),
  at: Type.String({ description: 'UTC ISO 8601' }),
  original: opt(Type.Union([Type.String(), Type.Null()], { description: 'Admins only: the public text before the change.' })),
  moderated: opt(Type.Union([Type.String(), Type.Null()], { description: 'Admins only: the public text after it.' })),
});

const Log = Type.Object({
  entries: Type.Array(Entry, { description: 'Oldest first.' }),
  hidden: Type.Array(Type.Object({ target: Type.String(), target_id: Type.String() }), { description: 'What is hidden now.' }),
});

const entryView = (e: ModerationEntry, admin: boolean) => ({
  id: e.id, action: e.action, target: e.target, target_id: e.target_id, reason: e.reason, actor: e.actor, at: new Date(e.at).toISOString(),
  ...(admin && { original: originalText(e), moderated: e.moderated }),
});

export function moderationRoutes(app: StaffApp, ctx: ServiceContext): void {
  const manage = requirePermission(ctx.store, 'manage-requests');
  const read = requirePermission(ctx.store, 'read');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY, params: IdParams };

  app.post('/requests/:id/moderation', {
    onRequest: manage,
    schema: {
      ...base,
      summary: 'Moderate a request: redact a text, hide or show again a photo',
      description: 'The moderated version replaces the public one everywhere (GeoReport JSON and XML, tracker, feeds, exports, '
        + 'webhooks, dashboard); a hidden upload\'s media URL answers 404. The original is kept for admins (GET …/moderation). Audited.',
      body: ModerationBody,
      response: { 200: StaffRequest, ...staffErrors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { id } = request.params;
    const { action, target, target_id, text, reason, jurisdiction_id } = request.body;
    const common = { reason, ...(jurisdiction_id !== undefined && { jurisdiction_id }) };
    let done;
    if (action === 'redact') {
      if (target !== 'description' && target !== 'comment') throw badRequest('redact takes target description or comment.');
      if (text === undefined) throw badRequest('redact needs the new text.');
      const input: RedactionInput = { ...common, target, text, ...(target_id !== undefined && { target_id }) };
      done = await redactText(ctx, apiActorOf(request), id, input);
    } else {
      if (target !== 'photo' && target !== 'media_url') throw badRequest(`${action} takes target photo or media_url.`);
      const input: MediaInput = { ...common, target, target_id: target_id ?? '' };
      done = await (action === 'hide' ? hideMedia : unhideMedia)(ctx, apiActorOf(request), id, input);
    }
    const found = await staffRequestWithEvents(ctx, scopeOf(request), done.jurisdiction.id, id);
    return toStaffRequest(found.request, projectionContext(request, ctx, found.jurisdiction), found.events);
  });

  app.get('/requests/:id/moderation', {
    onRequest: read,
    schema: {
      ...base,
      summary: 'A request\'s moderation log',
      description: 'Every moderation of the request with who, when and why; the original and moderated texts for admins only.',
      querystring: Type.Object({ jurisdiction_id: opt(Type.String({ maxLength: 200 })) }),
      response: { 200: Log, ...staffErrors(401, 403, 404) },
    },
  }, async (request) => {
    const token = staffOf(request);
    const { entries, hidden } = await moderationLog(ctx, token.jurisdictions, request.params.id, request.query.jurisdiction_id);
    const admin = roleAllows(token.role, 'admin', token.jurisdictions);
    return { entries: entries.map((e) => entryView(e, admin)), hidden: hidden.map((h) => ({ target: h.target, target_id: h.target_id })) };
  });
}
