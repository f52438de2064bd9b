/**
 * The embedded engine: a jobs table with leases in the store's SQLite file.
 * Every process that opens the file polls it; a claim is one UPDATE in a
 * `BEGIN IMMEDIATE` transaction, so each attempt goes to exactly one worker.
 * An active job whose lease ran out (its worker died or hung) is a failed
 * attempt. Cron ticks advance `last_tick` by compare-and-set in the same
 * transaction as the enqueue, so one process fires each tick. Enqueues, claims
 * and ends of attempts of one turn of the event loop share a commit (write-batch.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { retryWaitMs } from '../backoff.js';
import { JobQueueError } from '../errors.js';
import {
  boundedMessage,
  checkMaintenanceInterval,
  checkName,
  parseCron,
  resolveEnqueueOptions,
  resolveListFilter,
  resolveWorkOptions,
  serializePayload,
  type ResolvedEnqueueOptions,
} from '../limits.js';
import { QUEUE_DEFAULTS, logError, type JobQueueOptions } from '../options.js';
import {
  JOB_STATES,
  type EnqueueOptions,
  type JobHandler,
  type JobListFilter,
  type JobQueue,
  type JobRecord,
  type JobState,
  type WorkOptions,
} from '../queue.js';
import { WorkerLoop } from '../worker-loop.js';
import { latestDueTick } from './cron-ticks.js';
import { toRecord, type JobRow } from './rows.js';
import { createTables, prepareConnection } from './schema.js';
import { prepareStatements, type Statements } from './statements.js';
import { WriteBatch } from './write-batch.js';

type ScheduleOptions = Omit<ResolvedEnqueueOptions, 'runAt'>;

export interface SqliteJobQueueOptions extends JobQueueOptions {
  /** The clock (ms since the epoch); tests may pass their own. */
  now?: () => number;
}

export class SqliteJobQueue implements JobQueue {
  readonly engine = 'sqlite' as const;
  readonly #path: string;
  readonly #now: () => number;
  readonly #onError: (error: unknown) => void;
  readonly #maintenanceIntervalMs: number;
  readonly #completedRetentionMs: number;
  readonly #busyTimeoutMs: number;
  /** Token of a claim: its attempt number, so that a late end of an expired attempt changes nothing. */
  readonly #workers = new Map<string, WorkerLoop<number>>();
  #db: BetterSqlite3.Database | undefined;
  #sql: Statements | undefined;
  #batch: WriteBatch | undefined;
  #timer: NodeJS.Timeout | undefined;
  #state: 'new' | 'running' | 'stopped' = 'new';

  constructor(path: string, options: SqliteJobQueueOptions = {}) {
    this.#path = path;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? logError;
    this.#maintenanceIntervalMs = checkMaintenanceInterval(options.maintenanceIntervalMs ?? QUEUE_DEFAULTS.maintenanceIntervalMs);
    this.#completedRetentionMs = options.completedRetentionMs ?? QUEUE_DEFAULTS.completedRetentionMs;
    this.#busyTimeoutMs = options.busyTimeoutMs ?? QUEUE_DEFAULTS.busyTimeoutMs;
  }

  async start(): Promise<void> {
    if (this.#state === 'running') return;
    if (this.#state === 'stopped') throw new JobQueueError('not-running', 'this job queue was stopped; open a new one');
    if (this.#path !== ':memory:') mkdirSync(dirname(this.#path), { recursive: true });
    const db = new BetterSqlite3(this.#path);
    try {
      prepareConnection(db, this.#busyTimeoutMs);
      createTables(db);
      this.#sql = prepareStatements(db);
      this.#batch = new WriteBatch(db);
    } catch (e) {
      db.close();
      throw e;
    }
    this.#db = db;
    this.#state = 'running';
    this.#scheduleMaintenance();
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    if (this.#state !== 'running') {
      this.#state = 'stopped';
      return;
    }
    this.#state = 'stopped';
    clearTimeout(this.#timer);
    const graceMs = options.graceMs ?? 10_000;
    await Promise.all([...this.#workers.values()].map((w) => w.stop(graceMs)));
    this.#workers.clear();
    this.#batch?.flush();
    this.#db?.close();
    this.#db = undefined;
    this.#sql = undefined;
    this.#batch = undefined;
  }

  #running(): { db: BetterSqlite3.Database; sql: Statements; batch: WriteBatch } {
    if (this.#state !== 'running') {
      throw new JobQueueError('not-running', this.#state === 'new' ? 'call start() before using the job queue' : 'the job queue is stopped');
    }
    return this.#open();
  }

  /** The connection, also while stop() gives running handlers their grace to record their outcome. */
  #open(): { db: BetterSqlite3.Database; sql: Statements; batch: WriteBatch } {
    if (!this.#db || !this.#sql || !this.#batch) throw new JobQueueError('not-running', 'the job queue is closed');
    return { db: this.#db, sql: this.#sql, batch: this.#batch };
  }

  async enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string | undefined> {
    checkName(name);
    const payload = serializePayload(data);
    const now = this.#now();
    const resolved = resolveEnqueueOptions(options, now);
    const { sql, batch } = this.#running();
    const id = await batch.run(() => this.#insert(sql, name, payload, resolved, now));
    if (id) this.#workers.get(name)?.poke();
    return id;
  }

  #insert(sql: Statements, name: string, data: string, options: ResolvedEnqueueOptions, now: number): string | undefined {
    const id = randomUUID();
    const { changes } = sql.insert.run({
      id,
      name,
      data,
      singletonKey: options.singletonKey,
      retryLimit: options.retryLimit,
      retryDelayMs: options.retryDelayMs,
      backoff: options.backoff ? 1 : 0,
      leaseMs: options.leaseMs,
      createdAt: now,
      runAt: options.runAt,
    });
    return changes === 1 ? id : undefined;
  }

  async work<T>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void> {
    checkName(name);
    const resolved = resolveWorkOptions(options);
    const { sql, batch } = this.#running();
    if (this.#workers.has(name)) throw new JobQueueError('handler-exists', `a handler for "${name}" is already registered in this process`);
    const worker = new WorkerLoop<number>(
      {
        // An idle poll only reads: the write lock is taken when a job is due.
        claim: async (max) =>
          (sql.anyDue.get({ name, now: this.#now() }) ? await batch.run(() => sql.claim.all({ name, now: this.#now(), max })) : []).map((row) => ({
            job: { id: row.id, name: row.name, data: JSON.parse(row.data) as unknown, attempt: row.attempts },
            token: row.attempts,
            leaseMs: row.lease_ms,
          })),
        complete: async ({ job, token }) => {
          const { sql, batch } = this.#open();
          await batch.run(() => sql.complete.run({ id: job.id, attempts: token, now: this.#now() }));
        },
        fail: async ({ job, token }, error) => this.#fail(job.id, token, boundedMessage(error)),
      },
      handler as JobHandler<unknown>,
      resolved,
      this.#onError,
    );
    this.#workers.set(name, worker);
    worker.start();
  }

  /** Ends an attempt in failure: another attempt after the back-off, or dead after the last. */
  async #fail(id: string, attempts: number, error: string): Promise<void> {
    const { sql, batch } = this.#open();
    await batch.run(() => {
      const row = sql.activeAttempt.get({ id, attempts });
      if (row) this.#failRow(sql, row, error);
    });
  }

  #failRow(sql: Statements, row: JobRow, error: string): void {
    const now = this.#now();
    const dead = row.attempts > row.retry_limit;
    sql.failAttempt.run({
      id: row.id,
      state: dead ? 'dead' : 'retry',
      runAt: dead ? row.run_at : now + retryWaitMs(row.attempts, { retryDelayMs: row.retry_delay_ms, backoff: row.backoff === 1 }),
      now,
      error,
    });
  }

  async schedule(
    name: string,
    cron: string,
    data?: unknown,
    options: { timezone?: string } & EnqueueOptions = {},
  ): Promise<void> {
    checkName(name);
    const { timezone = 'UTC', runAt: _runAt, ...enqueueOptions } = options;
    parseCron(cron, timezone);
    const payload = serializePayload(data);
    const now = this.#now();
    const { runAt: _ignored, ...scheduleOptions } = resolveEnqueueOptions(enqueueOptions, now);
    const { sql } = this.#running();
    sql.upsertSchedule.run({
      name,
      cron,
      timezone,
      data: payload,
      options: JSON.stringify(scheduleOptions satisfies ScheduleOptions),
      last_tick: now,
    });
  }

  async unschedule(name: string): Promise<void> {
    checkName(name);
    this.#running().sql.deleteSchedule.run(name);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const row = this.#running().sql.get.get(String(id));
    return row ? toRecord(row) : undefined;
  }

  async list(filter: JobListFilter): Promise<JobRecord[]> {
    const resolved = resolveListFilter(filter);
    return this.#running().sql.list(resolved).map(toRecord);
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const { state, n } of this.#running().sql.counts.all()) counts[state] = n;
    return counts;
  }

  async retry(id: string): Promise<boolean> {
    const { sql } = this.#running();
    const done = sql.retry.run({ id: String(id), now: this.#now() }).changes === 1;
    if (done) {
      const row = sql.get.get(String(id));
      if (row) this.#workers.get(row.name)?.poke();
    }
    return done;
  }

  async discard(id: string): Promise<boolean> {
    return this.#running().sql.discard.run(String(id)).changes === 1;
  }

  /**
   * One round of upkeep, run by every process on its own timer: expired leases
   * become failed attempts, due cron ticks fire (once across processes), and
   * completed jobs past their retention are deleted.
   */
  maintain(): void {
    const { db, sql } = this.#running();
    const now = this.#now();
    // Each step reads before it takes the write lock: upkeep that finds nothing to do never blocks the store's writers.
    if (sql.expiredLeases.get({ now })) {
      db.transaction(() => {
        for (const row of sql.expiredLeases.all({ now })) this.#failRow(sql, row, 'lease expired: the worker died or hung');
      }).immediate();
    }
    for (const schedule of sql.schedules.all()) {
      const tick = latestDueTick(parseCron(schedule.cron, schedule.timezone), schedule.last_tick, now);
      if (tick === undefined) continue;
      const options = JSON.parse(schedule.options) as ScheduleOptions;
      db.transaction(() => {
        if (sql.advanceTick.run({ name: schedule.name, from: schedule.last_tick, to: tick }).changes !== 1) return;
        this.#insert(sql, schedule.name, schedule.data, { ...options, runAt: tick }, now);
      }).immediate();
      this.#workers.get(schedule.name)?.poke();
    }
    const before = now - this.#completedRetentionMs;
    if (sql.oldestCompleted.get({ before })) sql.dropCompleted.run({ before });
  }

  #scheduleMaintenance(): void {
    this.#timer = setTimeout(() => {
      if (this.#state !== 'running') return;
      try {
        this.maintain();
      } catch (e) {
        this.#onError(e);
      }
      this.#scheduleMaintenance();
    }, this.#maintenanceIntervalMs);
  }
}
