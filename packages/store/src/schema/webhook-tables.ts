/** Row shapes of the request webhooks' tables (migration 0019, webhook-migration.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WebhookTables {}
