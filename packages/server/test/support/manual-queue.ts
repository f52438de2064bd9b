/**
 * A job queue that runs nothing by itself, for tests that drive background
 * work step by step: handlers are registered, enqueued jobs are kept (one
 * pending per singleton key, as the real queues do), and `run` works off
 * what is queued, one attempt at a time, in order. A failed attempt waits
 * for the next `run` while retries remain (no back-off: time is the test's),
 * then the job is dead. Schedules are only recorded.
 */
import type { EnqueueOptions, JobHandler, JobListFilter, JobQueue, JobRecord, JobState } from '@o311/jobs';

interface Kept {
  record: JobRecord;
}

export class ManualQueue implements JobQueue {
  readonly engine = 'sqlite' as const;
  readonly scheduled = new Map<string, string>();
  readonly #handlers = new Map<string, JobHandler>();
  readonly #jobs: Kept[] = [];
  #next = 1;

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | undefined> {
    const key = options.singletonKey ?? null;
    const pending = (k: Kept) => k.record.name === name && k.record.singletonKey === key && ['queued', 'retry', 'active'].includes(k.record.state);
    if (key !== null && this.#jobs.some(pending)) return undefined;
    const id = String(this.#next++);
    this.#jobs.push({
      record: {
        id, name, state: 'queued', data, singletonKey: key, attempts: 0, retryLimit: options.retryLimit ?? 5,
        createdAt: 0, runAt: 0, completedAt: null, lastError: null,
      },
    });
    return id;
  }

  async work<T>(name: string, handler: JobHandler<T>): Promise<void> {
    this.#handlers.set(name, handler as JobHandler);
  }

  async schedule(name: string, cron: string): Promise<void> {
    this.scheduled.set(name, cron);
  }

  async unschedule(name: string): Promise<void> {
    this.scheduled.delete(name);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    return this.#jobs.find((k) => k.record.id === id)?.record;
  }

  async list(f: JobListFilter): Promise<JobRecord[]> {
    return this.#jobs.map((k) => k.record)
      .filter((r) => (f.name === undefined || r.name === f.name) && (f.states === undefined || f.states.includes(r.state)))
      .reverse().slice(f.offset ?? 0, (f.offset ?? 0) + f.limit);
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { queued: 0, active: 0, retry: 0, completed: 0, dead: 0 };
    for (const k of this.#jobs) counts[k.record.state] += 1;
    return counts;
  }

  async retry(): Promise<boolean> {
    return false;
  }

  async discard(): Promise<boolean> {
    return false;
  }

  /** Whether this process registered a handler for `name`. */
  handles(name: string): boolean {
    return this.#handlers.has(name);
  }

  /** Every job of `name` ever enqueued (oldest first). */
  jobs(name: string): JobRecord[] {
    return this.#jobs.map((k) => k.record).filter((r) => r.name === name);
  }

  /**
   * Runs the queued jobs (of `names`, or all) until none is left, jobs
   * queued meanwhile included; at most `maxAttempts` attempts. The attempts made.
   */
  async run(names?: readonly string[], maxAttempts = 1000): Promise<number> {
    let attempts = 0;
    for (;;) {
      const next = this.#jobs.find((k) => (k.record.state === 'queued' || k.record.state === 'retry') && (names === undefined || names.includes(k.record.name)));
      if (!next || attempts >= maxAttempts) return attempts;
      const handler = this.#handlers.get(next.record.name);
      if (!handler) throw new Error(`no handler for ${next.record.name}`);
      const r = next.record;
      r.attempts += 1;
      r.state = 'active';
      attempts += 1;
      try {
        await handler({ id: r.id, name: r.name, data: r.data, attempt: r.attempts });
        r.state = 'completed';
      } catch (e) {
        r.lastError = e instanceof Error ? e.message : String(e);
        r.state = r.attempts > r.retryLimit ? 'dead' : 'retry';
      }
    }
  }
}
