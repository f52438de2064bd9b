/** Staff: API keys (admin), staff tokens (admin) and who am I (any role). */
import { Type } from 'typebox';
import { toApiKeyView, toStaffTokenView } from '../projection/staff.js';
import type { ServiceContext } from '../services/context.js';
import { revokeApiKey, revokeStaffToken } from '../services/staff.js';
import { requirePermission, staffOf } from './auth.js';
import {
  ApiKey, IdParams, Me, NewApiKeyBody, NewStaffTokenBody, STAFF_TAG, Secret, StaffToken, staffErrors,
} from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

export function accessRoutes(app: StaffApp, ctx: ServiceContext): void {
  const read = requirePermission(ctx.store, 'read');
  const admin = requirePermission(ctx.store, 'admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };
  const deleted = { 204: Type.Null({ description: 'Revoked.' }), ...staffErrors(401, 403, 404) };

  app.get('/me', {
    onRequest: read,
    schema: { ...base, summary: 'The staff token in use', response: { 200: Me, ...staffErrors(401) } },
  }, async (request) => {
    const t = staffOf(request);
    return { id: t.id, name: t.name, role: t.role };
  });

  app.get('/api-keys', {
    onRequest: admin,
    schema: { ...base, summary: 'List API keys', response: { 200: Type.Array(ApiKey), ...staffErrors(401, 403) } },
  }, async () => (await ctx.store.listApiKeys()).map(toApiKeyView));

  app.post('/api-keys', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Create an API key (the secret is shown once)',
      body: NewApiKeyBody,
      response: { 201: Type.Object({ key: ApiKey, secret: Secret }), ...staffErrors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const created = await ctx.store.createApiKey({
      name: request.body.name,
      rate_limit_per_minute: request.body.rate_limit_per_minute ?? 60,
      trusted: request.body.trusted ?? false,
    });
    return reply.code(201).send({ key: toApiKeyView(created.key), secret: created.secret });
  });

  app.delete('/api-keys/:id', {
    onRequest: admin,
    schema: { ...base, summary: 'Revoke an API key', params: IdParams, response: deleted },
  }, async (request, reply) => {
    await revokeApiKey(ctx, request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/staff-tokens', {
    onRequest: admin,
    schema: { ...base, summary: 'List staff tokens', response: { 200: Type.Array(StaffToken), ...staffErrors(401, 403) } },
  }, async () => (await ctx.store.listStaffTokens()).map(toStaffTokenView));

  app.post('/staff-tokens', {
    onRequest: admin,
    schema: {
      ...base,
      summary: 'Create a staff token (the secret is shown once)',
      body: NewStaffTokenBody,
      response: { 201: Type.Object({ token: StaffToken, secret: Secret }), ...staffErrors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const created = await ctx.store.createStaffToken({ name: request.body.name, role: request.body.role });
    return reply.code(201).send({ token: toStaffTokenView(created.token), secret: created.secret });
  });

  app.delete('/staff-tokens/:id', {
    onRequest: admin,
    schema: { ...base, summary: 'Revoke a staff token', params: IdParams, response: deleted },
  }, async (request, reply) => {
    await revokeStaffToken(ctx, request.params.id);
    return reply.code(204).send(null);
  });
}
