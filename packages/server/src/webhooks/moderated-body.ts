/**
 * The body a delivery POSTs: its stored body, unless the request it carries
 * was moderated after the delivery was stored (a text redacted, a photo
 * hidden while it waited for a retry, or a replay of an old one): then the
 * request as the public API shows it now, so what leaves after moderation is
 * moderated. The event, its id and time stay; the stored row keeps the
 * original (its log is for admins).
 */
import type { WebhookDelivery } from '@o311/store';
import type { WebhookServices } from './dispatch.js';
import { publicRequest, type WebhookPayload } from './payload.js';

function parsed(body: string): WebhookPayload | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as WebhookPayload) : undefined;
  } catch {
    return undefined;
  }
}

export async function bodyToSend(ctx: Pick<WebhookServices, 'store' | 'origin'>, d: WebhookDelivery): Promise<string> {
  const payload = parsed(d.body);
  const shown = payload?.service_request as { service_request_id?: unknown } | undefined;
  const id = shown?.service_request_id;
  if (!payload || typeof id !== 'string') return d.body;
  const j = await ctx.store.getJurisdiction(payload.jurisdiction_id);
  if (!j) return d.body;
  const log = await ctx.store.moderation.list(j.id, id);
  if (!log.some((e) => e.at >= d.created_at)) return d.body;
  const now = await publicRequest(ctx, j, id);
  return now === undefined ? d.body : JSON.stringify({ ...payload, service_request: now });
}
