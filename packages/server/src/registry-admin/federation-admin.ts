/**
 * The federated endpoint's part of the registry admin (global admins only, the
 * callers' guard): an endpoint's upstream API key, which the router seals
 * with O311_ROUTER_SECRET and never shows again (only whether one is set),
 * and the deliveries of the requests routed to it, with a retry for the ones
 * that failed or died. Each change is audited here; a key never is, in any form.
 */
import { badRequest, conflict, notFound, type Open311Failure } from '@o311/georeport';
import { CredentialError, NO_SECRET_MESSAGE } from '@o311/router';
import { FEDERATED_STATES, type FederatedRequest, type FederatedState } from '@o311/store';
import { queueDelivery } from '../jobs/router-delivery.js';
import { recordAudit } from '../services/audit.js';
import type { ServiceContext } from '../services/context.js';
import type { StaffActor } from '../services/staff-actor.js';

const unknownEndpoint = (slug: string): Open311Failure => notFound(`endpoint '${slug}' does not exist.`);

/** Whether keys can be kept at all (the server has a secret), and whether this endpoint has one. */
export interface UpstreamKeyStatus {
  canStore: boolean;
  set: boolean;
}

/** Why keys cannot be stored, for the admin page and the API: what to set. */
export const CANNOT_STORE_KEYS = NO_SECRET_MESSAGE;

async function existing(ctx: ServiceContext, slug: string): Promise<void> {
  if (!(await ctx.store.getEndpoint(slug))) throw unknownEndpoint(slug);
}

/** 404 for an unknown endpoint. */
export async function upstreamKeyStatus(ctx: ServiceContext, slug: string): Promise<UpstreamKeyStatus> {
  await existing(ctx, slug);
  return { canStore: ctx.routerCredentials !== undefined, set: (await ctx.store.federation.credential(slug)) !== undefined };
}

/** Seals and stores the key (replacing any); 409 without a secret, 400 for a key that cannot be one. */
export async function setUpstreamKey(ctx: ServiceContext, actor: StaffActor, slug: string, apiKey: string): Promise<void> {
  await existing(ctx, slug);
  const box = ctx.routerCredentials;
  if (box === undefined) throw conflict(CANNOT_STORE_KEYS);
  let sealed: string;
  try {
    sealed = box.seal(slug, apiKey.trim());
  } catch (e) {
    if (e instanceof CredentialError) throw badRequest(`upstream_api_key: ${e.message}`);
    throw e;
  }
  const replaced = (await ctx.store.federation.credential(slug)) !== undefined;
  if (!(await ctx.store.federation.setCredential(slug, sealed))) throw unknownEndpoint(slug);
  await recordAudit(ctx, actor, { action: 'registry.endpoint.upstream-key.set', details: { endpoint: slug, replaced } });
}

/** Forgets the key; false when none was set. */
export async function removeUpstreamKey(ctx: ServiceContext, actor: StaffActor, slug: string): Promise<boolean> {
  await existing(ctx, slug);
  if ((await ctx.store.federation.credential(slug)) === undefined) return false;
  await ctx.store.federation.setCredential(slug, null);
  await recordAudit(ctx, actor, { action: 'registry.endpoint.upstream-key.remove', details: { endpoint: slug } });
  return true;
}

/** A delivery as admins see it: state, attempts and error, never the reporter's contact data. */
export interface DeliveryView {
  id: string;
  token: string;
  service_code: string;
  state: FederatedState;
  attempts: number;
  last_error: string | null;
  /** The federated id once the upstream gave one. */
  upstream_id: string | null;
  upstream_token: string | null;
  created_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
}

const toView = (r: FederatedRequest): DeliveryView => ({
  id: r.id, token: r.token, service_code: r.service_code, state: r.state, attempts: r.attempts, last_error: r.last_error,
  upstream_id: r.upstream_id, upstream_token: r.upstream_token, created_at: r.created_at, last_attempt_at: r.last_attempt_at,
  delivered_at: r.delivered_at,
});

export const isDeliveryState = (s: string): s is FederatedState => (FEDERATED_STATES as readonly string[]).includes(s);

/** The endpoint's deliveries, newest first, with their total. */
export async function listDeliveries(
  ctx: ServiceContext,
  slug: string,
  f: { state?: FederatedState; limit: number; offset: number },
): Promise<{ items: DeliveryView[]; total: number }> {
  await existing(ctx, slug);
  const where = { endpoint_slug: slug, ...(f.state !== undefined && { states: [f.state] }) };
  const [items, total] = await Promise.all([
    ctx.store.federation.list({ ...where, limit: f.limit, offset: f.offset }),
    ctx.store.federation.count(where),
  ]);
  return { items: items.map(toView), total };
}

/** Queues a failed or dead delivery again; 404 unknown (or of another endpoint), 409 in another state. */
export async function retryDelivery(ctx: ServiceContext, actor: StaffActor, slug: string, id: string): Promise<void> {
  const r = await ctx.store.federation.get(id);
  if (!r || r.endpoint_slug !== slug) throw notFound(`delivery '${id}' of endpoint '${slug}' does not exist.`);
  if (!(await ctx.store.federation.requeue(id, ctx.now()))) throw conflict(`Only a failed or dead delivery can be retried; this one is ${r.state}.`);
  await queueDelivery(ctx, id);
  await recordAudit(ctx, actor, { action: 'registry.delivery.retry', details: { endpoint: slug, delivery: id, was: r.state } });
}
