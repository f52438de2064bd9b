/**
 * The deliveries log does not grow forever: once a day, delivered, failed and
 * dead deliveries older than 30 days go with their attempts, except each
 * subscriber's newest 50 (what its page shows, however quiet it is); pending
 * ones stay whatever their age (a paused subscriber's wait for its resume).
 */
import type { HistoryPolicy } from '@o311/store';
import type { ServiceContext } from '../services/context.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const WEBHOOK_HISTORY_DAYS = 30;
export const WEBHOOK_HISTORY_KEEP = 50;

export const webhookHistoryPolicy = (now: number): HistoryPolicy => ({ before: now - WEBHOOK_HISTORY_DAYS * DAY_MS, keep: WEBHOOK_HISTORY_KEEP });

/** The deliveries removed. */
export function pruneWebhookHistory(ctx: Pick<ServiceContext, 'store' | 'now'>): Promise<number> {
  return ctx.store.webhooks.pruneDeliveries(webhookHistoryPolicy(ctx.now()));
}
