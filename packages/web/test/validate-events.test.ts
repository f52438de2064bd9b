/**
 * The progress stream's bookkeeping without a network: a client that goes
 * away is forgotten and its store polling stops (no leak), the server's close
 * ends every open stream, and at MAX_OPEN_STREAMS the set says it is full (the
 * route then answers 503). A client that already has some results (the
 * page's ?from=, a reconnect's Last-Event-ID) is sent only the later ones.
 */
import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ValidationRun } from '@o311/store';
import { EventStreams, MAX_OPEN_STREAMS, MAX_STREAM_MS, POLL_MS, resumedFrom, streamRun } from '../src/validate/run-events.js';

/** The part of a Node response the stream writes to, recording what it was sent. */
class FakeResponse extends EventEmitter {
  readonly frames: string[] = [];
  ended = 0;
  writeHead(): this {
    return this;
  }
  write(chunk: string): boolean {
    this.frames.push(chunk);
    return true;
  }
  end(): this {
    this.ended++;
    return this;
  }
}

const fakeReply = (raw: FakeResponse): FastifyReply => ({ raw, hijack: () => undefined }) as unknown as FastifyReply;

const running: ValidationRun = {
  id: 'run-1', url: 'https://slow.example/v2/', endpoint_slug: null, source: 'web', format: 'xml', write: false, jurisdiction_id: null,
  state: 'running', done: 0, total: 40, partial: [], report: null, summary: null, error: null, created_at: 0, started_at: 0, finished_at: null,
};

describe('validation progress streams', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('forgets a stream whose client went away and stops reading the store', async () => {
    const streams = new EventStreams();
    const get = vi.fn(async () => running);
    const raw = new FakeResponse();
    streamRun(fakeReply(raw), { get }, running, streams);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(get).toHaveBeenCalledTimes(3);
    expect(raw.frames[0]).toMatch(/^id: 0\nevent: progress\n/);

    raw.emit('close');
    const calls = get.mock.calls.length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(get.mock.calls.length).toBe(calls);
    expect(raw.ended).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    // Forgotten: MAX_OPEN_STREAMS more fit before the set is full.
    for (let i = 0; i < MAX_OPEN_STREAMS - 1; i++) streams.add(() => undefined);
    expect(streams.full).toBe(false);
    streams.add(() => undefined);
    expect(streams.full).toBe(true);
  });

  it('ends every open stream when the server closes, and a stream past MAX_STREAM_MS', async () => {
    const streams = new EventStreams();
    const a = new FakeResponse();
    const b = new FakeResponse();
    streamRun(fakeReply(a), { get: async () => running }, running, streams);
    streamRun(fakeReply(b), { get: async () => running }, running, streams);
    streams.endAll();
    expect([a.ended, b.ended]).toEqual([1, 1]);
    expect(vi.getTimerCount()).toBe(0);

    const c = new FakeResponse();
    streamRun(fakeReply(c), { get: async () => running }, running, streams);
    await vi.advanceTimersByTimeAsync(MAX_STREAM_MS + POLL_MS);
    expect(c.ended).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends a resuming client only the results it lacks, each progress event carrying the count sent as its id', async () => {
    const result = (id: string) => ({ id, title: id, severity: 'error', status: 'pass', specRef: 'x', message: 'ok', fix: 'x', durationMs: 1 });
    const two: ValidationRun = { ...running, done: 2, partial: [result('a'), result('b')] };
    const three: ValidationRun = { ...two, done: 3, partial: [...two.partial, result('c')] };
    const raw = new FakeResponse();
    streamRun(fakeReply(raw), { get: async () => three }, two, new EventStreams(), resumedFrom('1'));
    await vi.advanceTimersByTimeAsync(POLL_MS);
    const events = raw.frames.map((f) => ({ id: /^id: (\d+)\n/.exec(f)?.[1], results: (JSON.parse(f.slice(f.indexOf('data: ') + 6)) as { results: { id: string }[] }).results.map((r) => r.id) }));
    expect(events).toEqual([{ id: '2', results: ['b'] }, { id: '3', results: ['c'] }]);
    raw.emit('close');
  });

  it('reads the resume point from Last-Event-ID or ?from=, anything else as 0', () => {
    expect(resumedFrom('12')).toBe(12);
    expect(resumedFrom(' 3 ')).toBe(3);
    for (const junk of [undefined, '', '-1', '1e3', 'abc', '\u0000', '9999999', ['1', '2']]) expect(resumedFrom(junk)).toBe(0);
  });

  it('sends the end event and closes once the run is over', async () => {
    const raw = new FakeResponse();
    const done: ValidationRun = { ...running, state: 'done', done: 40 };
    streamRun(fakeReply(raw), { get: async () => done }, running, new EventStreams());
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(raw.frames.at(-1)).toBe('event: end\ndata: {"state":"done"}\n\n');
    expect(raw.ended).toBe(1);
  });
});
