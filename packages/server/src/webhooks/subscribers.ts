/**
 * Request webhooks as admins manage them, for the back office and the staff
 * API alike (the callers' guard requires the admin role): subscribers within
 * the actor's jurisdictions (another jurisdiction's subscriber answers as an
 * unknown one, 404), their secret (made here, shown once at creation and on
 * rotation, sealed at rest), pause and resume, the deliveries log, replay and
 * a test ping. Every change is audited here; a secret never is.
 */
import { randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound, type Open311Failure } from '@o311/georeport';
import { NO_SECRET_MESSAGE } from '@o311/router';
import {
  inScope, MAX_WEBHOOK_NAME, WEBHOOK_EVENTS, type DeliveryAttempt, type WebhookDelivery, type WebhookEvent, type WebhookState,
  type WebhookSubscriber, type WebhookSubscriberChanges,
} from '@o311/store';
import { recordAudit } from '../services/audit.js';
import { isEmailAddress, MAX_EMAIL_LENGTH } from '../services/email-address.js';
import type { ServiceContext } from '../services/context.js';
import { requireInScope } from '../services/jurisdictions.js';
import type { StaffActor } from '../services/staff-actor.js';
import { webhookAddressProblem } from '../services/outbound-address.js';
import { targetShape } from '../validation/validation-target.js';
import { queueDelivery, sweepDeliveries } from './dispatch.js';
import { pingPayload } from './payload.js';
import { newWebhookSecret, sealSubscriberSecret } from './subscriber-secret.js';
import { activeSubscribers } from './write-hook.js';

/** A subscriber as admins see it: never the sealed secret. */
export type WebhookView = Omit<WebhookSubscriber, 'secret_sealed'> & { last_delivery: WebhookDelivery | null };

export interface WebhookInput {
  jurisdiction_id: string;
  name: string;
  url: string;
  events: readonly string[];
  owner_email: string;
}

export type WebhookPatch = Partial<Omit<WebhookInput, 'jurisdiction_id'>> & { state?: WebhookState };

export const MAX_OWNER_EMAIL = MAX_EMAIL_LENGTH;
const CONTROL = /[\u0000-\u001f\u007f]/;

const unknownWebhook = (id: string): Open311Failure => notFound(`webhook '${id}' does not exist.`);

const view = (s: WebhookSubscriber, last: WebhookDelivery | undefined): WebhookView => {
  const { secret_sealed: _sealed, ...shown } = s;
  return { ...shown, last_delivery: last ?? null };
};

/** The subscriber when it exists and the actor's scope reaches its jurisdiction; else 404. */
async function subscriberOf(ctx: ServiceContext, actor: StaffActor, id: string): Promise<WebhookSubscriber> {
  const s = id.length > 100 ? undefined : await ctx.store.webhooks.getSubscriber(id);
  if (!s || !inScope(actor.scope, s.jurisdiction_id)) throw unknownWebhook(id);
  return s;
}

function checkUrl(value: string, ctx: ServiceContext, problems: string[]): string {
  const shape = targetShape(value);
  if (!shape.ok) {
    problems.push('url: an absolute http(s) URL of at most 2000 characters, without a user name or password.');
    return '';
  }
  const problem = webhookAddressProblem(new URL(shape.url), ctx.discovery.remote.allowPrivate);
  if (problem !== undefined) problems.push(`url: ${problem}`);
  return shape.url;
}

function checkName(value: string, problems: string[]): string {
  const name = value.trim();
  if (name === '' || name.length > MAX_WEBHOOK_NAME || CONTROL.test(name)) problems.push(`name: 1 to ${MAX_WEBHOOK_NAME} characters on one line.`);
  return name;
}

function checkEvents(value: readonly string[], problems: string[]): WebhookEvent[] {
  const events = WEBHOOK_EVENTS.filter((e) => value.includes(e));
  if (events.length === 0 || events.length !== new Set(value).size) problems.push(`events: one or more of ${WEBHOOK_EVENTS.join(', ')}.`);
  return events;
}

function checkEmail(value: string, problems: string[]): string {
  const email = value.trim().toLowerCase();
  if (!isEmailAddress(email)) problems.push('owner_email: the e-mail address told when the webhook is paused.');
  return email;
}

function box(ctx: ServiceContext) {
  if (ctx.routerCredentials === undefined) throw conflict(NO_SECRET_MESSAGE);
  return ctx.routerCredentials;
}

export async function listWebhooks(ctx: ServiceContext, actor: StaffActor, page: { limit: number; offset: number }): Promise<WebhookView[]> {
  const jurisdictions = actor.scope === 'global' ? null : actor.scope;
  const list = await ctx.store.webhooks.listSubscribers({ jurisdictions, limit: page.limit, offset: page.offset });
  const last = await ctx.store.webhooks.lastDeliveries(list.map((s) => s.id));
  return list.map((s) => view(s, last.get(s.id)));
}

export async function getWebhook(ctx: ServiceContext, actor: StaffActor, id: string): Promise<WebhookView> {
  const s = await subscriberOf(ctx, actor, id);
  return view(s, (await ctx.store.webhooks.lastDeliveries([s.id])).get(s.id));
}

/** The new subscriber and its secret, shown this once. */
export async function createWebhook(ctx: ServiceContext, actor: StaffActor, input: WebhookInput): Promise<{ webhook: WebhookView; secret: string }> {
  const j = await requireInScope(ctx.store, actor.scope, input.jurisdiction_id);
  const problems: string[] = [];
  const name = checkName(input.name, problems);
  const url = checkUrl(input.url, ctx, problems);
  const events = checkEvents(input.events, problems);
  const owner_email = checkEmail(input.owner_email, problems);
  if (problems.length > 0) throw badRequest(...problems);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const created = await ctx.store.webhooks.createSubscriber(
    { id, jurisdiction_id: j.id, name, url, events, owner_email, secret_sealed: sealSubscriberSecret(box(ctx), id, secret), created_by: actor.name },
    ctx.now(),
  );
  activeSubscribers(ctx).changed();
  await recordAudit(ctx, actor, { action: 'webhook.create', jurisdiction_id: j.id, details: { webhook: id, name, url, events } });
  return { webhook: view(created, undefined), secret };
}

export async function updateWebhook(ctx: ServiceContext, actor: StaffActor, id: string, patch: WebhookPatch): Promise<WebhookView> {
  const before = await subscriberOf(ctx, actor, id);
  const problems: string[] = [];
  const changes: WebhookSubscriberChanges = {};
  if (patch.name !== undefined) changes.name = checkName(patch.name, problems);
  if (patch.url !== undefined) changes.url = checkUrl(patch.url, ctx, problems);
  if (patch.events !== undefined) changes.events = checkEvents(patch.events, problems);
  if (patch.owner_email !== undefined) changes.owner_email = checkEmail(patch.owner_email, problems);
  if (problems.length > 0) throw badRequest(...problems);
  if (Object.keys(changes).length > 0) {
    if (!(await ctx.store.webhooks.updateSubscriber(id, changes, ctx.now()))) throw unknownWebhook(id);
    await recordAudit(ctx, actor, { action: 'webhook.update', jurisdiction_id: before.jurisdiction_id, details: { webhook: id, ...changes } });
  }
  if (patch.state === 'paused' && before.state === 'active') await pauseWebhook(ctx, actor, id);
  if (patch.state === 'active' && before.state === 'paused') await resumeWebhook(ctx, actor, id);
  return getWebhook(ctx, actor, id);
}

export async function deleteWebhook(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  const s = await subscriberOf(ctx, actor, id);
  if (!(await ctx.store.webhooks.deleteSubscriber(id))) throw unknownWebhook(id);
  await recordAudit(ctx, actor, { action: 'webhook.delete', jurisdiction_id: s.jurisdiction_id, details: { webhook: id, name: s.name, url: s.url } });
}

/** A new secret, shown this once; the old one signs nothing from now on. */
export async function rotateWebhookSecret(ctx: ServiceContext, actor: StaffActor, id: string): Promise<string> {
  const s = await subscriberOf(ctx, actor, id);
  const secret = newWebhookSecret();
  if (!(await ctx.store.webhooks.updateSubscriber(id, { secret_sealed: sealSubscriberSecret(box(ctx), id, secret) }, ctx.now()))) throw unknownWebhook(id);
  await recordAudit(ctx, actor, { action: 'webhook.rotate-secret', jurisdiction_id: s.jurisdiction_id, details: { webhook: id } });
  return secret;
}

/** Nothing new is delivered while paused; what is pending stays. Pausing a paused one changes nothing. */
export async function pauseWebhook(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  const s = await subscriberOf(ctx, actor, id);
  if (await ctx.store.webhooks.pause(id, `paused by ${actor.name}`, ctx.now())) {
    await recordAudit(ctx, actor, { action: 'webhook.pause', jurisdiction_id: s.jurisdiction_id, details: { webhook: id } });
  }
}

/** Active again, its failure counts cleared, and its pending deliveries queued. */
export async function resumeWebhook(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  const s = await subscriberOf(ctx, actor, id);
  if (await ctx.store.webhooks.resume(id, ctx.now())) {
    activeSubscribers(ctx).changed();
    const queued = await sweepDeliveries(ctx, id);
    await recordAudit(ctx, actor, { action: 'webhook.resume', jurisdiction_id: s.jurisdiction_id, details: { webhook: id, queued } });
  }
}

export async function listWebhookDeliveries(
  ctx: ServiceContext, actor: StaffActor, id: string, page: { limit: number; offset: number },
): Promise<Array<WebhookDelivery & { attempt_log: DeliveryAttempt[] }>> {
  await subscriberOf(ctx, actor, id);
  return ctx.store.webhooks.listDeliveries(id, page);
}

async function newDelivery(ctx: ServiceContext, s: WebhookSubscriber, d: Omit<WebhookDelivery, 'state' | 'attempts' | 'created_at' | 'last_attempt_at' | 'delivered_at' | 'subscriber_id'>): Promise<WebhookDelivery> {
  const [created] = await ctx.store.webhooks.addDeliveries([{ ...d, subscriber_id: s.id }], ctx.now());
  if (!created) throw unknownWebhook(s.id);
  // A paused subscriber's delivery waits for its resume.
  if (s.state === 'active') await queueDelivery(ctx, created.id);
  return created;
}

/** A new delivery of the same body (its event id unchanged, so receivers can drop a duplicate), signed afresh. */
export async function replayDelivery(ctx: ServiceContext, actor: StaffActor, id: string, deliveryId: string): Promise<WebhookDelivery> {
  const s = await subscriberOf(ctx, actor, id);
  const original = deliveryId.length > 100 ? undefined : await ctx.store.webhooks.getDelivery(deliveryId);
  if (!original || original.subscriber_id !== s.id) throw notFound(`delivery '${deliveryId}' of webhook '${id}' does not exist.`);
  const replay = await newDelivery(ctx, s, { id: randomUUID(), change_id: null, event: original.event, body: original.body, replay_of: original.id });
  await recordAudit(ctx, actor, { action: 'webhook.replay', jurisdiction_id: s.jurisdiction_id, details: { webhook: id, delivery: original.id, replay: replay.id } });
  return replay;
}

/** A `ping` delivery, to check the receiver and its signature check. */
export async function testWebhook(ctx: ServiceContext, actor: StaffActor, id: string): Promise<WebhookDelivery> {
  const s = await subscriberOf(ctx, actor, id);
  const deliveryId = randomUUID();
  const body = JSON.stringify(pingPayload(deliveryId, s.jurisdiction_id, ctx.now()));
  const ping = await newDelivery(ctx, s, { id: deliveryId, change_id: null, event: 'ping', body, replay_of: null });
  await recordAudit(ctx, actor, { action: 'webhook.test', jurisdiction_id: s.jurisdiction_id, details: { webhook: id, delivery: ping.id } });
  return ping;
}
