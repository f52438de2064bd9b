/**
 * @o311/monitor: the status monitor of registry endpoints (issue 12). Polls
 * (service list up or down, latency, why it failed), usage samples
 * (comprehensiveness and citizen utilisation), conformance scores, the latency
 * histogram of the hourly rollups, and signed alert webhooks. The records live
 * in the store (`store.monitor`); the server runs the jobs and sends alerts.
 */
export { targetOf, type PollTarget } from './poll-target.js';
export type { PollOptions } from './poll-options.js';
export { pollEndpoint, refusedSample } from './poll.js';
export { pollFailure, type PollFailure } from './poll-error.js';
export { sampleUsage } from './usage.js';
export { forgetDiscoveries, DISCOVERY_TTL_MS } from './endpoint-client.js';
export { LATENCY_BUCKETS, bucketOf, bucketValue, bucketRange, percentile } from './latency-buckets.js';
export { conformanceScore, SEVERITY_WEIGHTS, MEAN_PASSED_WEIGHT, type ScoredSummary } from './conformance-score.js';
export {
  signWebhook, verifyWebhook, webhookPayload, WEBHOOK_SIGNATURE_HEADER, DEFAULT_WEBHOOK_TOLERANCE_S, type WebhookPayload,
} from './webhook.js';
export { pollBatch, DEFAULT_BATCH_CONCURRENCY, DEFAULT_USAGE_EVERY_MS, type BatchDeps } from './batch.js';
export { DEFAULT_FAILURES_TO_OPEN, DEFAULT_SCORE_DROP, RAW_DAYS, HOURLY_DAYS, rollUpOptions } from './retention.js';
export { createLimiter, type Limiter } from './limiter.js';
