/**
 * The one job queue of o311: every piece of background work (mail delivery,
 * follower notices, maintenance, later monitor polls and upstream delivery)
 * is a named job with a JSON payload, run by a worker of any process exactly
 * once per attempt. Two engines implement it behind one contract suite:
 * pg-boss on PostgreSQL, and a jobs table with leases in the embedded SQLite
 * database.
 */

/** Where a job is in its life. */
export type JobState =
  /** Waiting for its run time or for a worker. */
  | 'queued'
  /** Claimed by a worker, which holds its lease. */
  | 'active'
  /** Failed (or its worker died) and waits for its next attempt after the back-off. */
  | 'retry'
  /** Done. */
  | 'completed'
  /** Failed on its last attempt: the dead-letter state, kept until an admin retries or discards it. */
  | 'dead';

export const JOB_STATES: readonly JobState[] = ['queued', 'active', 'retry', 'completed', 'dead'];

export interface EnqueueOptions {
  /** Earliest run time, ms since the epoch (default: now). */
  runAt?: number;
  /** Attempts after the first one (default 5); 0: a failure is final. */
  retryLimit?: number;
  /** Delay before the first retry, ms (default 10 s); doubled at each further attempt when `backoff`. */
  retryDelayMs?: number;
  /** Exponential back-off (default true). */
  backoff?: boolean;
  /**
   * At most one job with this key (and name) is queued, waiting for a retry or
   * active at a time: a second enqueue while one is returns undefined.
   */
  singletonKey?: string;
  /**
   * The lease: a job still active this long after it was claimed is taken as
   * lost (its worker died or hung) and counts as a failed attempt (default 15 min).
   */
  leaseMs?: number;
}

/** One attempt of a job, as its handler gets it. */
export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Throws to fail the attempt (retried while attempts remain). */
export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface WorkOptions {
  /** Jobs of this name run at the same time in this process (default 1). */
  concurrency?: number;
  /** How often an idle worker looks for due jobs, ms (default 1000). */
  pollIntervalMs?: number;
}

/** A job as the admin view shows it. */
export interface JobRecord {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  singletonKey: string | null;
  /** Attempts started so far. */
  attempts: number;
  retryLimit: number;
  /** ms since the epoch */
  createdAt: number;
  /** When it runs next (queued, retry) or ran (others). */
  runAt: number;
  completedAt: number | null;
  /** The last failure's message, bounded. */
  lastError: string | null;
}

export interface JobListFilter {
  states?: readonly JobState[];
  name?: string;
  limit: number;
  offset?: number;
}

export interface JobQueue {
  readonly engine: 'sqlite' | 'postgres';
  /** Creates what the engine needs (idempotent) and starts maintenance (leases, cron). */
  start(): Promise<void>;
  /**
   * Stops claiming jobs, waits up to `graceMs` (default 10 s) for running
   * handlers, then closes. Jobs still running stay active and run again after their lease.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** The new job's id; undefined when a job with the same singleton key is pending. */
  enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string | undefined>;
  /** Runs this process's handler for the jobs of `name`. One handler per name and process. */
  work<T>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void>;
  /**
   * Enqueues a job of `name` at every tick of `cron` (5 fields, or 6 with
   * seconds), once per tick across all processes. Replaces a schedule of the same name.
   */
  schedule(name: string, cron: string, data?: unknown, options?: { timezone?: string } & EnqueueOptions): Promise<void>;
  unschedule(name: string): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Newest first. */
  list(filter: JobListFilter): Promise<JobRecord[]>;
  /** Jobs per state (completed ones for as long as the engine keeps them). */
  counts(): Promise<Record<JobState, number>>;
  /**
   * A dead or retry-waiting job runs again now, with its attempts reset; false
   * when it is in another state, or another job with its singleton key is pending.
   */
  retry(id: string): Promise<boolean>;
  /** Removes a queued, retry-waiting or dead job; false when it is active, completed or unknown. */
  discard(id: string): Promise<boolean>;
}
