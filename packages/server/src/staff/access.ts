/**
 * Staff: API keys (global admins: a key serves every jurisdiction), staff
 * tokens (admins, within their scope) and who am I (any role).
 */
import type { onRequestHookHandler } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { StaffActor } from '../services/staff-actor.js';
import { toApiKeyView, toScopeView, toStaffTokenView } from '../projection/staff.js';
import type { ServiceContext } from '../services/context.js';
import { issueApiKey, issueStaffToken, withdrawApiKey, withdrawStaffToken } from '../services/access.js';
import { apiActorOf } from './actor.js';
import { requirePermission, scopeOf, staffOf } from './auth.js';
import {
  ApiKey, IdParams, Me, NewApiKeyBody, NewStaffTokenBody, STAFF_TAG, Secret, StaffToken, staffErrors,
} from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

export function accessRoutes(app: StaffApp, ctx: ServiceContext): void {
  const read = requirePermission(ctx.store, 'read');
  const admin = requirePermission(ctx.store, 'admin');
  // A key serves every jurisdiction.
  const globalAdmin = requirePermission(ctx.store, 'global-admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };
  const deleted = { 204: Type.Null({ description: 'Revoked.' }), ...staffErrors(401, 403, 404) };

  // API keys and staff tokens have the same three admin routes.
  const listSchema = <T extends TSchema>(summary: string, item: T) =>
    ({ ...base, summary, response: { 200: Type.Array(item), ...staffErrors(401, 403) } });
  const createSchema = <B extends TSchema, R extends TSchema>(summary: string, body: B, created: R) =>
    ({ ...base, summary, body, response: { 201: created, ...staffErrors(400, 401, 403) } });
  const revokeRoute = (
    url: string, summary: string, onRequest: onRequestHookHandler, revoke: (actor: StaffActor, id: string) => Promise<void>,
  ): void => {
    app.delete(url, {
      onRequest,
      schema: { ...base, summary, params: IdParams, response: deleted },
    }, async (request, reply) => {
      await revoke(apiActorOf(request), request.params.id);
      return reply.code(204).send(null);
    });
  };


  app.get('/me', {
    onRequest: read,
    schema: { ...base, summary: 'The staff token in use', response: { 200: Me, ...staffErrors(401) } },
  }, async (request) => {
    const t = staffOf(request);
    return { id: t.id, name: t.name, role: t.role, jurisdictions: toScopeView(t.jurisdictions) };
  });

  app.get('/api-keys', {
    onRequest: globalAdmin,
    schema: listSchema('List API keys', ApiKey),
  }, async () => (await ctx.store.listApiKeys()).map(toApiKeyView));

  app.post('/api-keys', {
    onRequest: globalAdmin,
    schema: createSchema('Create an API key (the secret is shown once)', NewApiKeyBody, Type.Object({ key: ApiKey, secret: Secret })),
  }, async (request, reply) => {
    const created = await issueApiKey(ctx, apiActorOf(request), {
      name: request.body.name,
      rate_limit_per_minute: request.body.rate_limit_per_minute ?? 60,
      trusted: request.body.trusted ?? false,
      client: request.body.client ?? null,
    });
    return reply.code(201).send({ key: toApiKeyView(created.key), secret: created.secret });
  });

  revokeRoute('/api-keys/:id', 'Revoke an API key', globalAdmin, (actor, id) => withdrawApiKey(ctx, actor, id));

  app.get('/staff-tokens', {
    onRequest: admin,
    schema: listSchema('List staff tokens', StaffToken),
  }, async (request) => (await ctx.store.listStaffTokens(scopeOf(request))).map(toStaffTokenView));

  app.post('/staff-tokens', {
    onRequest: admin,
    schema: createSchema('Create a staff token (the secret is shown once)', NewStaffTokenBody, Type.Object({ token: StaffToken, secret: Secret })),
  }, async (request, reply) => {
    const created = await issueStaffToken(ctx, apiActorOf(request), request.body);
    return reply.code(201).send({ token: toStaffTokenView(created.token), secret: created.secret });
  });

  revokeRoute('/staff-tokens/:id', 'Revoke a staff token', admin, (actor, id) => withdrawStaffToken(ctx, actor, id));
}
