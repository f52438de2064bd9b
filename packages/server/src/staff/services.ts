/** Staff: services (with attribute definitions and translations) of a jurisdiction within the token's scope. */
import { Type } from 'typebox';
import type { ServiceContext } from '../services/context.js';
import { toStaffService } from '../projection/staff.js';
import { requireJurisdiction } from '../services/jurisdiction-admin.js';
import { changeService, removeService } from '../services/catalog-changes.js';
import { requireService } from '../services/staff.js';
import { apiActorOf } from './actor.js';
import { requirePermission, scopeOf } from './auth.js';
import { JurisdictionParams, NewServiceBody, STAFF_TAG, Service, ServiceBody, ServiceParams, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

export function serviceRoutes(app: StaffApp, ctx: ServiceContext): void {
  const read = requirePermission(ctx.store, 'read');
  const admin = requirePermission(ctx.store, 'admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };

  app.get('/jurisdictions/:jid/services', {
    onRequest: read,
    schema: {
      ...base,
      summary: 'List services (inactive ones too)',
      params: JurisdictionParams,
      response: { 200: Type.Array(Service), ...staffErrors(401, 403, 404) },
    },
  }, async (request) => {
    const j = await requireJurisdiction(ctx, scopeOf(request), request.params.jid);
    const list = await ctx.store.listServices(j.id, { includeInactive: true });
    return list.map((s) => toStaffService(s, j));
  });

  app.post('/jurisdictions/:jid/services', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Create a service',
      description: 'Attributes are checked: unique codes, unique positive `order`, list types with ≥1 value and unique keys.',
      params: JurisdictionParams,
      body: NewServiceBody,
      response: { 201: Service, ...staffErrors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const j = await requireJurisdiction(ctx, scopeOf(request), request.params.jid);
    const { service_code, ...input } = request.body;
    return reply.code(201).send(toStaffService(await changeService(ctx, apiActorOf(request), j, service_code, input, 'create'), j));
  });

  app.get('/jurisdictions/:jid/services/:code', {
    onRequest: read,
    schema: { ...base, summary: 'One service', params: ServiceParams, response: { 200: Service, ...staffErrors(401, 403, 404) } },
  }, async (request) => {
    const j = await requireJurisdiction(ctx, scopeOf(request), request.params.jid);
    return toStaffService(await requireService(ctx, j, request.params.code), j);
  });

  app.put('/jurisdictions/:jid/services/:code', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Create or replace a service',
      params: ServiceParams,
      body: ServiceBody,
      response: { 200: Service, ...staffErrors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const j = await requireJurisdiction(ctx, scopeOf(request), request.params.jid);
    return toStaffService(await changeService(ctx, apiActorOf(request), j, request.params.code, request.body, 'upsert'), j);
  });

  app.delete('/jurisdictions/:jid/services/:code', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Delete a service',
      params: ServiceParams,
      response: { 204: Type.Null({ description: 'Deleted.' }), ...staffErrors(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const j = await requireJurisdiction(ctx, scopeOf(request), request.params.jid);
    await removeService(ctx, apiActorOf(request), j, request.params.code);
    return reply.code(204).send(null);
  });
}
