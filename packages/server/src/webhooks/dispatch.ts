/**
 * A `webhooks.dispatch` job: the request changes after the `webhooks` cursor
 * become deliveries, one per change and active subscriber of its
 * jurisdiction that wants its kind and existed when it happened (`rebuild`
 * never), each stored with its body before its job is queued; then the
 * cursor moves on. Run again after a crash, it inserts nothing twice (one
 * delivery per subscriber and change) and the sweep queues what was stored
 * without a job. Runs every minute and right after each write (queueDispatch).
 */
import { randomUUID } from 'node:crypto';
import type { Jurisdiction, NewWebhookDelivery, RequestChange, WebhookSubscriber } from '@o311/store';
import { JOB, type WebhookDeliveryData } from '../jobs/job-names.js';
import type { ServiceContext } from '../services/context.js';
import { changePayload, publicRequest } from './payload.js';
import { webhookDeliverOptions, webhookDispatchOptions } from './webhook-options.js';

export type WebhookServices = Pick<ServiceContext, 'store' | 'jobs' | 'now' | 'origin' | 'routerCredentials'>;

/** The change feed consumer's name. */
export const WEBHOOK_CURSOR = 'webhooks';
/** Changes one round reads. */
const BATCH = 500;
/** Rounds one dispatch runs at most (a backlog is taken by the next one). */
const MAX_ROUNDS = 20;
/** Pending deliveries this old without a job are queued again by the sweep. */
const SWEEP_AFTER_MS = 60_000;
const SWEEP_LIMIT = 500;
/** Subscribers of one jurisdiction a change is delivered to at most. */
const MAX_SUBSCRIBERS = 1000;

type RequestKind = 'created' | 'updated' | 'closed';
const isRequestChange = (c: RequestChange): c is RequestChange & { kind: RequestKind; request_id: string } =>
  c.kind !== 'rebuild' && c.request_id !== null;

export function queueDispatch(ctx: Pick<ServiceContext, 'jobs'>): Promise<string | undefined> {
  return ctx.jobs.enqueue(JOB.webhooksDispatch, {}, webhookDispatchOptions());
}

export function queueDelivery(ctx: Pick<ServiceContext, 'jobs'>, deliveryId: string): Promise<string | undefined> {
  const data: WebhookDeliveryData = { deliveryId };
  return ctx.jobs.enqueue(JOB.webhooksDeliver, data, webhookDeliverOptions(data));
}

/** The deliveries stored by this run. */
export async function dispatchWebhooks(ctx: WebhookServices): Promise<number> {
  let stored = 0;
  const subscribers = new Map<string, WebhookSubscriber[]>();
  const jurisdictions = new Map<string, Jurisdiction | undefined>();
  const subscribersOf = async (id: string) => {
    let list = subscribers.get(id);
    if (!list) {
      list = await ctx.store.webhooks.listSubscribers({ jurisdictions: [id], states: ['active'], limit: MAX_SUBSCRIBERS });
      subscribers.set(id, list);
    }
    return list;
  };
  const jurisdiction = async (id: string) => {
    if (!jurisdictions.has(id)) jurisdictions.set(id, await ctx.store.getJurisdiction(id));
    return jurisdictions.get(id);
  };
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const cursor = await ctx.store.changes.cursor(WEBHOOK_CURSOR);
    const changes = await ctx.store.changes.after(cursor, BATCH, ctx.now());
    if (changes.length === 0) break;
    const rows: NewWebhookDelivery[] = [];
    for (const change of changes) {
      if (!isRequestChange(change)) continue;
      const wanting = (await subscribersOf(change.jurisdiction_id)).filter((s) => s.events.includes(change.kind) && s.created_at <= change.at);
      const j = wanting.length === 0 ? undefined : await jurisdiction(change.jurisdiction_id);
      // The request is gone (a sandbox reset): nothing to tell.
      const request = j && (await publicRequest(ctx, j, change.request_id));
      if (!j || request === undefined) continue;
      for (const s of wanting) {
        const id = randomUUID();
        const payload = changePayload(j, change, request, id);
        rows.push({ id, subscriber_id: s.id, change_id: change.id, event: payload.event, body: JSON.stringify(payload), replay_of: null });
      }
    }
    const inserted = await ctx.store.webhooks.addDeliveries(rows, ctx.now());
    for (const d of inserted) await queueDelivery(ctx, d.id);
    stored += inserted.length;
    await ctx.store.changes.saveCursor(WEBHOOK_CURSOR, changes[changes.length - 1]!.id);
    if (changes.length < BATCH) break;
  }
  await sweepDeliveries(ctx);
  return stored;
}

/**
 * Queues a delivery job for every pending delivery of an active subscriber
 * stored a minute ago or more: one still waiting for its retry keeps the new
 * one out (singleton key), so only those that lost theirs (a crash between
 * the insert and the enqueue, a worker that died on its last attempt) get one.
 */
export async function sweepDeliveries(ctx: Pick<WebhookServices, 'store' | 'jobs' | 'now'>, subscriberId?: string): Promise<number> {
  const before = subscriberId === undefined ? ctx.now() - SWEEP_AFTER_MS : ctx.now() + 1;
  const pending = await ctx.store.webhooks.pendingDeliveries({ before, limit: SWEEP_LIMIT, ...(subscriberId !== undefined && { subscriber_id: subscriberId }) });
  let queued = 0;
  for (const d of pending) if ((await queueDelivery(ctx, d.id)) !== undefined) queued += 1;
  return queued;
}
