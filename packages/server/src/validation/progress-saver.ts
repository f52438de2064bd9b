/**
 * Saves a running run's progress at most every {@link PROGRESS_INTERVAL_MS}
 * (the page polls the store), one write at a time, and always the last one
 * (flush). Results arrive in completion order; they are kept that way.
 */
import type { ValidationStore } from '@o311/store';
import type { CheckResult } from '@o311/validator';
import { trimResult } from './stored-report.js';

export const PROGRESS_INTERVAL_MS = 250;

export class ProgressSaver {
  readonly #results: CheckResult[] = [];
  #saved = 0;
  #lastWrite = Number.NEGATIVE_INFINITY;
  #writing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(
    private readonly runs: Pick<ValidationStore, 'progress'>,
    private readonly runId: string,
  ) {}

  /** The validator's onProgress. */
  readonly add = (_done: number, _total: number, result: CheckResult): void => {
    if (this.#stopped) return;
    this.#results.push(trimResult(result));
    if (this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastWrite + PROGRESS_INTERVAL_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#write();
    }, wait);
  };

  #write(): void {
    const count = this.#results.length;
    if (count === this.#saved) return;
    this.#lastWrite = Date.now();
    const partial = this.#results.slice(0, count);
    this.#writing = this.#writing
      .then(() => this.runs.progress(this.runId, count, partial))
      // A lost progress write only delays the page; the report is what counts.
      .catch(() => undefined)
      .then(() => {
        this.#saved = Math.max(this.#saved, count);
      });
  }

  /** Writes what is not saved yet and waits for every write. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#write();
    await this.#writing;
  }

  /** Stops writing (the run ended another way); waits for a write under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#writing;
  }
}
