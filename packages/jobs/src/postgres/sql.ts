/**
 * The SQL the PostgreSQL engine adds to pg-boss: the admin view (pg-boss 10
 * has no list API), an admin retry that resets the attempts, and the index
 * that gives singleton keys this queue's meaning. All on pg-boss's own tables.
 */

/** pg-boss's own queues (cron hand-off) are not o311 jobs. */
const OURS = `name !~ '^__pgboss__'`;

const COLUMNS = `id, name, state, data, singleton_key, retry_count, retry_limit, start_after, started_on, created_on, completed_on,
  coalesce(output->>'message', output->'value'->>'message') as last_error`;

/**
 * At most one pending (created, retry or active) job per name and singleton
 * key. pg-boss's policies are per state ("stately" allows one of each), so
 * this unique index, on the partitioned job table and hence on every queue's
 * partition, does it; pg-boss's inserts already skip conflicts.
 */
export const createSingletonIndex = (schema: string): string => `
  BEGIN;
  SELECT pg_advisory_xact_lock(hashtext('o311 jobs: ${schema} singleton index'));
  CREATE UNIQUE INDEX IF NOT EXISTS o311_job_singleton ON ${schema}.job (name, singleton_key)
    WHERE singleton_key IS NOT NULL AND state < 'completed' AND ${OURS};
  COMMIT;`;

/**
 * pg-boss's create_queue() adds a partition to the job table; two processes
 * creating queues at once deadlock there, so creators take turns. The name is
 * a checked job name (letters, digits, ".", "_", "-"), safe in a literal.
 */
export const createQueue = (schema: string, name: string): string => `
  BEGIN;
  SET LOCAL lock_timeout = '30s';
  SELECT pg_advisory_xact_lock(hashtext('o311 jobs: ${schema} queues'));
  SELECT ${schema}.create_queue('${name.replaceAll("'", "''")}', '{"policy":"standard"}'::json);
  COMMIT;`;

export const getJob = (schema: string): string =>
  `SELECT ${COLUMNS} FROM ${schema}.job WHERE id = $1 AND state <> 'cancelled' AND ${OURS}`;

/** $1: pg-boss states or null for all, $2: name or null, $3: limit, $4: offset. */
export const listJobs = (schema: string): string => `
  SELECT ${COLUMNS} FROM ${schema}.job
   WHERE state <> 'cancelled' AND ${OURS}
     AND ($1::text[] IS NULL OR state::text = ANY ($1::text[]))
     AND ($2::text IS NULL OR name = $2)
   ORDER BY created_on DESC, id DESC
   LIMIT $3 OFFSET $4`;

export const countJobs = (schema: string): string =>
  `SELECT state::text AS state, count(*)::int AS n FROM ${schema}.job WHERE ${OURS} GROUP BY state`;

/** A dead or retry-waiting job, due now, as if never tried (pg-boss's own retry() keeps the count). */
export const retryJob = (schema: string): string => `
  UPDATE ${schema}.job
     SET state = 'created', retry_count = 0, started_on = NULL, completed_on = NULL, output = NULL, start_after = now()
   WHERE id = $1 AND state IN ('failed', 'retry') AND ${OURS}
  RETURNING name`;

export const discardJob = (schema: string): string =>
  `DELETE FROM ${schema}.job WHERE id = $1 AND state IN ('created', 'retry', 'failed') AND ${OURS}`;

/** A row of getJob / listJobs. */
export interface PgJobRow {
  id: string;
  name: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  data: unknown;
  singleton_key: string | null;
  retry_count: number;
  retry_limit: number;
  start_after: Date;
  started_on: Date | null;
  created_on: Date;
  completed_on: Date | null;
  last_error: string | null;
}
