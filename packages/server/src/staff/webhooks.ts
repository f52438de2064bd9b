/**
 * Staff: request webhooks under /api/v1/webhooks (admins; a scoped admin
 * sees and changes only its jurisdictions' subscribers, others answer 404),
 * the same actions as the back office's webhook pages (webhooks/subscribers.ts).
 * The signing secret is in the answer of a creation and of a rotation only.
 */
import { Type, type TSchema } from 'typebox';
import { DELIVERY_STATES, MAX_ATTEMPT_EXCERPT, MAX_WEBHOOK_NAME, MAX_WEBHOOK_URL, WEBHOOK_EVENTS, WEBHOOK_STATES, type DeliveryAttempt, type WebhookDelivery } from '@o311/store';
import { optionalDateTime, requiredDateTime } from '../projection/published-date.js';
import type { ServiceContext } from '../services/context.js';
import {
  MAX_OWNER_EMAIL, createWebhook, deleteWebhook, getWebhook, listWebhookDeliveries, listWebhooks, replayDelivery, rotateWebhookSecret,
  testWebhook, updateWebhook, type WebhookView,
} from '../webhooks/subscribers.js';
import { apiActorOf } from './actor.js';
import { requirePermission } from './auth.js';
import { STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const MAX_PAGE_SIZE = 100;

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const DeliveryParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), delivery: Type.String({ minLength: 1, maxLength: 100 }) });
const Paging = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })),
});

const Events = Type.Array(Type.Enum([...WEBHOOK_EVENTS]), {
  minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true,
  description: '`created`: a new request; `updated`: its public record changed (status, public note, expected date); `closed`: it was closed.',
});
const Name = Type.String({ minLength: 1, maxLength: MAX_WEBHOOK_NAME });
const Url = Type.String({ minLength: 1, maxLength: MAX_WEBHOOK_URL, description: 'Where deliveries are POSTed (http or https; private and loopback addresses only when the server allows private endpoints).' });
const OwnerEmail = Type.String({ minLength: 3, maxLength: MAX_OWNER_EMAIL, description: 'Told by e-mail when the webhook is paused after failing.' });

const Delivery = Type.Object({
  id: Type.String({ description: 'Sent as X-O311-Delivery.' }),
  event: Type.String({ description: '`request.created`, `request.updated`, `request.closed` or `ping` (sent as X-O311-Event).' }),
  state: Type.Enum([...DELIVERY_STATES], { description: '`failed`: refused for good (a 4xx other than 408 and 429); `dead`: its retries ran out.' }),
  attempts: Type.Integer(),
  replay_of: nullable(Type.String()),
  created_datetime: Type.String(),
  last_attempt_datetime: nullable(Type.String()),
  delivered_datetime: nullable(Type.String()),
});

const Attempt = Type.Object({
  datetime: Type.String(),
  http_status: nullable(Type.Integer({ description: "The receiver's status; null without an answer." })),
  error: nullable(Type.String({ description: 'Why there was no answer: timeout, connection, dns, private-address, bad-url, no-secret, …' })),
  latency_ms: Type.Integer(),
  excerpt: Type.String({ maxLength: MAX_ATTEMPT_EXCERPT, description: `The start of the answer (at most ${MAX_ATTEMPT_EXCERPT} characters, control characters removed).` }),
});

const Webhook = Type.Object({
  id: Type.String(),
  jurisdiction_id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  events: Events,
  owner_email: Type.String(),
  state: Type.Enum([...WEBHOOK_STATES], { description: '`paused`: nothing new is delivered; deliveries not made yet wait for its resume.' }),
  paused_datetime: nullable(Type.String()),
  pause_reason: nullable(Type.String()),
  consecutive_failures: Type.Integer({ description: 'Deliveries in a row that failed for good; paused at 10 (or after a day of failures).' }),
  created_datetime: Type.String(),
  created_by: Type.String(),
  last_delivery: nullable(Delivery),
});

const Created = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: 'The signing secret: shown this once. Verify X-O311-Signature with it (README, "Webhooks").' }),
});

const CreateBody = Type.Object({
  jurisdiction_id: Type.String({ minLength: 1, maxLength: 200 }),
  name: Name,
  url: Url,
  events: Events,
  owner_email: OwnerEmail,
}, { additionalProperties: false });

const PatchBody = Type.Object({
  name: Type.Optional(Name),
  url: Type.Optional(Url),
  events: Type.Optional(Events),
  owner_email: Type.Optional(OwnerEmail),
  state: Type.Optional(Type.Enum([...WEBHOOK_STATES], { description: '`paused` pauses it; `active` resumes it and queues what is pending.' })),
}, { additionalProperties: false });

const utc = (ms: number) => requiredDateTime(ms, 'UTC');

const deliveryWire = (d: WebhookDelivery) => ({
  id: d.id, event: d.event, state: d.state, attempts: d.attempts, replay_of: d.replay_of, created_datetime: utc(d.created_at),
  last_attempt_datetime: optionalDateTime(d.last_attempt_at, 'UTC'), delivered_datetime: optionalDateTime(d.delivered_at, 'UTC'),
});

const attemptWire = (a: DeliveryAttempt) => ({ datetime: utc(a.at), http_status: a.http_status, error: a.error, latency_ms: a.latency_ms, excerpt: a.excerpt });

const webhookWire = (w: WebhookView) => ({
  id: w.id, jurisdiction_id: w.jurisdiction_id, name: w.name, url: w.url, events: w.events, owner_email: w.owner_email, state: w.state,
  paused_datetime: optionalDateTime(w.paused_at, 'UTC'), pause_reason: w.pause_reason, consecutive_failures: w.consecutive_failures,
  created_datetime: utc(w.created_at), created_by: w.created_by, last_delivery: w.last_delivery && deliveryWire(w.last_delivery),
});

const page = (q: { page?: number; page_size?: number }) => {
  const size = q.page_size ?? 20;
  return { limit: size, offset: ((q.page ?? 1) - 1) * size };
};

export function webhookRoutes(app: StaffApp, ctx: ServiceContext): void {
  const admin = requirePermission(ctx.store, 'admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };
  const one = '/webhooks/:id';

  app.get('/webhooks', {
    onRequest: admin,
    schema: { ...base, summary: 'Request webhooks of your jurisdictions, newest first', querystring: Paging, response: { 200: Type.Array(Webhook), ...staffErrors(400, 401, 403) } },
  }, async (request) => (await listWebhooks(ctx, apiActorOf(request), page(request.query))).map(webhookWire));

  app.post('/webhooks', {
    onRequest: admin,
    schema: {
      ...base, summary: 'Register a webhook for request changes of one jurisdiction (the answer holds its secret, shown once)',
      body: CreateBody, response: { 201: Created, ...staffErrors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { webhook, secret } = await createWebhook(ctx, apiActorOf(request), request.body);
    return reply.code(201).send({ ...webhookWire(webhook), secret });
  });

  app.get(one, {
    onRequest: admin,
    schema: { ...base, summary: 'One webhook (never its secret)', params: IdParams, response: { 200: Webhook, ...staffErrors(401, 403, 404) } },
  }, async (request) => webhookWire(await getWebhook(ctx, apiActorOf(request), request.params.id)));

  app.patch(one, {
    onRequest: admin,
    schema: { ...base, summary: 'Change, pause or resume a webhook', params: IdParams, body: PatchBody, response: { 200: Webhook, ...staffErrors(400, 401, 403, 404) } },
  }, async (request) => webhookWire(await updateWebhook(ctx, apiActorOf(request), request.params.id, request.body)));

  app.delete(one, {
    onRequest: admin,
    schema: { ...base, summary: 'Remove a webhook with its deliveries log', params: IdParams, response: { 204: Type.Null({ description: 'Removed.' }), ...staffErrors(401, 403, 404) } },
  }, async (request, reply) => {
    await deleteWebhook(ctx, apiActorOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post(`${one}/rotate-secret`, {
    onRequest: admin,
    schema: {
      ...base, summary: 'Replace the signing secret (the answer holds the new one, shown once)', params: IdParams,
      response: { 200: Type.Object({ secret: Type.String() }), ...staffErrors(401, 403, 404, 409) },
    },
  }, async (request) => ({ secret: await rotateWebhookSecret(ctx, apiActorOf(request), request.params.id) }));

  app.get(`${one}/deliveries`, {
    onRequest: admin,
    schema: {
      ...base, summary: "The webhook's deliveries, newest first, each with its attempts", params: IdParams, querystring: Paging,
      response: { 200: Type.Array(Type.Object({ ...Delivery.properties, attempt_log: Type.Array(Attempt) })), ...staffErrors(400, 401, 403, 404) },
    },
  }, async (request) =>
    (await listWebhookDeliveries(ctx, apiActorOf(request), request.params.id, page(request.query)))
      .map((d) => ({ ...deliveryWire(d), attempt_log: d.attempt_log.map(attemptWire) })));

  app.post(`${one}/deliveries/:delivery/replay`, {
    onRequest: admin,
    schema: {
      ...base, summary: 'Send a delivery again: a new delivery of the same body, signed afresh', params: DeliveryParams,
      response: { 202: Delivery, ...staffErrors(401, 403, 404) },
    },
  }, async (request, reply) => reply.code(202).send(deliveryWire(await replayDelivery(ctx, apiActorOf(request), request.params.id, request.params.delivery))));

  app.post(`${one}/test`, {
    onRequest: admin,
    schema: { ...base, summary: 'Send a `ping` delivery to check the receiver', params: IdParams, response: { 202: Delivery, ...staffErrors(401, 403, 404) } },
  }, async (request, reply) => reply.code(202).send(deliveryWire(await testWebhook(ctx, apiActorOf(request), request.params.id))));
}
