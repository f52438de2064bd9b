/**
 * Benchmark part `dashboard` (issue 13): at BENCH_ROWS requests, the server's
 * full rebuild of the read model (facts and daily rollups, each point placed
 * in one of twenty areas), then the server time of one filter change, a new
 * filter each time, for each JSON part of the view (the brief; the charts:
 * volume, close times, backlog; the map layer: areas choropleth and points)
 * and for the whole view, one request at a time; beside bare node:http
 * answering a view's bytes. Then the write path: POSTs with and without a
 * reader keeping the dashboard current (each dashboard answer first takes in
 * the change feed).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayOf, openStore } from '@o311/store';
import { random } from './dataset.js';
import { distinctFilters } from './dashboard-filters.js';
import { loadLoop, type LoopResult } from './load-loop.js';
import { memoryOf, stop } from './processes.js';
import { bare, type Running } from './servers.js';
import { percentiles, sequentialClient, type Percentiles } from './dashboard-timing.js';

/** The JSON parts measured, as /dashboard/api/{source}/{part} names them. */
export const DASHBOARD_PARTS = ['brief', 'volume', 'close-times', 'backlog', 'areas', 'points', 'view'] as const;
export type DashboardPart = (typeof DASHBOARD_PARTS)[number];

const DAY_MS = 86_400_000;
/** The longest wait for the rebuild. */
const REBUILD_LIMIT_MS = 60 * 60_000;
/** A rebuild whose fact count stays still this long has stopped. */
const STALL_MS = 120_000;

export interface RebuildFigures {
  facts: number;
  /** From the first dashboard request (which queues it) to the last fact written. */
  seconds: number;
  factsPerSecond: number;
  /** The server's peak memory sampled during it. */
  peakRssMb: number;
  peakOwnMb: number;
}

export interface PartFigures {
  /** The client's time, loopback. */
  response: Percentiles;
  /** Server-Timing app;dur. */
  server: Percentiles;
  meanBytes: number;
  non2xx: number;
}

export interface DashboardReadFigures {
  perPart: number;
  parts: Record<DashboardPart, PartFigures>;
  /** Bare node:http answering the last view's bytes, the same client. */
  bare: Percentiles;
  bareBytes: number;
}

export interface WritePathFigures {
  connections: number;
  /** POSTs alone (the minute's scheduled sync may fall in the window). */
  off: LoopResult;
  /** POSTs while a reader asks for the brief every readEveryMs, each answer first taking in the change feed. */
  on: LoopResult;
  readEveryMs: number;
  reader: Percentiles;
  /** POSTs acknowledged in both runs (and the warm-up), and facts the dashboard gained: equal when it kept up. */
  acknowledged: number;
  factsAdded: number;
}

export interface DashboardFigures {
  rebuild: RebuildFigures;
  reads?: DashboardReadFigures;
  writes?: WritePathFigures;
}

const apiUrl = (origin: string, sourceId: string, part: DashboardPart, qs = ''): string =>
  `${origin}/dashboard/api/${encodeURIComponent(sourceId)}/${part}${qs === '' ? '' : `?${qs}`}`;

/**
 * Queues the rebuild the server makes of a never-synced source (its first
 * dashboard answer does) and waits for every fact to be written.
 */
export async function timeRebuild(server: Running, databaseUrl: string, sourceId: string, facts: number): Promise<RebuildFigures> {
  const store = await openStore(databaseUrl);
  const pid = server.child.pid!;
  let peakRssMb = 0;
  let peakOwnMb = 0;
  const sampler = setInterval(() => {
    const m = memoryOf(pid);
    peakRssMb = Math.max(peakRssMb, m.rssMb);
    peakOwnMb = Math.max(peakOwnMb, m.ownMb);
  }, 100);
  try {
    const started = performance.now();
    const client = sequentialClient();
    const first = await client.get(apiUrl(server.origin, sourceId, 'brief'));
    client.close();
    if (first.status !== 200) throw new Error(`GET brief answered ${first.status}`);
    let last = -1;
    let lastMoved = performance.now();
    let doneAt = 0;
    for (;;) {
      const s = await store.dashboard.getSource(sourceId);
      const count = s?.requests ?? 0;
      if (count !== last) {
        last = count;
        lastMoved = performance.now();
      }
      if (count >= facts) {
        doneAt = lastMoved;
        break;
      }
      if (performance.now() - lastMoved > STALL_MS || performance.now() - started > REBUILD_LIMIT_MS) {
        throw new Error(`the dashboard rebuild stopped at ${count} of ${facts} facts`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (doneAt - started) / 1000;
    return { facts: last, seconds, factsPerSecond: last / seconds, peakRssMb, peakOwnMb };
  } finally {
    clearInterval(sampler);
    await store.close();
  }
}

export interface ReadOptions {
  server: Running;
  sourceId: string;
  timezone: string;
  areaIds: string[];
  serviceCodes: string[];
  now: number;
  /** The data's requests lie in [now - days, now]. */
  days: number;
  perPart: number;
  baselineServer: string;
  tmp: string;
}

export async function measureDashboardReads(o: ReadOptions): Promise<DashboardReadFigures> {
  const next = distinctFilters({
    firstDay: dayOf(o.now - o.days * DAY_MS, o.timezone), lastDay: dayOf(o.now, o.timezone), serviceCodes: o.serviceCodes, areaIds: o.areaIds,
  }, random(1313));
  const client = sequentialClient();
  const samples = new Map(DASHBOARD_PARTS.map((p) => [p, { response: [] as number[], server: [] as number[], bytes: 0, non2xx: 0 }]));
  let lastView = '';
  try {
    for (let i = 0; i < 20; i++) await client.get(apiUrl(o.server.origin, o.sourceId, DASHBOARD_PARTS[i % DASHBOARD_PARTS.length]!, next()));
    // Round robin over the parts, so that whatever else the machine does falls on each alike.
    for (let i = 0; i < o.perPart; i++) {
      for (const part of DASHBOARD_PARTS) {
        const url = apiUrl(o.server.origin, o.sourceId, part, next());
        const t = await client.get(url);
        const s = samples.get(part)!;
        s.response.push(t.ms);
        s.server.push(t.serverMs ?? t.ms);
        s.bytes += t.bytes;
        if (t.status !== 200) s.non2xx++;
        if (part === 'view' && t.status === 200) lastView = url;
      }
    }
  } finally {
    client.close();
  }
  const parts = Object.fromEntries(DASHBOARD_PARTS.map((p) => {
    const s = samples.get(p)!;
    return [p, { response: percentiles(s.response), server: percentiles(s.server), meanBytes: s.bytes / s.response.length, non2xx: s.non2xx }];
  })) as Record<DashboardPart, PartFigures>;

  const body = Buffer.from(await (await fetch(lastView)).arrayBuffer());
  const file = join(o.tmp, 'dashboard-view.json');
  writeFileSync(file, body);
  const baseline = await bare(o.baselineServer, file, 'application/json; charset=utf-8');
  const bareClient = sequentialClient();
  try {
    for (let i = 0; i < 20; i++) await bareClient.get(baseline.origin);
    const times: number[] = [];
    for (let i = 0; i < o.perPart; i++) times.push((await bareClient.get(`${baseline.origin}/?${i}`)).ms);
    return { perPart: o.perPart, parts, bare: percentiles(times), bareBytes: body.length };
  } finally {
    bareClient.close();
    await stop(baseline.child);
  }
}

/** How often the reader of the write path asks for the brief: a dashboard left open, refreshed. */
const READ_EVERY_MS = 500;

export async function measureWritePath(o: {
  server: Running; databaseUrl: string; sourceId: string; seconds: number; connections: number; postBody: (description: string) => string;
}): Promise<WritePathFigures> {
  let n = 0;
  let acknowledged = 0;
  const posts = (seconds: number) => loadLoop({
    connections: o.connections,
    seconds,
    next: () => ({
      kind: 'post', url: `${o.server.origin}/open311/v2/requests.json`, method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: o.postBody(`Dashboard bench ${n++}`),
    }),
    onAnswer: (_p, a) => {
      if (!(a instanceof Error) && a.status >= 200 && a.status < 300) acknowledged++;
    },
  });
  const store = await openStore(o.databaseUrl);
  const client = sequentialClient();
  try {
    const brief = apiUrl(o.server.origin, o.sourceId, 'brief');
    await client.get(brief);
    const factsBefore = (await store.dashboard.getSource(o.sourceId))?.requests ?? 0;
    await posts(2);
    const off = await posts(o.seconds);
    const reader: number[] = [];
    let reading = true;
    const readLoop = (async () => {
      while (reading) {
        const t = await client.get(brief);
        reader.push(t.ms);
        await new Promise((r) => setTimeout(r, Math.max(0, READ_EVERY_MS - t.ms)));
      }
    })();
    let on: LoopResult;
    try {
      on = await posts(o.seconds);
    } finally {
      reading = false;
      await readLoop;
    }
    // Every acknowledged POST is a fact once the dashboard has caught up (each answer takes in up to 10,000 changes).
    let factsAfter = 0;
    for (let i = 0; i < 10 && factsAfter < factsBefore + acknowledged; i++) {
      await client.get(brief);
      factsAfter = (await store.dashboard.getSource(o.sourceId))?.requests ?? 0;
    }
    return { connections: o.connections, readEveryMs: READ_EVERY_MS, off, on, reader: percentiles(reader), acknowledged, factsAdded: factsAfter - factsBefore };
  } finally {
    client.close();
    await store.close();
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
const PART_NAMES: Record<DashboardPart, string> = {
  brief: 'brief', volume: 'chart: volume', 'close-times': 'chart: close times', backlog: 'chart: backlog by age',
  areas: 'map: areas choropleth', points: 'map: points (newest 2,000)', view: 'whole view (all of them)',
};

/** A section of results.md. */
export function renderDashboardSection(runs: { engine: 'sqlite' | 'postgres'; rows: number; figures: DashboardFigures }[]): string {
  const out = [
    '## Dashboard (issue 13)',
    '',
    'The demo city\'s jurisdiction with its requests in a grid of 20 rectangular areas over the data\'s extent. ' +
      'Rebuild: the server\'s `dashboard.rebuild` job, queued by the first dashboard request, timed from that request to the last fact written (the job\'s wait in the queue included). ' +
      'Filter changes: `GET /dashboard/api/{source}/{part}`, one at a time on a keep-alive connection, each with a filter not asked before ' +
      '(a range within the data\'s 80 days, a brief day, a third of the time all services else some, the same for areas, status any/open/closed), the parts in turn. ' +
      'Server time: the answer\'s `Server-Timing: app;dur` (the handler, the change-feed catch-up included); response: the client\'s time on loopback. Goal: p95 < 200 ms server time.',
    '',
  ];
  for (const { engine, rows, figures: f } of runs) {
    const name = NAMES[engine];
    const r = f.rebuild;
    out.push(`### ${name}`, '', `Rebuild of ${fmt(r.facts)} facts (of ${fmt(rows)} requests): ${fmt(r.seconds, 1)} s, ${fmt(r.factsPerSecond)} facts/s; server peak RSS ${fmt(r.peakRssMb)} MB (own ${fmt(r.peakOwnMb)} MB).`, '');
    if (f.reads) {
      const reads = f.reads;
      out.push(
        `| ${name}: part | requests | server p50 ms | p95 ms | p99 ms | response p50 ms | p95 ms | p99 ms | mean bytes | non-2xx | goal p95 < 200 ms |`,
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      );
      for (const part of DASHBOARD_PARTS) {
        const p = reads.parts[part];
        out.push(`| ${PART_NAMES[part]} | ${fmt(p.server.count)} | ${fmt(p.server.p50Ms, 1)} | ${fmt(p.server.p95Ms, 1)} | ${fmt(p.server.p99Ms, 1)} | ${fmt(p.response.p50Ms, 1)} | ${fmt(p.response.p95Ms, 1)} | ${fmt(p.response.p99Ms, 1)} | ${fmt(p.meanBytes)} | ${p.non2xx} | ${p.server.p95Ms < 200 && p.non2xx === 0 ? 'met' : '**not met**'} |`);
      }
      const view = reads.parts.view.response;
      out.push(
        `| baseline: bare node:http, a view's ${fmt(reads.bareBytes)} bytes | ${fmt(reads.bare.count)} | | | | ${fmt(reads.bare.p50Ms, 1)} | ${fmt(reads.bare.p95Ms, 1)} | ${fmt(reads.bare.p99Ms, 1)} | ${fmt(reads.bareBytes)} | | |`,
        '',
        `Whole view beside the baseline (response time, same client): p50 ${fmt(view.p50Ms / reads.bare.p50Ms, 1)} ×, p95 ${fmt(view.p95Ms / reads.bare.p95Ms, 1)} ×.`,
        '',
      );
    }
    if (f.writes) {
      const w = f.writes;
      const row = (label: string, l: LoopResult) => `| ${label} | ${fmt(l.requestsPerSecond)} | ${fmt(l.all.p50Ms, 1)} | ${fmt(l.all.p99Ms, 1)} | ${fmt(l.total)} | ${l.non2xx + l.errors} |`;
      out.push(
        `Write path: POST requests.json over ${w.connections} connections, with and without a reader asking for the brief every ${fmt(w.readEveryMs)} ms ` +
          `(each answer takes in the change feed first: the dashboard kept current); the reader's brief: p50 ${fmt(w.reader.p50Ms, 1)} ms, p95 ${fmt(w.reader.p95Ms, 1)} ms over ${fmt(w.reader.count)} answers. ` +
          `POSTs acknowledged ${fmt(w.acknowledged)}, facts the dashboard gained ${fmt(w.factsAdded)}${w.factsAdded === w.acknowledged ? ' (all)' : ' (**not all**)'}.`,
        '',
        '| POSTs | req/s | p50 ms | p99 ms | requests | errors or non-2xx |',
        '|---|---:|---:|---:|---:|---:|',
        row('dashboard not read (scheduled sync only)', w.off),
        row(`dashboard read every ${fmt(w.readEveryMs)} ms`, w.on),
        '',
        `POST throughput with the dashboard kept current: ${fmt((100 * w.on.requestsPerSecond) / w.off.requestsPerSecond, 1)} % of without.`,
        '',
      );
    }
  }
  return out.join('\n');
}
