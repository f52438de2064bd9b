/**
 * Staff API: comments, triage, duplicates and service moves (agent or admin), through the
 * same services as the web back office, which audit each change once.
 */
import { Type, type TSchema } from 'typebox';
import { badRequest, parseW3CDateTime } from '@o311/georeport';
import { PRIORITIES } from '@o311/store';
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { addComment, MAX_COMMENT_LENGTH } from '../services/request-comments.js';
import { markDuplicate } from '../services/request-duplicates.js';
import { moveRequestService } from '../services/request-service-move.js';
import { updateTriage } from '../services/request-triage.js';
import { staffRequestWithEvents } from '../services/staff.js';
import { toStaffRequest } from '../projection/staff.js';
import { projectionContext } from '../georeport/route.js';
import { apiActorOf } from './actor.js';
import { requirePermission, scopeOf } from './auth.js';
import { IdParams, STAFF_TAG, StaffRequest, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const opt = Type.Optional;
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

const CommentBody = Type.Object({
  jurisdiction_id: opt(Type.String()),
  text: Type.String({ minLength: 1, maxLength: MAX_COMMENT_LENGTH }),
  public: Type.Boolean({ description: 'true: a public reply (followers are told); false: an internal note.' }),
});

const TriageBody = Type.Object({
  jurisdiction_id: opt(Type.String()),
  assigned_department_id: opt(nullable(Type.String({ description: 'null unassigns' }))),
  assigned_user_id: opt(nullable(Type.String({ description: 'A staff user id; null unassigns' }))),
  priority: opt(Type.Enum([...PRIORITIES])),
  expected_datetime: opt(nullable(Type.String({ description: 'W3C datetime with timezone; null clears it.' }))),
});

const DuplicateBody = Type.Object({
  jurisdiction_id: opt(Type.String()),
  original: Type.String({ minLength: 1, description: 'The id of the request this one duplicates.' }),
  note: opt(nullable(Type.String({ maxLength: 4000, description: 'Public note; defaults to one naming the original.' }))),
});

const ServiceBody = Type.Object({
  jurisdiction_id: opt(Type.String()),
  service_code: Type.String({ minLength: 1, maxLength: 200, description: 'An active service of the same jurisdiction.' }),
});

function expectedAtOf(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  const at = parseW3CDateTime(value);
  if (at === undefined) throw badRequest('expected_datetime must be a W3C datetime with a timezone, in the years 0001-9999.');
  return at;
}

export function requestChangeRoutes(app: StaffApp, ctx: ServiceContext): void {
  const manage = requirePermission(ctx.store, 'manage-requests');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY, params: IdParams };
  const response = { 200: StaffRequest, ...staffErrors(400, 401, 403, 404) };
  const answer = async (request: FastifyRequest, jurisdictionId: string, id: string) => {
    const found = await staffRequestWithEvents(ctx, scopeOf(request), jurisdictionId, id);
    return toStaffRequest(found.request, projectionContext(request, ctx, found.jurisdiction), found.events);
  };

  app.post('/requests/:id/comments', {
    onRequest: manage,
    schema: { ...base, summary: 'Add a public reply or an internal note to a request', body: CommentBody, response },
  }, async (request) => {
    const { id } = request.params;
    const j = await addComment(ctx, apiActorOf(request), id, request.body);
    if (request.body.public) await ctx.publicChange?.(request, j.id, id);
    return answer(request, j.id, id);
  });

  app.post('/requests/:id/triage', {
    onRequest: manage,
    schema: {
      ...base,
      summary: 'Assign, prioritise or date a request',
      description: 'Only the fields sent change; each changed field leaves one audit entry.',
      body: TriageBody,
      response,
    },
  }, async (request) => {
    const { expected_datetime, ...rest } = request.body;
    const expected_at = expectedAtOf(expected_datetime);
    const { jurisdiction } = await updateTriage(ctx, apiActorOf(request), request.params.id, {
      ...rest, ...(expected_at !== undefined ? { expected_at } : {}),
    });
    return answer(request, jurisdiction.id, request.params.id);
  });

  app.post('/requests/:id/service', {
    onRequest: manage,
    schema: {
      ...base,
      summary: 'Move a request to another service',
      description: 'Name, notice, and the agency and expected date while they are still the old service\'s, come from the new service; '
        + 'answers to attributes the new service does not ask are dropped. A public history entry names both services; followers are told. '
        + 'The request\'s own service changes nothing.',
      body: ServiceBody,
      response,
    },
  }, async (request) => {
    const { id } = request.params;
    const { jurisdiction, moved } = await moveRequestService(ctx, apiActorOf(request), id, request.body);
    if (moved) await ctx.publicChange?.(request, jurisdiction.id, id);
    return answer(request, jurisdiction.id, id);
  });

  app.post('/requests/:id/duplicate', {
    onRequest: manage,
    schema: {
      ...base,
      summary: 'Mark a request as a duplicate of another and close it',
      description: 'Closes the request as `duplicate` with a public note; followers are told.',
      body: DuplicateBody,
      response,
    },
  }, async (request) => {
    const { id } = request.params;
    const j = await markDuplicate(ctx, apiActorOf(request), id, request.body);
    await ctx.publicChange?.(request, j.id, id);
    return answer(request, j.id, id);
  });
}
