/** How a queue is opened: settings common to both engines, each with a default. */

export interface JobQueueOptions {
  /**
   * How often expired leases, cron schedules and old completed jobs are
   * looked after, ms. SQLite: default 1000 (an idle round only reads).
   * PostgreSQL: default 30 s for pg-boss's maintenance (leases, archive),
   * which runs SQL on the job table; cron is checked every 5 s or this
   * interval if shorter; whole seconds, rounded up.
   */
  maintenanceIntervalMs?: number;
  /** Completed jobs stay listed this long, ms (default 7 days). */
  completedRetentionMs?: number;
  /**
   * Errors of the queue's own loops (claiming, maintenance, the database
   * connection). A handler's error is not one: it fails its attempt.
   * Default: written to stderr.
   */
  onError?: (error: unknown) => void;
  /** SQLite: how long a write waits for another process's lock, ms (default 5000). */
  busyTimeoutMs?: number;
  /** PostgreSQL: the schema of pg-boss's tables (default `pgboss`). */
  schema?: string;
  /** PostgreSQL: connections of this process's pool (default 4). */
  poolSize?: number;
}

export const QUEUE_DEFAULTS = {
  maintenanceIntervalMs: 1000,
  postgresMaintenanceIntervalMs: 30_000,
  postgresCronIntervalMs: 5000,
  completedRetentionMs: 7 * 24 * 3600 * 1000,
  busyTimeoutMs: 5000,
  schema: 'pgboss',
  poolSize: 4,
} as const;

export const logError = (error: unknown): void => {
  console.error('o311 jobs:', error);
};
