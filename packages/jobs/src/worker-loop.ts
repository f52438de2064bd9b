/**
 * One name's worker in one process, shared by both engines: it claims due jobs
 * up to its concurrency, runs the handler, and reports each attempt's outcome.
 * The engine decides what claiming, completing and failing mean.
 */
import type { Job, JobHandler } from './queue.js';

/** A claimed attempt: the job as the handler sees it, and what the engine needs to end the attempt. */
export interface Claim<Token> {
  job: Job;
  token: Token;
  /** The attempt's lease: past it, the attempt is lost to this worker (maintenance fails it). */
  leaseMs: number;
}

export interface WorkerBackend<Token> {
  /** Claims at most `max` due jobs of the name (each exactly once across all processes). */
  claim(max: number): Promise<Array<Claim<Token>>>;
  complete(claim: Claim<Token>): Promise<void>;
  fail(claim: Claim<Token>, error: unknown): Promise<void>;
}

export class WorkerLoop<Token> {
  readonly #running = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(
    private readonly backend: WorkerBackend<Token>,
    private readonly handler: JobHandler<unknown>,
    private readonly options: { concurrency: number; pollIntervalMs: number },
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.poke();
  }

  /** Look for due jobs now (after an enqueue in this process, or a finished job). */
  poke(): void {
    if (this.#stopped) return;
    if (this.#polling) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#polling = this.#poll().finally(() => {
      this.#polling = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.poke();
      } else if (this.#timer === undefined) {
        this.#timer = setTimeout(() => this.poke(), this.options.pollIntervalMs);
      }
    });
  }

  async #poll(): Promise<void> {
    const free = this.options.concurrency - this.#running.size;
    if (free <= 0) return;
    let claims: Array<Claim<Token>>;
    try {
      claims = await this.backend.claim(free);
    } catch (e) {
      if (!this.#stopped) this.onError(e);
      return;
    }
    for (const claim of claims) this.#run(claim);
    // A full batch suggests more are due: look again without waiting.
    if (claims.length === free) this.#again = true;
  }

  #run(claim: Claim<Token>): void {
    const attempt = (async () => {
      const outcome = this.handler(claim.job).then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      // A handler that outlives its lease frees its slot: the job is another
      // worker's by now, and this attempt's late outcome is dropped.
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<'expired'>((resolve) => {
        timer = setTimeout(() => resolve('expired'), claim.leaseMs);
      });
      const result = await Promise.race([outcome, expired]);
      clearTimeout(timer);
      if (result === 'expired') return;
      try {
        if (result.ok) await this.backend.complete(claim);
        else await this.backend.fail(claim, result.error);
      } catch (e) {
        // After stop() the store may be closed: the job stays active and runs again after its lease.
        if (!this.#stopped) this.onError(e);
      }
    })();
    this.#running.add(attempt);
    void attempt.finally(() => {
      this.#running.delete(attempt);
      this.poke();
    });
  }

  /** Stops claiming, then waits up to `graceMs` for running handlers. */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#polling;
    if (this.#running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled([...this.#running]), timeout]);
    clearTimeout(timer);
  }
}
