/**
 * Staff: the federated endpoint's part of the registry (global admins: the
 * registry spans every jurisdiction), the same actions as the back office's
 * registry pages: an endpoint's upstream API key (write-only: the answer says
 * only whether one is set) and its deliveries, with retry.
 */
import { Type } from 'typebox';
import { notFound } from '@o311/georeport';
import { optionalDateTime, requiredDateTime } from '../projection/published-date.js';
import {
  isDeliveryState, listDeliveries, removeUpstreamKey, retryDelivery, setUpstreamKey, upstreamKeyStatus, type DeliveryView,
} from '../registry-admin/federation-admin.js';
import type { ServiceContext } from '../services/context.js';
import { MAX_UPSTREAM_KEY_LENGTH } from '@o311/router';
import { FEDERATED_STATES } from '@o311/store';
import { apiActorOf } from './actor.js';
import { requirePermission } from './auth.js';
import { STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 64 }) });
const DeliveryParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 64 }), id: Type.String({ minLength: 1, maxLength: 100 }) });

const KeyStatus = Type.Object({
  can_store: Type.Boolean({ description: 'False when the server runs without O311_ROUTER_SECRET: no key can be set.' }),
  set: Type.Boolean(),
});

const KeyBody = Type.Object({
  api_key: Type.String({ minLength: 1, maxLength: MAX_UPSTREAM_KEY_LENGTH, description: 'The key the endpoint gave this server; stored sealed, never shown again.' }),
});

const Delivery = Type.Object({
  id: Type.String(),
  token: Type.String(),
  service_code: Type.String({ description: "The upstream's own code." }),
  state: Type.Enum([...FEDERATED_STATES]),
  attempts: Type.Integer(),
  last_error: Type.Union([Type.String(), Type.Null()]),
  service_request_id: Type.Union([Type.String(), Type.Null()], { description: 'The federated id (`slug:id`) once delivered.' }),
  requested_datetime: Type.String(),
  last_attempt_datetime: Type.Union([Type.String(), Type.Null()]),
  delivered_datetime: Type.Union([Type.String(), Type.Null()]),
});

const DeliveryQuery = Type.Object({
  state: Type.Optional(Type.Enum([...FEDERATED_STATES])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

const toWire = (slug: string, d: DeliveryView) => ({
  id: d.id,
  token: d.token,
  service_code: d.service_code,
  state: d.state,
  attempts: d.attempts,
  last_error: d.last_error,
  service_request_id: d.upstream_id === null ? null : `${slug}:${d.upstream_id}`,
  requested_datetime: requiredDateTime(d.created_at, 'UTC'),
  last_attempt_datetime: optionalDateTime(d.last_attempt_at, 'UTC'),
  delivered_datetime: optionalDateTime(d.delivered_at, 'UTC'),
});

export function federationRoutes(app: StaffApp, ctx: ServiceContext): void {
  const globalAdmin = requirePermission(ctx.store, 'global-admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };
  const key = '/registry/endpoints/:slug/upstream-key';

  app.get(key, {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'Whether the endpoint has an upstream API key (never the key)', params: SlugParams, response: { 200: KeyStatus, ...staffErrors(401, 403, 404) } },
  }, async (request) => {
    const status = await upstreamKeyStatus(ctx, request.params.slug);
    return { can_store: status.canStore, set: status.set };
  });

  app.put(key, {
    onRequest: globalAdmin,
    schema: { ...base, summary: "Set or replace the endpoint's upstream API key", params: SlugParams, body: KeyBody, response: { 204: Type.Null({ description: 'Stored, sealed.' }), ...staffErrors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await setUpstreamKey(ctx, apiActorOf(request), request.params.slug, request.body.api_key);
    return reply.code(204).send(null);
  });

  app.delete(key, {
    onRequest: globalAdmin,
    schema: { ...base, summary: "Remove the endpoint's upstream API key", params: SlugParams, response: { 204: Type.Null({ description: 'Removed.' }), ...staffErrors(401, 403, 404) } },
  }, async (request, reply) => {
    const { slug } = request.params;
    if (!(await removeUpstreamKey(ctx, apiActorOf(request), slug))) throw notFound(`endpoint '${slug}' has no upstream API key.`);
    return reply.code(204).send(null);
  });

  app.get('/registry/endpoints/:slug/deliveries', {
    onRequest: globalAdmin,
    schema: {
      ...base, summary: 'The requests routed to the endpoint, newest first, with their delivery state', params: SlugParams, querystring: DeliveryQuery,
      response: { 200: Type.Object({ total: Type.Integer(), page: Type.Integer(), page_size: Type.Integer(), items: Type.Array(Delivery) }), ...staffErrors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { slug } = request.params;
    const { state, page = 1, page_size: pageSize = 50 } = request.query;
    const { items, total } = await listDeliveries(ctx, slug, {
      ...(state !== undefined && isDeliveryState(state) && { state }), limit: pageSize, offset: (page - 1) * pageSize,
    });
    return { total, page, page_size: pageSize, items: items.map((d) => toWire(slug, d)) };
  });

  app.post('/registry/endpoints/:slug/deliveries/:id/retry', {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'Queue a failed or dead delivery again', params: DeliveryParams, response: { 204: Type.Null({ description: 'Queued.' }), ...staffErrors(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await retryDelivery(ctx, apiActorOf(request), request.params.slug, request.params.id);
    return reply.code(204).send(null);
  });
}
