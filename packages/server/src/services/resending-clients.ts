/**
 * Client programs that take the spec's blackbox receipt (neither id nor token)
 * for a failure and post the same request again, and which of them post to a
 * blackbox service: the services editor warns about it, so that the city can
 * choose a receipt with an id for that service (ServiceRecord.blackbox_receipt).
 */
import type { ApiClient, ApiKey, Jurisdiction, ServiceRecord } from '@o311/store';
import type { ServiceContext } from './context.js';

/**
 * - fixmystreet: perllib/Open311.pm (mysociety/fixmystreet) returns the receipt's
 *   service_request_id, or resolves its token; with neither the send counts as
 *   failed, and the report is sent again at the next run: duplicates at the city.
 * - open311_java: throws when the receipt holds neither.
 */
export const RESENDING_CLIENTS: ReadonlySet<ApiClient> = new Set<ApiClient>(['fixmystreet', 'open311_java']);

/** How far back "posted recently" looks. */
export const RECENT_POSTS_MS = 30 * 24 * 3_600_000;

export interface ResendRisk {
  /** Live keys of resending clients that posted to the service recently, with how many requests. */
  posted: { key: ApiKey; requests: number }[];
  /** Live keys of resending clients that may post to the jurisdiction but did not post to the service recently. */
  idle: ApiKey[];
}

/**
 * For a blackbox service that gives the spec's receipt: the keys of resending
 * clients that posted to it in the last 30 days, and those that could. Undefined
 * when there is nothing to warn about.
 */
export async function resendRisk(ctx: ServiceContext, j: Jurisdiction, service: ServiceRecord): Promise<ResendRisk | undefined> {
  if (service.type !== 'blackbox' || service.blackbox_receipt !== 'none') return undefined;
  const keys = (await ctx.store.listApiKeys()).filter(
    (k) => k.revoked_at === null && k.client !== null && RESENDING_CLIENTS.has(k.client) && (k.jurisdiction_id ?? j.id) === j.id,
  );
  if (keys.length === 0) return undefined;
  const counts = new Map((await ctx.store.postersOf(j.id, service.service_code, ctx.now() - RECENT_POSTS_MS)).map((p) => [p.api_key_id, p.requests]));
  return {
    posted: keys.filter((k) => counts.has(k.id)).map((key) => ({ key, requests: counts.get(key.id) ?? 0 })),
    idle: keys.filter((k) => !counts.has(k.id)),
  };
}
