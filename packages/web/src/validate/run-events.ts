/**
 * `GET /validate/r/{id}/events`: a run's progress as server-sent events. The
 * store is read every {@link POLL_MS} (any process may be running the run);
 * `progress` carries the counts and the results finished since the last
 * event, `end` the final state, after which the stream closes. A stream lasts
 * at most {@link MAX_STREAM_MS} (EventSource then reconnects), at most
 * {@link MAX_OPEN_STREAMS} are open at once (then 503: the page reloads itself
 * a little later), and streams still open when the server closes are ended.
 * Each `progress` carries as its id the number of results sent so far, so an
 * EventSource that reconnects (Last-Event-ID) gets only the results it lacks;
 * the page asks `?from=` the results it already shows.
 */
import type { FastifyReply } from 'fastify';
import type { ValidationRun, ValidationStore } from '@o311/store';
import { isRunning } from './run-page.js';
import { partialOf } from './stored-run.js';

export const POLL_MS = 500;
export const MAX_STREAM_MS = 5 * 60_000;
export const MAX_OPEN_STREAMS = 200;

export interface ProgressEvent {
  state: ValidationRun['state'];
  done: number;
  total: number;
  /** Results finished since the previous event: id, title, status and severity. */
  results: { id: string; title: string; status: string; severity: string }[];
}

const frame = (event: string, data: unknown, id?: number): string =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** The results the client already has (a reconnecting EventSource's Last-Event-ID, else the page's `?from=`), 0 when absent or not a count. */
export function resumedFrom(lastEventId: string | string[] | undefined): number {
  const text = typeof lastEventId === 'string' ? lastEventId.trim() : '';
  return /^\d{1,6}$/.test(text) ? Number(text) : 0;
}

/** The open streams of one server: how many, and ending them all (the server is closing). */
export class EventStreams {
  readonly #open = new Set<() => void>();
  get full(): boolean {
    return this.#open.size >= MAX_OPEN_STREAMS;
  }
  add(end: () => void): () => void {
    this.#open.add(end);
    return () => this.#open.delete(end);
  }
  endAll(): void {
    for (const end of [...this.#open]) end();
  }
}

export function streamRun(reply: FastifyReply, runs: Pick<ValidationStore, 'get'>, first: ValidationRun, streams: EventStreams, resumeFrom = 0): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  let sent = resumeFrom;
  let lastState: ValidationRun['state'] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const started = Date.now();
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    forget();
    raw.end();
  };
  const forget = streams.add(end);
  raw.on('close', end);
  const send = (run: ValidationRun): void => {
    const partial = partialOf(run);
    if (run.done !== sent || run.state !== lastState) {
      const event: ProgressEvent = {
        state: run.state, done: run.done, total: run.total,
        results: partial.slice(Math.min(sent, partial.length)).map((r) => ({ id: r.id, title: r.title, status: r.status, severity: r.severity })),
      };
      sent = partial.length;
      raw.write(frame('progress', event, sent));
      lastState = run.state;
    }
  };
  const tick = async (run: ValidationRun | undefined): Promise<void> => {
    if (ended) return;
    if (run === undefined) return end();
    send(run);
    if (!isRunning(run)) {
      raw.write(frame('end', { state: run.state }));
      return end();
    }
    if (Date.now() - started >= MAX_STREAM_MS) return end();
    timer = setTimeout(() => {
      runs.get(run.id).then(tick, end);
    }, POLL_MS);
  };
  void tick(first);
}
