/**
 * The SQLite engine's tables, in the store's database file. They are created
 * at start() with `if not exists`: the store's migrations never touch them,
 * and the jobs package stays independent of the store's schema.
 */
import type BetterSqlite3 from 'better-sqlite3';

const TABLES = `
create table if not exists o311_jobs (
  id text primary key,
  name text not null,
  data text not null,
  state text not null check (state in ('queued', 'active', 'retry', 'completed', 'dead')),
  singleton_key text,
  attempts integer not null default 0,
  retry_limit integer not null,
  retry_delay_ms integer not null,
  backoff integer not null,
  lease_ms integer not null,
  created_at integer not null,
  run_at integer not null,
  started_at integer,
  lease_until integer,
  completed_at integer,
  last_error text
);
create index if not exists o311_jobs_due on o311_jobs (name, run_at) where state in ('queued', 'retry');
create unique index if not exists o311_jobs_singleton on o311_jobs (name, singleton_key)
  where singleton_key is not null and state in ('queued', 'retry', 'active');
create index if not exists o311_jobs_lease on o311_jobs (lease_until) where state = 'active';
create index if not exists o311_jobs_state on o311_jobs (state, created_at);
create index if not exists o311_jobs_completed on o311_jobs (completed_at) where state = 'completed';
create table if not exists o311_job_schedules (
  name text primary key,
  cron text not null,
  timezone text not null,
  data text not null,
  options text not null,
  last_tick integer not null
);
`;

/** Opens a connection for the queue: WAL, durable commits, waiting for other processes' locks. */
export function prepareConnection(db: BetterSqlite3.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
}

export function createTables(db: BetterSqlite3.Database): void {
  db.transaction(() => db.exec(TABLES)).immediate();
}
