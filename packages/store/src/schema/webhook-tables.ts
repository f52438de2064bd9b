/** Row shapes of the request webhooks' tables (migration 0019, webhook-migration.ts; see webhooks.ts). */

export interface WebhookSubscribersTable {
  id: string;
  jurisdiction_id: string;
  name: string;
  url: string;
  /** JSON: WebhookEvent[] */
  events: string;
  secret_sealed: string;
  owner_email: string;
  state: string;
  paused_at: number | null;
  pause_reason: string | null;
  consecutive_failures: number;
  failing_since: number | null;
  created_at: number;
  created_by: string;
  updated_at: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscriber_id: string;
  /** Unique per subscriber where set. */
  change_id: number | null;
  event: string;
  body: string;
  replay_of: string | null;
  state: string;
  attempts: number;
  created_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  /** 1 for the first attempt. */
  n: number;
  at: number;
  http_status: number | null;
  error: string | null;
  latency_ms: number;
  excerpt: string;
}

export interface WebhookTables {
  webhook_subscribers: WebhookSubscribersTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
