/**
 * Staff: jurisdictions CRUD (read: any role; write: admin), within the token's
 * scope; creating, deleting and choosing the primary one: global admins.
 */
import { Type } from 'typebox';
import { notFound } from '@o311/georeport';
import type { ServiceContext } from '../services/context.js';
import { listJurisdictionsIn, requireJurisdiction } from '../services/jurisdiction-admin.js';
import { changeJurisdiction, choosePrimaryJurisdiction, removeJurisdiction } from '../services/jurisdiction-changes.js';
import { apiActorOf } from './actor.js';
import { requireInScope } from '../services/jurisdictions.js';
import { requirePermission, scopeOf } from './auth.js';
import { Jurisdiction, JurisdictionBody, JurisdictionParams, PrimaryJurisdictionBody, STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

export function jurisdictionRoutes(app: StaffApp, ctx: ServiceContext): void {
  const read = requirePermission(ctx.store, 'read');
  const admin = requirePermission(ctx.store, 'admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };

  app.get('/jurisdictions', {
    onRequest: read,
    schema: { ...base, summary: 'List jurisdictions', response: { 200: Type.Array(Jurisdiction), ...staffErrors(401, 403) } },
  }, async (request) => listJurisdictionsIn(ctx, scopeOf(request)));

  app.get('/primary-jurisdiction', {
    onRequest: read,
    schema: {
      ...base,
      summary: 'The primary jurisdiction (what calls without jurisdiction_id and the web apps serve by default)',
      response: { 200: Jurisdiction, ...staffErrors(401, 403, 404) },
    },
  }, async (request) => {
    const primary = await ctx.store.primaryJurisdiction();
    if (!primary) throw notFound('This server has no primary jurisdiction yet.');
    return requireInScope(ctx.store, scopeOf(request), primary.id);
  });

  app.put('/primary-jurisdiction', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Choose the primary jurisdiction (global admins; never a sandbox)',
      body: PrimaryJurisdictionBody,
      response: { 200: Jurisdiction, ...staffErrors(400, 401, 403, 404, 409) },
    },
  }, async (request) => choosePrimaryJurisdiction(ctx, apiActorOf(request), request.body.id));

  app.post('/jurisdictions', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Create a jurisdiction',
      body: Jurisdiction,
      response: { 201: Jurisdiction, ...staffErrors(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await changeJurisdiction(ctx, apiActorOf(request), request.body, 'create')));

  app.get('/jurisdictions/:jid', {
    onRequest: read,
    schema: {
      ...base,
      summary: 'One jurisdiction',
      params: JurisdictionParams,
      response: { 200: Jurisdiction, ...staffErrors(401, 403, 404) },
    },
  }, async (request) => requireJurisdiction(ctx, scopeOf(request), request.params.jid));

  app.put('/jurisdictions/:jid', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Create or replace a jurisdiction',
      params: JurisdictionParams,
      body: JurisdictionBody,
      response: { 200: Jurisdiction, ...staffErrors(400, 401, 403, 404) },
    },
  }, async (request) => changeJurisdiction(ctx, apiActorOf(request), { id: request.params.jid, ...request.body }, 'upsert'));

  app.delete('/jurisdictions/:jid', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Delete a jurisdiction without services',
      params: JurisdictionParams,
      response: { 204: Type.Null({ description: 'Deleted.' }), ...staffErrors(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await removeJurisdiction(ctx, apiActorOf(request), request.params.jid);
    return reply.code(204).send(null);
  });
}
