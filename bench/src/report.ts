/** bench/results.md from the figures of one run: every figure beside its same-run baseline, and the goals. */
import { cpus, loadavg, totalmem } from 'node:os';
import { POSTGRES_DATABASE, type Engine } from './bench-database.js';
import type { CachedFigures } from './cached-and-post.js';
import type { ReadFigure } from './client-read.js';
import type { LookupHttpFigures } from './discovery-http.js';
import type { LookupFigures } from './discovery-lookup.js';
import { MIX_KINDS } from './distinct-queries.js';
import type { FederationFigures } from './federation.js';
import type { ImportFigures } from './import-rate.js';
import type { LoadResult } from './load.js';
import type { Latencies, LoopResult } from './load-loop.js';
import type { MixFigures } from './mix.js';
import type { ScaleOutFigures, PostRun } from './scale-out.js';
import type { ServicesFigure } from './services-documents.js';
import type { UncachedFigures } from './uncached-page.js';

export interface EngineFigures {
  engine: Engine;
  import?: ImportFigures;
  mix?: MixFigures;
  uncached?: UncachedFigures;
  cached?: CachedFigures;
  services?: ServicesFigure[];
  scaleOut?: ScaleOutFigures;
  lookupHttp?: LookupHttpFigures;
  federation?: FederationFigures;
}

export interface RunFigures {
  title: string;
  commit: string;
  rows: number;
  seconds: number;
  connections: number;
  engines: EngineFigures[];
  reading?: ReadFigure[];
  lookups?: LookupFigures;
  /** The machine's 1-minute load average when the run started. */
  loadAtStart: number;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (a: number, b: number) => `${fmt((100 * a) / b, 1)} %`;
const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const meets = (ok: boolean) => (ok ? 'met' : '**not met**');

function summaryRows(e: EngineFigures, rows: number): string[] {
  const name = ENGINE_NAMES[e.engine];
  const out: string[] = [];
  if (e.mix) {
    const { o311, bare } = e.mix;
    const ok = o311.requestsPerSecond >= 400 && o311.all.p99Ms < 150 && o311.non2xx + o311.errors === 0;
    out.push(`| ${name}: distinct-query mix, q/s (p99) | ${fmt(o311.requestsPerSecond)} (p99 ${fmt(o311.all.p99Ms, 1)} ms) | bare node:http, a fixed answer: ${fmt(bare.requestsPerSecond)} (p99 ${fmt(bare.all.p99Ms, 1)} ms) | ${pct(o311.requestsPerSecond, bare.requestsPerSecond)} | ≥ 400 q/s, p99 < 150 ms: ${meets(ok)} |`);
    const w = e.mix.workers;
    if (w) {
      const wok = w.o311.requestsPerSecond >= 400 && w.o311.all.p99Ms < 150 && w.o311.non2xx + w.o311.errors === 0;
      out.push(`| ${name}: the same mix on \`serve --workers ${w.count}\`, q/s (p99) | ${fmt(w.o311.requestsPerSecond)} (p99 ${fmt(w.o311.all.p99Ms, 1)} ms) | the same bare node:http | ${pct(w.o311.requestsPerSecond, bare.requestsPerSecond)} | ≥ 400 q/s, p99 < 150 ms: ${meets(wok)} |`);
    }
  }
  if (e.uncached) {
    const { o311, bare } = e.uncached;
    out.push(`| ${name}: page of ${fmt(e.uncached.count)} with the response cache off, req/s | ${fmt(o311.requestsPerSecond)} (p99 ${fmt(o311.p99Ms, 1)} ms) | bare node:http, same bytes: ${fmt(bare.requestsPerSecond)} | ${pct(o311.requestsPerSecond, bare.requestsPerSecond)} | ≥ 10 %: ${meets(o311.requestsPerSecond >= 0.1 * bare.requestsPerSecond)} |`);
  }
  if (e.import) {
    const i = e.import;
    out.push(`| ${name}: \`o311 import\` of ${fmt(rows)} requests, rows/s | ${fmt(i.rowsPerSecond)} (${fmt(i.seconds, 1)} s) | the same command with \`--dry-run\`: ${fmt(i.dryRunRowsPerSecond)} | ${pct(i.rowsPerSecond, i.dryRunRowsPerSecond)} | ≥ 100,000/s: ${meets(i.rowsPerSecond >= 100_000)} |`);
  }
  for (const s of e.services ?? []) {
    out.push(`| ${name}: GET ${s.document}, req/s | ${fmt(s.o311.requestsPerSecond)} (p99 ${fmt(s.o311.p99Ms, 1)} ms) | bare node:http, same ${fmt(s.bytes)} bytes: ${fmt(s.bare.requestsPerSecond)} | ${pct(s.o311.requestsPerSecond, s.bare.requestsPerSecond)} | ≥ 50 %: ${meets(s.o311.requestsPerSecond >= 0.5 * s.bare.requestsPerSecond)} |`);
  }
  if (e.cached) {
    const c = e.cached;
    const bareGet = (c.bareBefore.requestsPerSecond + c.bareAfter.requestsPerSecond) / 2;
    out.push(`| ${name}: cached GET requests.json (page of ${fmt(c.count)}), req/s | ${fmt(c.get.requestsPerSecond)} (p99 ${fmt(c.get.p99Ms, 1)} ms) | bare node:http, same bytes: ${fmt(bareGet)} | ${pct(c.get.requestsPerSecond, bareGet)} | not below 109.4 % (2026-11-28) |`);
    out.push(`| ${name}: durable POST requests.json, req/s | ${fmt(c.post.requestsPerSecond)} (p99 ${fmt(c.post.p99Ms, 1)} ms) | bare node:http answering POSTs: ${fmt(c.barePost.requestsPerSecond)} | ${pct(c.post.requestsPerSecond, c.barePost.requestsPerSecond)} | not below 74.2 % (2026-11-28) |`);
    out.push(`| ${name}: server RSS with ${fmt(rows)} requests | ${fmt(c.rssIdleMb)} MB idle, ${fmt(c.rssLoadedMb)} MB after the load | bare node:http process: ${fmt(c.rssBareMb)} MB | ${fmt(c.rssLoadedMb / c.rssBareMb, 1)} × | |`);
    out.push(`| ${name}: of which the process's own memory (RssAnon) after the load; the rest, ${fmt(c.loaded.fileMb)} MB, is mapped files (the memory-mapped database, code), the kernel's shared file cache | ${fmt(c.loaded.ownMb)} MB | | | < 200 MB: ${meets(c.loaded.ownMb < 200)} |`);
  }
  if (e.lookupHttp) {
    const l = e.lookupHttp;
    const ok = l.o311.requestsPerSecond >= 0.5 * l.bare.requestsPerSecond && l.o311.non2xx + l.o311.errors === 0;
    out.push(`| ${name}: discovery \`lookup.json\` for a fresh point each time (seeded registry), q/s (p99) | ${fmt(l.o311.requestsPerSecond)} (p99 ${fmt(l.o311.all.p99Ms, 1)} ms) | bare node:http, a ${fmt(l.bytes)}-byte body: ${fmt(l.bare.requestsPerSecond)} | ${pct(l.o311.requestsPerSecond, l.bare.requestsPerSecond)} | ≥ 50 %: ${meets(ok)} |`);
  }
  if (e.federation) {
    const f = e.federation;
    const loop = (r: LoopResult): string => `${fmt(r.requestsPerSecond)} (p50 ${fmt(r.all.p50Ms, 1)} ms, p99 ${fmt(r.all.p99Ms, 1)} ms)`;
    out.push(`| ${name}: routed POST /federated/open311/v2/requests.json answered with a token, upstreams paused (acceptance alone), req/s | ${loop(f.routedPostAlone)} | local POST /open311/v2/requests.json, same server: ${loop(f.localPost)} | ${pct(f.routedPostAlone.requestsPerSecond, f.localPost.requestsPerSecond)} | |`);
    out.push(`| ${name}: the same while it delivers to the upstreams (on the same cores), req/s | ${loop(f.routedPost)} | local POST, same server: ${loop(f.localPost)} | ${pct(f.routedPost.requestsPerSecond, f.localPost.requestsPerSecond)} | |`);
    out.push(`| ${name}: federated services.json at a fresh point (${f.endpoints} endpoints, remote lists cached), q/s | ${loop(f.federatedServices)} | local services.json, same server, fresh URLs: ${loop(f.localServices)} | ${pct(f.federatedServices.requestsPerSecond, f.localServices.requestsPerSecond)}; p50 ${fmt(f.federatedServices.all.p50Ms / f.localServices.all.p50Ms, 1)} × | |`);
  }
  if (e.scaleOut) {
    const s = e.scaleOut;
    out.push(`| ${name}: ${fmt(s.total)} POSTs on three processes, acknowledged/s | ${fmt(s.three.acknowledgedPerSecond)} | the same on one process: ${fmt(s.one.acknowledgedPerSecond)} | ${fmt(s.three.acknowledgedPerSecond / s.one.acknowledgedPerSecond, 2)} × | |`);
    const k = s.threeKilled;
    out.push(`| ${name}: the same with one process killed (SIGKILL) midway: acknowledged lost / duplicated | ${k.lost} / ${k.duplicated} (of ${fmt(k.acknowledged)} acknowledged) | | | 0 / 0: ${meets(k.lost === 0 && k.duplicated === 0)} |`);
  }
  return out;
}

function mixSection(e: EngineFigures): string {
  if (!e.mix) return '';
  const { o311, bare } = e.mix;
  const w = e.mix.workers;
  const latencies = (l: Latencies | undefined): string =>
    l ? `${fmt(l.count)} | ${fmt(l.p50Ms, 1)} | ${fmt(l.p95Ms, 1)} | ${fmt(l.p99Ms, 1)}` : '0 | | |';
  const kinds = MIX_KINDS.map((k) => `| ${k} | ${latencies(o311.kinds.get(k))} |${w ? ` ${latencies(w.o311.kinds.get(k))} |` : ''}`);
  const workersLine = w
    ? `\nOn \`serve --workers ${w.count}\` (the same kinds, other URLs): ${fmt(w.o311.total)} requests in ${fmt(w.o311.seconds, 1)} s, ${fmt(w.o311.requestsPerSecond)} q/s, p50 ${fmt(w.o311.all.p50Ms, 1)} ms, p95 ${fmt(w.o311.all.p95Ms, 1)} ms, p99 ${fmt(w.o311.all.p99Ms, 1)} ms, ${w.o311.non2xx + w.o311.errors} errors or non-2xx.`
    : '';
  const header = w
    ? `| kind | requests | p50 ms | p95 ms | p99 ms | requests (${w.count} workers) | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|---|---|---|`
    : '| kind | requests | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|';
  return `
### Distinct-query mix on ${ENGINE_NAMES[e.engine]}
${fmt(o311.total)} requests in ${fmt(o311.seconds, 1)} s, ${fmt(o311.requestsPerSecond)} q/s, p50 ${fmt(o311.all.p50Ms, 1)} ms, p95 ${fmt(o311.all.p95Ms, 1)} ms, p99 ${fmt(o311.all.p99Ms, 1)} ms, ${o311.non2xx + o311.errors} errors or non-2xx.
Baseline, same run and same client: bare node:http answering every URL with one fixed answer of the mix, ${fmt(bare.requestsPerSecond)} q/s, p99 ${fmt(bare.all.p99Ms, 1)} ms.${workersLine}

${header}
${kinds.join('\n')}
`;
}

const loadRow = (name: string, r: LoadResult) =>
  `| ${name} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${fmt(r.total)} | ${r.non2xx + r.errors} |`;

function runsSection(engines: EngineFigures[]): string {
  const rows: string[] = [];
  for (const e of engines) {
    const name = ENGINE_NAMES[e.engine];
    if (e.uncached) {
      rows.push(loadRow(`${name}: bare node:http, page of ${fmt(e.uncached.count)}`, e.uncached.bare));
      rows.push(loadRow(`${name}: o311 page of ${fmt(e.uncached.count)}, cache off`, e.uncached.o311));
    }
    for (const s of e.services ?? []) {
      rows.push(loadRow(`${name}: bare node:http, ${s.document} bytes`, s.bare));
      rows.push(loadRow(`${name}: o311 ${s.document}`, s.o311));
    }
    if (e.cached) {
      const c = e.cached;
      rows.push(loadRow(`${name}: bare node:http GET (before)`, c.bareBefore));
      rows.push(loadRow(`${name}: o311 GET requests.json, cached`, c.get));
      rows.push(loadRow(`${name}: bare node:http GET (after)`, c.bareAfter));
      rows.push(loadRow(`${name}: bare node:http POST`, c.barePost));
      rows.push(loadRow(`${name}: o311 POST requests.json`, c.post));
    }
  }
  if (rows.length === 0) return '';
  return `
## autocannon runs
| run | req/s | p50 ms | p99 ms | requests | errors or non-2xx |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
}

function scaleOutSection(engines: EngineFigures[]): string {
  const e = engines.find((x) => x.scaleOut);
  if (!e?.scaleOut) return '';
  const s = e.scaleOut;
  const row = (name: string, r: PostRun) =>
    `| ${name} | ${r.processes} | ${fmt(r.acknowledged)} | ${fmt(r.seconds, 1)} | ${fmt(r.acknowledgedPerSecond)} | ${fmt(r.p99Ms, 1)} | ${r.unanswered} | ${r.refused} | ${r.lost} | ${r.duplicated} | ${r.storedUnacknowledged} |`;
  return `
## Several processes on one ${ENGINE_NAMES[e.engine]} database
${fmt(s.total)} durable POSTs, each with its own description, from ${s.connections} keep-alive connections, sent round robin to the
processes. In the last run the second process is killed with SIGKILL once ${fmt(s.threeKilled.killedAfter)} requests are
acknowledged; as a proxy would, the client then sends only to the live processes (a request whose connection was
refused goes elsewhere; one in flight on the killed process gets no answer and is not sent again). Then the
database is read: every acknowledged request must be stored, once.

| run | processes | acknowledged | s | acknowledged/s | p99 ms | no answer | non-2xx | lost | duplicated | stored, not acknowledged |
|---|---|---|---|---|---|---|---|---|---|---|
${row('one process', s.one)}
${row('three processes', s.three)}
${row('three, one killed midway', s.threeKilled)}
`;
}

function federationSection(engines: EngineFigures[]): string {
  const rows = engines.flatMap((e) => {
    const f = e.federation;
    if (!f) return [];
    const name = ENGINE_NAMES[e.engine];
    const row = (what: string, r: LoopResult, note = '') =>
      `| ${name}: ${what} | ${fmt(r.requestsPerSecond)} | ${fmt(r.all.p50Ms, 1)} | ${fmt(r.all.p95Ms, 1)} | ${fmt(r.all.p99Ms, 1)} | ${fmt(r.total)} | ${r.non2xx + r.errors} | ${note} |`;
    const d = f.drain;
    return [
      row('local services.json', f.localServices),
      row('federated services.json', f.federatedServices, `${f.endpoints} endpoints at every point`),
      row('local POST', f.localPost),
      row('routed POST, upstreams paused', f.routedPostAlone, 'acceptance alone: the deliveries wait'),
      row('routed POST', f.routedPost, `${fmt(f.routedTokens)} answered with a token; then all delivered ${d.queued === 0 ? `within ${fmt(d.seconds, 1)} s` : `**not** within ${fmt(d.seconds, 0)} s (${fmt(d.queued)} queued)`}, ${fmt(d.delivered)} delivered, ${d.failedOrDead} failed or dead`),
    ];
  });
  if (rows.length === 0) return '';
  return `
## Federated endpoint beside the local one (issue 11)
One server (\`serve --allow-private-endpoints\`, O311_ROUTER_SECRET set), its registry holding its own city (read in
process) and a county and a water utility, each a remote \`o311 serve\` on its own SQLite database, whose boundaries
overlap. Services: every request at a fresh point in the overlap; the federated list asks discovery for the covering
endpoints and takes their lists from its cache (filled in the warm-up, as in real use); the local list gets the same kind
of URL (it ignores the point; no URL is asked twice). POSTs: each with its own description; a routed POST is checked,
stored and answered with a token, and a \`router.deliver\` job on the same server delivers it to the county or the
utility (Idempotency-Key) while the load goes on; the local POST is the durable GeoReport POST. The routed POSTs run
twice: first with the upstream processes paused (SIGSTOP: the deliveries under way, at most four, wait for their
answers, and no more start), which measures
acceptance alone, then with the deliveries going on, whose work (and the upstreams', on the same cores) the
acceptance shares the machine with.

| run | req/s | p50 ms | p95 ms | p99 ms | requests | errors or non-2xx | |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}

function readingSection(reading: ReadFigure[] | undefined): string {
  if (!reading) return '';
  const rows = reading.map(
    (r) => `| \`readRequests\` of ${fmt(r.count)} requests, ${r.format.toUpperCase()} | ${fmt(r.readMs, 1)} ms | ${r.format === 'json' ? 'JSON.parse' : 'fast-xml-parser'} of the same body: ${fmt(r.parseMs, 1)} ms | ${fmt(r.readMs / r.parseMs, 1)} × |`,
  );
  return `
## Client
| figure | o311 | baseline (same run) | ratio |
|---|---|---|---|
${rows.join('\n')}
`;
}

function lookupsSection(l: LookupFigures | undefined): string {
  if (!l) return '';
  return `
## Discovery: point lookups in process (issue 10)
${fmt(l.boundaries)} boundaries (US states and counties from us-atlas, countries from world-atlas): ${fmt(l.polygons)} polygons, ${fmt(l.vertices)} vertices.
Index (Flatbush over the polygons' boxes, point-in-polygon-hao, a cell grid per polygon of 128 vertices or more) built in ${fmt(l.buildMs, 1)} ms; memory (heap and array buffers) after its grids were made: +${fmt(l.indexMb, 1)} MB.
Each point drawn afresh, one core, after a first pass over other points:

| points | lookups/s | boundaries found per point | goal |
|---|---|---|---|
| random in the contiguous US | ${fmt(l.usLookupsPerSecond)} | ${fmt(l.usHitsPerLookup, 2)} | ≥ 100,000/s: ${meets(l.usLookupsPerSecond >= 100_000)} |
| random in the world (60° S to 80° N) | ${fmt(l.worldLookupsPerSecond)} | | ≥ 100,000/s: ${meets(l.worldLookupsPerSecond >= 100_000)} |
`;
}

export function renderReport(f: RunFigures): string {
  const cpu = cpus();
  return `# ${f.title}

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, code at commit ${f.commit}.
Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, shared with other work
(1-minute load average ${fmt(f.loadAtStart, 1)} at the start of the run, ${fmt(loadavg()[0] ?? 0, 1)} when this was written).
Databases: ${f.engines.map((e) => ENGINE_NAMES[e.engine]).join(' and ')} (SQLite: WAL, synchronous=FULL; PostgreSQL 15 on the same machine, a fresh database \`${POSTGRES_DATABASE}\`), each with ${fmt(f.rows)} imported requests (+ the demo city's services).
Load: ${f.connections} connections, ${f.seconds} s per run after a 2 s warm-up; client, servers and databases on the same machine.
Fixed URLs are loaded with autocannon; the distinct-query mix and the multi-process POSTs with a node:http loop
(bench/src/load-loop.ts) that chooses every request afresh and times each one, and its baseline runs through the same loop.
These machines are noisy: compare the ratios, which are measured in the same run, more than the absolute figures;
under a high load average even a ratio moves, since o311 and its baseline run one after the other.
The mix, the uncached page and the import at the last commit before issue 9: bench/results-before-issue-9.md.

## Summary
| figure | o311 | baseline (same run) | ratio | goal |
|---|---|---|---|---|
${f.engines.flatMap((e) => summaryRows(e, f.rows)).join('\n')}
${f.engines.map(mixSection).join('')}${scaleOutSection(f.engines)}${federationSection(f.engines)}${runsSection(f.engines)}${readingSection(f.reading)}${lookupsSection(f.lookups)}`;
}
