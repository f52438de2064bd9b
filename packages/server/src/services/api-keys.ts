/**
 * Who may POST: the api_key (body or query string) must name a live key, and
 * the key's per-minute limit must not be spent.
 */
import { forbidden, invalidApiKey, missingApiKey, tooManyRequests } from '@o311/georeport';
import type { ApiKey } from '@o311/store';
import type { ServiceContext } from './context.js';

export interface KeyRequirement {
  /** servicerequestupdates POST: only keys marked trusted. */
  trusted?: boolean;
}

export async function authorizeKey(
  ctx: ServiceContext,
  secret: string | undefined,
  requirement: KeyRequirement = {},
): Promise<ApiKey> {
  if (secret === undefined || secret === '') throw missingApiKey();
  const key = await ctx.store.findApiKey(secret);
  if (!key || key.revoked_at !== null) throw invalidApiKey();
  if (requirement.trusted && !key.trusted) {
    throw forbidden('This api_key may not post service request updates; ask for a trusted key.');
  }
  const decision = ctx.limiter.hit(key.id, key.rate_limit_per_minute, ctx.now());
  if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  return key;
}
