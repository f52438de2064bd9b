/**
 * The PostgreSQL engine: pg-boss 10 (the last major that runs on Node 20) in
 * its own schema. pg-boss claims with FOR UPDATE SKIP LOCKED, expires leases
 * (expireInSeconds) and fires cron once across processes; this class maps the
 * queue's contract onto it. Workers are the shared WorkerLoop over
 * pg-boss's fetch(), so concurrency, stop() and attempt numbers behave as on
 * SQLite. pg-boss counts retry delays and leases in whole seconds (rounded
 * up here) and fires a cron schedule at most once a minute.
 */
import PgBoss from 'pg-boss';
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
import { toPgBossState, toQueueState, toRecord } from './states.js';
import { countJobs, createQueue, createSingletonIndex, discardJob, getJob, listJobs, retryJob, type PgJobRow } from './sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Dead jobs stay until an admin acts: pg-boss would archive them after 12 hours. */
const KEEP_DEAD_SECONDS = 10 * 365 * 24 * 3600;
/** A waiting job is never archived before it runs (pg-boss's default is 14 days after its start time). */
const KEEP_WAITING_DAYS = 400;
const UNIQUE_VIOLATION = '23505';

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** pg-boss's send options for the queue's; `data` goes as JSON text, which pg-boss stores as jsonb. */
function sendOptions(options: Omit<ResolvedEnqueueOptions, 'runAt'>): PgBoss.SendOptions {
  return {
    retryLimit: options.retryLimit,
    retryDelay: Math.ceil(options.retryDelayMs / 1000),
    retryBackoff: options.backoff,
    expireInSeconds: seconds(options.leaseMs),
    retentionDays: KEEP_WAITING_DAYS,
    ...(options.singletonKey === null ? {} : { singletonKey: options.singletonKey }),
  };
}

export class PgBossJobQueue implements JobQueue {
  readonly engine = 'postgres' as const;
  readonly #boss: PgBoss;
  readonly #schema: string;
  readonly #onError: (error: unknown) => void;
  readonly #workers = new Map<string, WorkerLoop<void>>();
  /** Queues known to exist: pg-boss 10 needs createQueue() before send, work and schedule. */
  readonly #queues = new Map<string, Promise<void>>();
  #state: 'new' | 'running' | 'stopped' = 'new';

  constructor(url: string, options: JobQueueOptions = {}) {
    this.#schema = options.schema ?? QUEUE_DEFAULTS.schema;
    if (!/^[a-z_][a-z0-9_]{0,49}$/.test(this.#schema)) {
      throw new JobQueueError('invalid-input', `schema must be 1-50 lower-case letters, digits or "_", got ${JSON.stringify(this.#schema)}`);
    }
    this.#onError = options.onError ?? logError;
    const interval = seconds(checkMaintenanceInterval(options.maintenanceIntervalMs ?? QUEUE_DEFAULTS.postgresMaintenanceIntervalMs));
    const cronInterval = Math.min(interval, seconds(QUEUE_DEFAULTS.postgresCronIntervalMs));
    this.#boss = new PgBoss({
      connectionString: url,
      schema: this.#schema,
      max: options.poolSize ?? QUEUE_DEFAULTS.poolSize,
      application_name: 'o311-jobs',
      maintenanceIntervalSeconds: interval,
      cronMonitorIntervalSeconds: cronInterval,
      cronWorkerIntervalSeconds: cronInterval,
      archiveCompletedAfterSeconds: seconds(options.completedRetentionMs ?? QUEUE_DEFAULTS.completedRetentionMs),
      archiveFailedAfterSeconds: KEEP_DEAD_SECONDS,
      deleteAfterDays: 1,
    });
    // pg-boss emits its loops' and its pool's failures as 'error' events: unhandled, they would end the process.
    this.#boss.on('error', (error) => this.#onError(error));
  }

  async start(): Promise<void> {
    if (this.#state === 'running') return;
    if (this.#state === 'stopped') throw new JobQueueError('not-running', 'this job queue was stopped; open a new one');
    await this.#boss.start();
    try {
      await this.#db().executeSql(createSingletonIndex(this.#schema), []);
    } catch (e) {
      await this.#boss.stop({ graceful: false }).catch(() => undefined);
      throw e;
    }
    this.#state = 'running';
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    if (this.#state !== 'running') {
      this.#state = 'stopped';
      return;
    }
    this.#state = 'stopped';
    const graceMs = options.graceMs ?? 10_000;
    await Promise.all([...this.#workers.values()].map((w) => w.stop(graceMs)));
    this.#workers.clear();
    // Not graceful: the handlers had their grace above, and pg-boss's own wait polls every 500 ms.
    await this.#boss.stop({ graceful: false, close: true });
  }

  #db(): PgBoss.Db {
    return this.#boss.getDb();
  }

  #running(): void {
    if (this.#state !== 'running') {
      throw new JobQueueError('not-running', this.#state === 'new' ? 'call start() before using the job queue' : 'the job queue is stopped');
    }
  }

  #queue(name: string): Promise<void> {
    let created = this.#queues.get(name);
    if (!created) {
      created = this.#db()
        .executeSql(createQueue(this.#schema, checkName(name)), [])
        .then(() => undefined);
      created.catch(() => this.#queues.delete(name));
      this.#queues.set(name, created);
    }
    return created;
  }

  async enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string | undefined> {
    checkName(name);
    const payload = serializePayload(data);
    const resolved = resolveEnqueueOptions(options, Date.now());
    this.#running();
    await this.#queue(name);
    const id = await this.#boss.send(name, payload as unknown as object, {
      ...sendOptions(resolved),
      startAfter: new Date(resolved.runAt),
    });
    if (id) this.#workers.get(name)?.poke();
    return id ?? undefined;
  }

  async work<T>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void> {
    checkName(name);
    const resolved = resolveWorkOptions(options);
    this.#running();
    if (this.#workers.has(name)) throw new JobQueueError('handler-exists', `a handler for "${name}" is already registered in this process`);
    const worker = new WorkerLoop<void>(
      {
        claim: async (max) => {
          const jobs = await this.#boss.fetch<unknown>(name, { batchSize: max, includeMetadata: true });
          return jobs.map((job) => ({
            job: { id: job.id, name: job.name, data: job.data, attempt: job.retryCount + 1 },
            token: undefined,
            // numeric from EXTRACT(epoch ...), which pg hands over as text
            leaseMs: Number(job.expireInSeconds) * 1000,
          }));
        },
        complete: async ({ job }) => {
          await this.#boss.complete(name, job.id);
        },
        fail: async ({ job }, error) => {
          await this.#boss.fail(name, job.id, { message: boundedMessage(error) });
        },
      },
      handler as JobHandler<unknown>,
      resolved,
      this.#onError,
    );
    // Taken before the await, so that a second work() for the name meanwhile is refused; given back when
    // the queue cannot be made (a cut connection), so that a retry can register the handler.
    this.#workers.set(name, worker);
    try {
      await this.#queue(name);
    } catch (e) {
      this.#workers.delete(name);
      throw e;
    }
    worker.start();
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
    const { runAt: _ignored, ...resolved } = resolveEnqueueOptions(enqueueOptions, Date.now());
    this.#running();
    await this.#queue(name);
    try {
      await this.#boss.schedule(name, cron, payload as unknown as object, { ...sendOptions(resolved), tz: timezone });
    } catch (e) {
      // croner accepted it; pg-boss parses with cron-parser, which is stricter on a few forms.
      throw new JobQueueError('invalid-input', `cron expression ${JSON.stringify(cron)} refused by pg-boss: ${boundedMessage(e)}`, { cause: e });
    }
  }

  async unschedule(name: string): Promise<void> {
    checkName(name);
    this.#running();
    await this.#boss.unschedule(name);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    this.#running();
    if (!UUID.test(String(id))) return undefined;
    const { rows } = await this.#db().executeSql(getJob(this.#schema), [id]);
    const row = rows[0] as PgJobRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  async list(filter: JobListFilter): Promise<JobRecord[]> {
    const resolved = resolveListFilter(filter);
    this.#running();
    const { rows } = await this.#db().executeSql(listJobs(this.#schema), [
      resolved.states?.map(toPgBossState) ?? null,
      resolved.name ?? null,
      resolved.limit,
      resolved.offset,
    ]);
    return (rows as PgJobRow[]).map(toRecord);
  }

  async counts(): Promise<Record<JobState, number>> {
    this.#running();
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    const { rows } = await this.#db().executeSql(countJobs(this.#schema), []);
    for (const { state, n } of rows as Array<{ state: string; n: number }>) {
      const ours = toQueueState(state);
      if (ours) counts[ours] = n;
    }
    return counts;
  }

  async retry(id: string): Promise<boolean> {
    this.#running();
    if (!UUID.test(String(id))) return false;
    try {
      const { rows } = await this.#db().executeSql(retryJob(this.#schema), [id]);
      const name = (rows[0] as { name: string } | undefined)?.name;
      if (name) this.#workers.get(name)?.poke();
      return name !== undefined;
    } catch (e) {
      // Another job with its singleton key is pending.
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw e;
    }
  }

  async discard(id: string): Promise<boolean> {
    this.#running();
    if (!UUID.test(String(id))) return false;
    const result = (await this.#db().executeSql(discardJob(this.#schema), [id])) as { rowCount?: number | null };
    return result.rowCount === 1;
  }
}
