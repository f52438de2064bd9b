/**
 * Staff: developers' requests for API keys (self-service keys, issue 14):
 * list, approve (the key is mailed to the developer, never answered here),
 * refuse; and the limits of any key. Global admins only: a key serves every jurisdiction.
 */
import { Type } from 'typebox';
import { KEY_REQUEST_STATES, type KeyRequest } from '@o311/store';
import { requiredDateTime, optionalDateTime } from '../projection/published-date.js';
import { toApiKeyView } from '../projection/staff.js';
import type { ServiceContext } from '../services/context.js';
import { approveKeyRequest, limitApiKey, refuseKeyRequest } from '../services/key-requests.js';
import { MAX_RATE_PER_MINUTE } from '../services/setting-bounds.js';
import { apiActorOf } from './actor.js';
import { requirePermission } from './auth.js';
import { ApiKey, DateTime, IdParams, STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const nullableTime = Type.Union([DateTime, Type.Null()]);

const KeyRequestView = Type.Object({
  id: Type.String(),
  state: Type.Enum([...KEY_REQUEST_STATES]),
  email: Type.String({ description: 'The developer\'s verified address (never public).' }),
  name: Type.String(),
  app_name: Type.String(),
  app_url: Type.String(),
  purpose: Type.String(),
  created_datetime: DateTime,
  verified_datetime: nullableTime,
  decided_datetime: nullableTime,
  api_key_id: Type.Union([Type.String(), Type.Null()]),
});

const toKeyRequestView = (r: KeyRequest) => ({
  id: r.id, state: r.state, email: r.email, name: r.name, app_name: r.app_name, app_url: r.app_url, purpose: r.purpose,
  created_datetime: requiredDateTime(r.created_at, 'UTC'),
  verified_datetime: optionalDateTime(r.verified_at, 'UTC'),
  decided_datetime: optionalDateTime(r.decided_at, 'UTC'),
  api_key_id: r.api_key_id,
});

const ListQuery = Type.Object({
  state: Type.Optional(Type.Enum([...KEY_REQUEST_STATES], { description: 'Only requests in this state (e.g. `pending`: waiting for approval).' })),
});

const LimitsBody = Type.Object({
  rate_limit_per_minute: Type.Integer({ minimum: 0, maximum: MAX_RATE_PER_MINUTE, description: '0 = unlimited' }),
  jurisdiction_id: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], { description: 'The one jurisdiction the key may post to; null for any.' }),
});

export function keyRequestRoutes(app: StaffApp, ctx: ServiceContext): void {
  const globalAdmin = requirePermission(ctx.store, 'global-admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };

  app.get('/key-requests', {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'List developers\' requests for API keys, newest first (at most 1,000)', querystring: ListQuery, response: { 200: Type.Array(KeyRequestView), ...staffErrors(400, 401, 403) } },
  }, async (request) =>
    (await ctx.store.keyRequests.list({ ...(request.query.state && { states: [request.query.state] }), limit: 1000 })).map(toKeyRequestView));

  app.post('/key-requests/:id/approve', {
    onRequest: globalAdmin,
    schema: {
      ...base, summary: 'Approve a pending key request: a key is issued and mailed to the developer (its secret is not in this answer)',
      params: IdParams, response: { 200: Type.Object({ request: KeyRequestView, key: ApiKey }), ...staffErrors(401, 403, 404, 409) },
    },
  }, async (request) => {
    const { request: approved, key } = await approveKeyRequest(ctx, apiActorOf(request), request.params.id);
    return { request: toKeyRequestView(approved), key: toApiKeyView(key) };
  });

  app.post('/key-requests/:id/refuse', {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'Refuse a pending key request (the developer is told by mail)', params: IdParams, response: { 200: KeyRequestView, ...staffErrors(401, 403, 404, 409) } },
  }, async (request) => toKeyRequestView(await refuseKeyRequest(ctx, apiActorOf(request), request.params.id)));

  app.patch('/api-keys/:id', {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'Limit an API key: its quota per minute and the one jurisdiction it may post to', params: IdParams, body: LimitsBody, response: { 200: ApiKey, ...staffErrors(400, 401, 403, 404) } },
  }, async (request) => toApiKeyView(await limitApiKey(ctx, apiActorOf(request), request.params.id, request.body)));
}
