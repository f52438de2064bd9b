/**
 * Progress on stderr (import, validate): a cli-progress bar on a terminal,
 * otherwise a plain line every few seconds (logs and CI stay readable).
 */
import cliProgress from 'cli-progress';
import type { CliIo } from '../io.js';

/** What the progress line says: `importing … 1200 rows` by default. */
export interface ProgressWords {
  /** The verb in front, e.g. `importing`, `validating`. */
  label: string;
  /** What `rows` counts, e.g. `rows`, `checks`. */
  unit: string;
}

const IMPORT_WORDS: ProgressWords = { label: 'importing', unit: 'rows' };

export interface Progress {
  /** `total` in the unit of `done` below: bytes of a CSV file, or records. */
  start(total: number): void;
  update(done: number, rows: number): void;
  stop(): void;
}

const rate = (rows: number, since: number): number => {
  const seconds = (performance.now() - since) / 1000;
  return seconds > 0 ? Math.round(rows / seconds) : 0;
};

class BarProgress implements Progress {
  readonly #bar: cliProgress.SingleBar;
  #since = 0;

  constructor(stream: NodeJS.WriteStream, words: ProgressWords) {
    const { label, unit } = words;
    this.#bar = new cliProgress.SingleBar({
      stream,
      format: `${label} {bar} {percentage}% | {rows} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 8,
    }, cliProgress.Presets.shades_classic);
  }

  start(total: number): void {
    this.#since = performance.now();
    this.#bar.start(Math.max(total, 1), 0, { rows: 0, rate: 0 });
  }

  update(done: number, rows: number): void {
    this.#bar.update(done, { rows, rate: rate(rows, this.#since) });
  }

  stop(): void {
    this.#bar.stop();
  }
}

class LineProgress implements Progress {
  readonly #io: CliIo;
  readonly #every: number;
  readonly #words: ProgressWords;
  #total = 0;
  #since = 0;
  #last = 0;

  constructor(io: CliIo, everyMs: number, words: ProgressWords) {
    this.#io = io;
    this.#every = everyMs;
    this.#words = words;
  }

  start(total: number): void {
    this.#total = total;
    this.#since = this.#last = performance.now();
  }

  update(done: number, rows: number): void {
    const now = performance.now();
    if (now - this.#last < this.#every) return;
    this.#last = now;
    const pct = this.#total > 0 ? ` (${Math.min(100, Math.floor((done / this.#total) * 100))}%)` : '';
    const { label, unit } = this.#words;
    this.#io.stderr.write(`${label}: ${rows} ${unit}${pct}, ${rate(rows, this.#since)} ${unit}/s\n`);
  }

  stop(): void {}
}

export function createProgress(io: CliIo, options: { everyMs?: number; words?: ProgressWords } = {}): Progress {
  const words = options.words ?? IMPORT_WORDS;
  return io.ttyStderr ? new BarProgress(io.ttyStderr, words) : new LineProgress(io, options.everyMs ?? 2000, words);
}
