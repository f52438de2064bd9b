/**
 * Self-service API keys (issue 14, item 11): a developer asks for a key, proves
 * the address by a mailed link, and gets the key by mail at once, or after an
 * admin approves it when the site requires approval (developer-settings.ts).
 * The web apps write the mails (in the developer's language): they set
 * `ctx.keyRequestDecided`, told when a key is issued or a request refused.
 */
import { badRequest, conflict, notFound } from '@o311/georeport';
import { generateSecret, hashSecret, type ApiKey, type KeyLimits, type KeyRequest, type NewKeyRequest } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { developerSettings } from './developer-settings.js';
import { MAX_RATE_PER_MINUTE } from './setting-bounds.js';
import { auditActorOf, type StaffActor } from './staff-actor.js';

/** How long a verification link works. */
export const KEY_REQUEST_LINK_TTL_MS = 24 * 3_600_000;
/** Requests a minute from one client address, and for one e-mail address. */
export const KEY_REQUESTS_PER_MINUTE = { address: 3, email: 2 } as const;
/** The quota of a key issued to a developer (admins may change it). */
export const SELF_SERVICE_RATE_PER_MINUTE = 60;

export type KeyRequestDecision = { kind: 'issued'; request: KeyRequest; key: ApiKey; secret: string } | { kind: 'refused'; request: KeyRequest };

export type KeyAsked =
  | { kind: 'asked'; request: KeyRequest; secret: string }
  | { kind: 'duplicate' }
  | { kind: 'busy'; retryAfterSeconds: number };

export type KeyVerified =
  | { kind: 'issued'; request: KeyRequest; key: ApiKey }
  | { kind: 'pending'; request: KeyRequest }
  | { kind: 'unknown' | 'expired' | 'used' };

export type KeyRequestInput = Omit<NewKeyRequest, 'verify_hash' | 'verify_expires_at'>;

/** Records a request and returns the link's secret (to be mailed); nothing is recorded when a limit is spent. */
export async function askForKey(ctx: ServiceContext, input: KeyRequestInput, clientAddress: string): Promise<KeyAsked> {
  const now = ctx.now();
  for (const [bucket, limit] of [
    [`key-request@${clientAddress}`, KEY_REQUESTS_PER_MINUTE.address],
    [`key-request:${input.email}`, KEY_REQUESTS_PER_MINUTE.email],
  ] as const) {
    const decision = await ctx.postLimits.take(bucket, limit, now);
    if (!decision.allowed) return { kind: 'busy', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const secret = generateSecret('key_request');
  const made = await ctx.store.keyRequests.create({ ...input, verify_hash: hashSecret(secret), verify_expires_at: now + KEY_REQUEST_LINK_TTL_MS }, now);
  return made.ok ? { kind: 'asked', request: made.request, secret } : { kind: 'duplicate' };
}

/** The request a link names, to show before its button is pressed (a GET changes nothing). */
export function keyRequestOfLink(ctx: ServiceContext, secret: string): Promise<KeyRequest | undefined> {
  return ctx.store.keyRequests.findByVerification(hashSecret(secret));
}

/** Issues the key of a pending request; undefined when another decision came first (the new key is revoked). */
async function issue(ctx: ServiceContext, request: KeyRequest, by: string | null): Promise<KeyRequestDecision & { kind: 'issued' } | undefined> {
  const { key, secret } = await ctx.store.createApiKey({ name: request.app_name, rate_limit_per_minute: SELF_SERVICE_RATE_PER_MINUTE, trusted: false });
  const decided = await ctx.store.keyRequests.decide(request.id, { state: 'issued', api_key_id: key.id }, by, ctx.now());
  if (!decided) {
    await ctx.store.revokeApiKey(key.id);
    return undefined;
  }
  const outcome = { kind: 'issued' as const, request: decided, key, secret };
  await ctx.keyRequestDecided?.(outcome);
  return outcome;
}

/** The developer pressed the link's button: the request is verified, then issued unless approval is required. */
export async function verifyKeyRequest(ctx: ServiceContext, secret: string): Promise<KeyVerified> {
  const found = await keyRequestOfLink(ctx, secret);
  if (!found) return { kind: 'unknown' };
  if (found.state !== 'unverified') return { kind: 'used' };
  if (found.verify_expires_at <= ctx.now()) return { kind: 'expired' };
  const verified = await ctx.store.keyRequests.verify(found.id, ctx.now());
  if (!verified) return { kind: 'used' };
  if ((await developerSettings(ctx.store)).approvalRequired) return { kind: 'pending', request: verified };
  const issued = await issue(ctx, verified, null);
  return issued ? { kind: 'issued', request: issued.request, key: issued.key } : { kind: 'used' };
}

async function pendingRequest(ctx: ServiceContext, id: string): Promise<KeyRequest> {
  const request = await ctx.store.keyRequests.get(id);
  if (!request) throw notFound(`key request '${id}' does not exist.`);
  if (request.state !== 'pending') throw conflict(`key request '${id}' is ${request.state}, not pending.`);
  return request;
}

/** 404 for an unknown request, 409 for one not pending (unverified, or decided before). */
export async function approveKeyRequest(ctx: ServiceContext, actor: StaffActor, id: string): Promise<{ request: KeyRequest; key: ApiKey }> {
  const issued = await issue(ctx, await pendingRequest(ctx, id), auditActorOf(actor));
  if (!issued) throw conflict(`key request '${id}' was decided meanwhile.`);
  await recordAudit(ctx, actor, { action: 'key_request.approve', details: { key_request: id, key: issued.key.id } });
  return { request: issued.request, key: issued.key };
}

export async function refuseKeyRequest(ctx: ServiceContext, actor: StaffActor, id: string): Promise<KeyRequest> {
  await pendingRequest(ctx, id);
  const refused = await ctx.store.keyRequests.decide(id, { state: 'refused' }, auditActorOf(actor), ctx.now());
  if (!refused) throw conflict(`key request '${id}' was decided meanwhile.`);
  await ctx.keyRequestDecided?.({ kind: 'refused', request: refused });
  await recordAudit(ctx, actor, { action: 'key_request.refuse', details: { key_request: id } });
  return refused;
}

/** Requests that led to no key are kept this long (the address of someone who never confirmed it, among them). */
export const KEY_REQUESTS_KEPT_MS = 30 * 24 * 3_600_000;

/** The daily `key-requests.prune` job. */
export function pruneKeyRequests(ctx: ServiceContext): Promise<number> {
  return ctx.store.keyRequests.prune(ctx.now() - KEY_REQUESTS_KEPT_MS, ctx.now());
}

/** A key's quota (1 to MAX_RATE_PER_MINUTE, 0 unlimited) and the one jurisdiction it may post to (null: any). */
export async function limitApiKey(ctx: ServiceContext, actor: StaffActor, id: string, limits: KeyLimits): Promise<ApiKey> {
  if (!Number.isInteger(limits.rate_limit_per_minute) || limits.rate_limit_per_minute < 0 || limits.rate_limit_per_minute > MAX_RATE_PER_MINUTE) {
    throw badRequest(`rate_limit_per_minute must be a whole number from 0 to ${MAX_RATE_PER_MINUTE}.`);
  }
  if (limits.jurisdiction_id !== null && !(await ctx.store.getJurisdiction(limits.jurisdiction_id))) {
    throw notFound(`jurisdiction_id '${limits.jurisdiction_id}' does not exist.`);
  }
  const key = await ctx.store.keyRequests.limitKey(id, limits);
  if (!key) throw notFound(`API key '${id}' does not exist.`);
  await recordAudit(ctx, actor, { action: 'api_key.limit', details: { key: id, ...limits } });
  return key;
}
