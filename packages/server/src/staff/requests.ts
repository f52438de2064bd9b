/**
 * Staff: requests with the reporter's contact data (only here, never in the
 * public API), their full history, and status changes (agent or admin).
 */
import type { FastifyRequest } from 'fastify';
import type { Jurisdiction } from '@o311/store';
import type { ServiceContext } from '../services/context.js';
import { toStaffRequest } from '../projection/staff.js';
import { projectionContext } from '../georeport/route.js';
import { changeStatus } from '../services/request-status.js';
import { listStaffRequests, staffRequestWithEvents } from '../services/staff.js';
import { apiActorOf } from './actor.js';
import { requirePermission, scopeOf } from './auth.js';
import {
  IdParams, JurisdictionQuery, RequestListQuery, RequestPage, STAFF_TAG, StaffRequest, StatusChangeBody, staffErrors,
} from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

export function requestRoutes(app: StaffApp, ctx: ServiceContext): void {
  const read = requirePermission(ctx.store, 'read');
  const manage = requirePermission(ctx.store, 'manage-requests');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };
  const view = (request: FastifyRequest, j: Jurisdiction) => projectionContext(request, ctx, j);

  app.get('/requests', {
    onRequest: read,
    schema: {
      ...base,
      summary: 'List requests, newest first (with reporter contact data)',
      querystring: RequestListQuery,
      response: { 200: RequestPage, ...staffErrors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const page = await listStaffRequests(ctx, scopeOf(request), request.query);
    const p = view(request, page.jurisdiction);
    return {
      items: page.rows.map((r) => toStaffRequest(r, p)),
      total: page.total,
      page: page.page,
      page_size: page.page_size,
    };
  });

  app.get('/requests/:id', {
    onRequest: read,
    schema: {
      ...base,
      summary: 'One request with its whole history (internal events too)',
      params: IdParams,
      querystring: JurisdictionQuery,
      response: { 200: StaffRequest, ...staffErrors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const found = await staffRequestWithEvents(ctx, scopeOf(request), request.query.jurisdiction_id, request.params.id);
    return toStaffRequest(found.request, view(request, found.jurisdiction), found.events);
  });

  app.post('/requests/:id/status', {
    onRequest: manage,
    schema: {
      ...base,
      summary: 'Change the status of a request',
      description:
        'Any extended status (FixMyStreet set); the public API shows it as open/closed, with the note as ' +
        'status_notes, a new updated_datetime, an `extensions=true` note and a servicerequestupdates entry.',
      params: IdParams,
      body: StatusChangeBody,
      response: { 200: StaffRequest, ...staffErrors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const j = await changeStatus(ctx, apiActorOf(request), request.params.id, request.body);
    await ctx.publicChange?.(request, j.id, request.params.id);
    const found = await staffRequestWithEvents(ctx, scopeOf(request), j.id, request.params.id);
    return toStaffRequest(found.request, view(request, found.jurisdiction), found.events);
  });
}
