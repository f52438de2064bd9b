/**
 * Every SQL statement of the SQLite engine, prepared once per connection.
 * Claims, completions and failures run inside `BEGIN IMMEDIATE` transactions
 * (see sqlite-queue.ts), so processes sharing the file take turns.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { JobState } from '../queue.js';
import type { JobRow, ScheduleRow } from './rows.js';

export interface NewJobRow {
  id: string;
  name: string;
  data: string;
  singletonKey: string | null;
  retryLimit: number;
  retryDelayMs: number;
  backoff: number;
  leaseMs: number;
  createdAt: number;
  runAt: number;
}

type Stmt<P extends unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

export interface Statements {
  insert: Stmt<[NewJobRow]>;
  anyDue: Stmt<[{ name: string; now: number }], { id: string }>;
  claim: Stmt<[{ name: string; now: number; max: number }], JobRow>;
  complete: Stmt<[{ id: string; attempts: number; now: number }]>;
  activeAttempt: Stmt<[{ id: string; attempts: number }], JobRow>;
  failAttempt: Stmt<[{ id: string; state: JobState; runAt: number; now: number; error: string }]>;
  expiredLeases: Stmt<[{ now: number }], JobRow>;
  oldestCompleted: Stmt<[{ before: number }], { id: string }>;
  dropCompleted: Stmt<[{ before: number }]>;
  get: Stmt<[string], JobRow>;
  counts: Stmt<[], { state: JobState; n: number }>;
  retry: Stmt<[{ id: string; now: number }]>;
  discard: Stmt<[string]>;
  upsertSchedule: Stmt<[ScheduleRow]>;
  deleteSchedule: Stmt<[string]>;
  schedules: Stmt<[], ScheduleRow>;
  /** The compare-and-set that lets exactly one process fire a tick. */
  advanceTick: Stmt<[{ name: string; from: number; to: number }]>;
  /** The list query for one filter (built per call: its shape depends on which filters are set). */
  list(filter: { states: readonly JobState[] | undefined; name: string | undefined; limit: number; offset: number }): JobRow[];
}

export function prepareStatements(db: BetterSqlite3.Database): Statements {
  const insert = db.prepare<[NewJobRow]>(`
    insert into o311_jobs (id, name, data, state, singleton_key, retry_limit, retry_delay_ms, backoff, lease_ms, created_at, run_at)
    values (@id, @name, @data, 'queued', @singletonKey, @retryLimit, @retryDelayMs, @backoff, @leaseMs, @createdAt, @runAt)
    on conflict do nothing`);
  const anyDue = db.prepare<[{ name: string; now: number }], { id: string }>(
    `select id from o311_jobs where name = @name and state in ('queued', 'retry') and run_at <= @now limit 1`,
  );
  const claim = db.prepare<[{ name: string; now: number; max: number }], JobRow>(`
    update o311_jobs
       set state = 'active', attempts = attempts + 1, started_at = @now, lease_until = @now + lease_ms
     where id in (select id from o311_jobs
                   where name = @name and state in ('queued', 'retry') and run_at <= @now
                   order by run_at, created_at limit @max)
    returning *`);
  const complete = db.prepare<[{ id: string; attempts: number; now: number }]>(`
    update o311_jobs set state = 'completed', completed_at = @now, lease_until = null, last_error = null
     where id = @id and state = 'active' and attempts = @attempts`);
  const activeAttempt = db.prepare<[{ id: string; attempts: number }], JobRow>(
    `select * from o311_jobs where id = @id and state = 'active' and attempts = @attempts`,
  );
  const failAttempt = db.prepare<[{ id: string; state: JobState; runAt: number; now: number; error: string }]>(`
    update o311_jobs
       set state = @state, run_at = @runAt, lease_until = null, last_error = @error,
           completed_at = case when @state = 'dead' then @now end
     where id = @id`);
  const expiredLeases = db.prepare<[{ now: number }], JobRow>(
    `select * from o311_jobs where state = 'active' and lease_until <= @now`,
  );
  const oldestCompleted = db.prepare<[{ before: number }], { id: string }>(
    `select id from o311_jobs where state = 'completed' and completed_at < @before limit 1`,
  );
  const dropCompleted = db.prepare<[{ before: number }]>(
    `delete from o311_jobs where state = 'completed' and completed_at < @before`,
  );
  const get = db.prepare<[string], JobRow>(`select * from o311_jobs where id = ?`);
  const counts = db.prepare<[], { state: JobState; n: number }>(
    `select state, count(*) as n from o311_jobs group by state`,
  );
  const retry = db.prepare<[{ id: string; now: number }]>(`
    update or ignore o311_jobs
       set state = 'queued', attempts = 0, run_at = @now, started_at = null, completed_at = null
     where id = @id and state in ('dead', 'retry')`);
  const discard = db.prepare<[string]>(`delete from o311_jobs where id = ? and state in ('queued', 'retry', 'dead')`);
  const upsertSchedule = db.prepare<[ScheduleRow]>(`
    insert into o311_job_schedules (name, cron, timezone, data, options, last_tick)
    values (@name, @cron, @timezone, @data, @options, @last_tick)
    on conflict (name) do update set
      cron = excluded.cron, timezone = excluded.timezone, data = excluded.data, options = excluded.options,
      last_tick = case when o311_job_schedules.cron = excluded.cron and o311_job_schedules.timezone = excluded.timezone
                       then o311_job_schedules.last_tick else excluded.last_tick end`);
  const deleteSchedule = db.prepare<[string]>(`delete from o311_job_schedules where name = ?`);
  const schedules = db.prepare<[], ScheduleRow>(`select * from o311_job_schedules`);
  const advanceTick = db.prepare<[{ name: string; from: number; to: number }]>(
    `update o311_job_schedules set last_tick = @to where name = @name and last_tick = @from`,
  );

  return {
    insert,
    anyDue,
    claim,
    complete,
    activeAttempt,
    failAttempt,
    expiredLeases,
    oldestCompleted,
    dropCompleted,
    get,
    counts,
    retry,
    discard,
    upsertSchedule,
    deleteSchedule,
    schedules,
    advanceTick,
    list(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.states) {
        where.push(`state in (${filter.states.map(() => '?').join(', ')})`);
        params.push(...filter.states);
      }
      if (filter.name !== undefined) {
        where.push('name = ?');
        params.push(filter.name);
      }
      const clause = where.length ? `where ${where.join(' and ')}` : '';
      // Jobs enqueued in the same millisecond list in the order they were enqueued (the rowid's), not by their random ids.
      return db
        .prepare<unknown[], JobRow>(`select * from o311_jobs ${clause} order by created_at desc, rowid desc limit ? offset ?`)
        .all(...params, filter.limit, filter.offset);
    },
  };
}
