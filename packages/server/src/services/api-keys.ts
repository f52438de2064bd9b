/**
 * Who may POST: the api_key (body or query string) must name a live key that
 * may post to the jurisdiction, and the key's per-minute quota must not be spent.
 * Quotas are shared by every server process (SharedRateLimiter); a public key's
 * quota (the web app's, the sandbox's: printed for anyone) counts per client
 * address, so one visitor cannot spend everybody's.
 */
import { forbidden, invalidApiKey, missingApiKey, tooManyRequests } from '@o311/georeport';
import type { ApiKey, Jurisdiction } from '@o311/store';
import type { ServiceContext } from './context.js';

export interface KeyRequirement {
  /** servicerequestupdates POST: only keys marked trusted. */
  trusted?: boolean;
}

/** The call being authorized: where it goes and where it comes from. */
export interface KeyUse {
  /** Undefined for the federated endpoint, which only keys not bound to one jurisdiction may use. */
  jurisdiction: Jurisdiction | undefined;
  /** The client's address (the quota of a public key counts per address). */
  clientAddress: string;
}

/** A key's quota: the bucket it counts in and the moment it was taken (to give it back). */
export interface Quota {
  bucket: string;
  takenAt: number;
}

export const quotaBucket = (key: ApiKey, clientAddress: string): string =>
  key.public ? `api-key:${key.id}@${clientAddress}` : `api-key:${key.id}`;

export async function authorizeKey(
  ctx: ServiceContext,
  secret: string | undefined,
  use: KeyUse,
  requirement: KeyRequirement = {},
): Promise<{ key: ApiKey; quota: Quota }> {
  if (secret === undefined || secret === '') throw missingApiKey();
  const key = await ctx.store.findApiKey(secret);
  if (!key || key.revoked_at !== null) throw invalidApiKey();
  if (key.jurisdiction_id !== null && key.jurisdiction_id !== use.jurisdiction?.id) {
    throw forbidden(`This api_key may only post to jurisdiction_id '${key.jurisdiction_id}'.`);
  }
  if (requirement.trusted && !key.trusted) {
    throw forbidden('This api_key may not post service request updates; ask for a trusted key.');
  }
  const quota = { bucket: quotaBucket(key, use.clientAddress), takenAt: ctx.now() };
  const decision = await ctx.postLimits.take(quota.bucket, key.rate_limit_per_minute, quota.takenAt);
  if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  return { key, quota };
}

/**
 * Runs an authorized call; when it fails the quota is given back, so that only
 * accepted calls count (a stream of invalid POSTs spends nobody's quota).
 */
export async function spendingQuota<T>(ctx: ServiceContext, quota: Quota, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    await ctx.postLimits.giveBack(quota.bucket, quota.takenAt);
    throw e;
  }
}
