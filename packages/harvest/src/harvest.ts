/**
 * One bounded harvest run of an endpoint: from the cursor, window after
 * window (sweep.ts), each answer's requests written as facts and the cursor
 * saved after them, until the pass in hand ends, the budget (calls, time) is
 * spent, or the endpoint fails or asks to wait. The next run resumes where
 * this one stopped.
 */
import { DEFAULT_MAX_RESULTS, NetworkError, Open311Error, ResponseReadError, type Answer, type ClientRequest, type Open311Client, type QuirkProfile, type RequestsQuery, type Transport } from '@o311/client';
import type { DashboardFact } from '@o311/store';
import { honoursUpdated, isCapped, showsPaging, timeOf, totalOf } from './answer.js';
import { systemClock, type Clock } from './clock.js';
import { formatCursor, parseCursor, type HarvestCursor, type Sweep } from './cursor.js';
import { bounded, toFact, type AreaOf } from './fact.js';
import { DAY_MS, resolveHarvestOptions, type HarvestOptions, type ResolvedHarvestOptions } from './options.js';
import { politeTransport } from './polite-transport.js';
import { busyWaitMs, isBusy } from './retry-after.js';
import { doubled, halved, nextSweep, reachesOf, SECOND_MS, windowOf, windowQuery, type SweepWindow } from './sweep.js';
import { harvestClient, profileOf, type HarvestTarget } from './target.js';

export interface HarvestSink {
  /** Inserts or replaces facts (writing one again changes nothing). */
  write(facts: readonly DashboardFact[]): Promise<void>;
  /** Keeps the resume point; called after the facts it follows were written. */
  checkpoint(cursor: string): Promise<void>;
}

export interface HarvestRun {
  target: HarvestTarget;
  /** The resume point of the last run (HarvestState.cursor); null before the first. */
  cursor: string | null;
  sink: HarvestSink;
  /** How calls are sent (the client's guarded network transport, or one answering in process). */
  transport: Transport;
  allowPrivate: boolean;
  options?: HarvestOptions;
  areaOf?: AreaOf;
  clock?: Clock;
}

export interface HarvestOutcome {
  cursor: string;
  calls: number;
  /** Requests read and written as facts in this run. */
  requests: number;
  /** The pass in hand ended: the mirror holds everything up to when it started. */
  caughtUp: boolean;
  /** Why the run stopped on a failure of the endpoint; null when it did not. */
  error: string | null;
  /** Set when the endpoint asked to be left alone longer than a run waits (429/503 with Retry-After). */
  retryAfterMs: number | null;
  /** What the run could not read exactly (e.g. more requests in one second than the endpoint lists). */
  warnings: string[];
}

/** The service list is read again after this long (for the groups). */
const GROUPS_TTL_MS = DAY_MS;
const MAX_ERROR_TEXT = 500;
const MAX_GROUP_TEXT = 200;
const MAX_WARNINGS = 20;

class EndpointBusy extends Error {
  constructor(readonly waitMs: number) {
    super(`The endpoint asked to wait ${Math.ceil(waitMs / 1000)} s (HTTP 429/503).`);
  }
}

/** Shown to admins and stored: an endpoint's answer quoted in it may hold anything (NUL, megabytes). */
const errorText = (err: unknown): string => bounded(err instanceof Error ? err.message : String(err), MAX_ERROR_TEXT) ?? 'Unknown error';

const isEndpointFailure = (err: unknown): boolean =>
  err instanceof NetworkError || err instanceof Open311Error || err instanceof ResponseReadError || err instanceof EndpointBusy;

export async function harvest(run: HarvestRun): Promise<HarvestOutcome> {
  const o = resolveHarvestOptions(run.options);
  const clock = run.clock ?? systemClock;
  const polite = politeTransport(run.transport, o, clock);
  const started = clock.now();
  const c = parseCursor(run.cursor);
  const outcome: HarvestOutcome = { cursor: formatCursor(c), calls: 0, requests: 0, caughtUp: false, error: null, retryAfterMs: null, warnings: [] };
  const spent = (): boolean => polite.calls() >= o.maxCalls || clock.now() - started >= o.maxRunMs;
  const warn = (text: string): void => {
    if (outcome.warnings.length < MAX_WARNINGS) outcome.warnings.push(text);
  };

  try {
    const client = await harvestClient(run.target, polite.transport, run.allowPrivate);
    if (!spent() && (c.groups === null || clock.now() - c.groups.at >= GROUPS_TTL_MS)) {
      c.groups = await readGroups(client, o, clock);
      await run.sink.checkpoint(formatCursor(c));
    }
    const reader = new WindowReader(client, run, c, o, clock, warn);
    while (!spent()) {
      c.sweep ??= nextSweep(c, clock.now(), o);
      const step = await reader.step(c.sweep);
      outcome.requests += step.written;
      if (step.done) finishSweep(c, c.sweep);
      await run.sink.checkpoint(formatCursor(c));
      if (step.done) {
        outcome.caughtUp = true;
        break;
      }
    }
  } catch (err) {
    if (!isEndpointFailure(err)) throw err;
    outcome.error = errorText(err);
    if (err instanceof EndpointBusy) outcome.retryAfterMs = err.waitMs;
  }
  outcome.cursor = formatCursor(c);
  outcome.calls = polite.calls();
  return outcome;
}

function finishSweep(c: HarvestCursor, s: Sweep): void {
  c.backfilled = true;
  c.since = s.top;
  c.sweep = null;
}

/** The service list's groups; a failure leaves them unknown for a day rather than failing the harvest. */
async function readGroups(client: Open311Client, o: ResolvedHarvestOptions, clock: Clock): Promise<HarvestCursor['groups']> {
  const byCode: Record<string, string> = {};
  try {
    const { data } = await politely(() => client.services(), o, clock);
    for (const s of data) {
      const group = bounded(s.group, MAX_GROUP_TEXT);
      if (group !== null) byCode[s.service_code] = group;
    }
  } catch (err) {
    if (!isEndpointFailure(err) || err instanceof NetworkError || err instanceof EndpointBusy) throw err;
  }
  return { at: clock.now(), byCode };
}

interface Step {
  written: number;
  /** The sweep reached its bottom. */
  done: boolean;
}

/** Reads one window (or one page of it) per step and moves the sweep on. */
class WindowReader {
  private readonly profile: QuirkProfile | undefined;

  constructor(
    private readonly client: Open311Client,
    private readonly run: HarvestRun,
    private readonly c: HarvestCursor,
    private readonly o: ResolvedHarvestOptions,
    private readonly clock: Clock,
    private readonly warn: (text: string) => void,
  ) {
    this.profile = profileOf(run.target);
  }

  private get pageSize(): number {
    return Math.min(this.o.pageSize, this.profile?.maxResults ?? Infinity);
  }

  private sendsPages(): boolean {
    return this.c.paging !== false && this.profile?.paging !== 'window';
  }

  async step(s: Sweep): Promise<Step> {
    const w = windowOf(s);
    const paging = this.sendsPages();
    const query: RequestsQuery = { ...windowQuery(s, w), ...(paging && { page: s.page, page_size: this.pageSize }) };
    let answer: Answer<ClientRequest[]>;
    try {
      answer = await politely(() => this.client.requests(query), this.o, this.clock);
    } catch (err) {
      if (err instanceof NetworkError && err.kind === 'too-large' && s.span > SECOND_MS) {
        // An answer over maxBytes: a narrower window holds fewer requests.
        this.shrink(s);
        return { written: 0, done: false };
      }
      if (!(err instanceof Open311Error && err.status === 400)) throw err;
      // A server that refuses page/page_size, or updated_after, is read without them.
      if (paging && this.c.paging === null) {
        this.c.paging = false;
        return { written: 0, done: false };
      }
      if (s.axis === 'updated') {
        this.changesByWindows();
        return { written: 0, done: false };
      }
      throw err;
    }
    const headers = answer.exchange.response.headers;
    const paged = paging && (showsPaging(headers) || this.profile?.paging === 'page');
    if (paging && this.c.paging === null) this.c.paging = paged;

    if (s.axis === 'updated') {
      const honoured = honoursUpdated(answer, w.start, w.end);
      if (honoured === false) {
        // Its requests are still real ones: keep them before reading changes by windows.
        const written = await this.write(answer.data, s, w);
        this.changesByWindows();
        return { written, done: false };
      }
      if (honoured) this.c.changes = 'updated';
    }

    const count = answer.data.length;
    if (paged) return this.pagedStep(s, w, answer);
    if (isCapped(count, this.profile, paging ? this.pageSize : undefined)) {
      if (s.span > SECOND_MS) {
        this.shrink(s);
        return { written: 0, done: false };
      }
      this.warn(`${count} requests in the second from ${new Date(w.start).toISOString()} reach the endpoint's cap; more may exist there.`);
    }
    const written = await this.write(answer.data, s, w);
    const cap = this.profile?.maxResults ?? DEFAULT_MAX_RESULTS;
    return { written, done: this.nextWindow(s, w, count < Math.min(cap, paging ? this.pageSize : Infinity) / 4) };
  }

  private async pagedStep(s: Sweep, w: SweepWindow, answer: Answer<ClientRequest[]>): Promise<Step> {
    const total = totalOf(answer.exchange.response.headers);
    const written = await this.write(answer.data, s, w);
    if (s.page > 1 && total !== undefined && s.total !== undefined && total !== s.total) {
      // The list moved under the pages (requests changed since page 1): read the window again from its start,
      // narrower, so that a busy endpoint's list moves less while it is read.
      this.shrink(s);
      return { written, done: false };
    }
    const more = answer.data.length >= this.pageSize && !(total !== undefined && s.page * this.pageSize >= total);
    if (more) {
      s.page += 1;
      if (total !== undefined) s.total = total;
      return { written, done: false };
    }
    return { written, done: this.nextWindow(s, w, (total ?? answer.data.length) < this.pageSize / 4) };
  }

  /** The same window end again, half as wide, from its first page. */
  private shrink(s: Sweep): void {
    s.span = halved(s.span);
    s.page = 1;
    delete s.total;
    this.c.spans[s.axis] = s.span;
  }

  /**
   * Moves to the next span of requested dates of a changes window, else to the window below; true when the
   * sweep is over. A window narrowed meanwhile keeps its reach: the wider one answered the spans before whole.
   */
  private nextWindow(s: Sweep, w: SweepWindow, small: boolean): boolean {
    s.page = 1;
    delete s.total;
    if (s.axis === 'updated' && (s.reach ?? 0) + 1 < reachesOf(this.o.followDays)) {
      s.reach = (s.reach ?? 0) + 1;
      return false;
    }
    delete s.reach;
    s.end = w.start;
    if (small) s.span = doubled(s.span);
    this.c.spans[s.axis] = s.span;
    return s.end <= s.bottom;
  }

  /** The endpoint does not honour updated_after: changes are read by requested windows from now on. */
  private changesByWindows(): void {
    this.c.changes = 'windows';
    this.c.sweep = nextSweep(this.c, this.clock.now(), this.o);
  }

  /** The requests of the window (by the sweep's axis; those without a date are kept) as facts. */
  private async write(list: readonly ClientRequest[], s: Sweep, w: SweepWindow): Promise<number> {
    const facts: DashboardFact[] = [];
    const groups = this.c.groups?.byCode ?? {};
    let unreadable = 0;
    for (const r of list) {
      const t = timeOf(s.axis === 'requested' ? r.requested_datetime : r.updated_datetime);
      if (t !== undefined && (t < w.start || t >= w.end)) continue;
      const fact = toFact(r, { groups, ...(this.run.areaOf !== undefined && { areaOf: this.run.areaOf }) });
      if (fact === null) unreadable++;
      else facts.push(fact);
    }
    if (unreadable > 0) this.warn(`${unreadable} requests without an id or a date were skipped.`);
    if (facts.length > 0) await this.run.sink.write(facts);
    return facts.length;
  }
}

/** One call; a 429 or 503 is waited out (its Retry-After, else 2, 4, 8 s) within the run's limits. */
async function politely<T>(call: () => Promise<T>, o: ResolvedHarvestOptions, clock: Clock): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const waitMs = busyWaitMs(err, attempt, clock.now());
      if (attempt >= o.maxWaits || waitMs > o.maxWaitMs) throw new EndpointBusy(waitMs);
      await clock.sleep(waitMs);
    }
  }
}
