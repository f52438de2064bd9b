/**
 * `npm run bench`: on SQLite and on PostgreSQL, the import, the distinct-query
 * mix, the uncached page and the service list; on SQLite the cached GET and
 * durable POST (as before issue 9); on PostgreSQL, POSTs spread over three
 * processes, one of them killed midway; on both, the federated endpoint's
 * routed POST and services lookup beside the local ones. Each figure beside a
 * baseline measured in the same run; written to bench/results.md.
 *
 * Environment: BENCH_ROWS (1,000,000), BENCH_SECONDS (10), BENCH_ENGINES
 * (sqlite,postgres), BENCH_PARTS (all: import,mix,uncached,services,cached,
 * scale-out,client,discovery,federation,monitor,dashboard,export), BENCH_POSTS (10,000, for scale-out), BENCH_CLI (the o311
 * CLI to measure; this checkout's by default), BENCH_OUT (bench/results.md),
 * BENCH_TITLE, BENCH_POSTGRES (server URL), BENCH_POSTGRES_DATABASE (o311_bench).
 * Parts `dashboard` and `export` (issue 13), on both engines right after the
 * import: the dashboard's rebuild, filter changes and write path; the
 * open-data files and `o311 export` (BENCH_DASHBOARD_REQUESTS per part, 500).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@o311/store';
import { seedDemoCity } from '@o311/demo';
import type { Attribute } from '@o311/georeport';
import { dropDatabase, freshDatabase, type Engine } from './bench-database.js';
import { renderDashboardSection, type DashboardFigures } from './dashboard.js';
import { measureDashboardAndExport } from './dashboard-run.js';
import { renderExportSection, type ExportFigures } from './export.js';
import { measureCachedAndPost } from './cached-and-post.js';
import { measureClientReading } from './client-read.js';
import { measureLookupHttp } from './discovery-http.js';
import { measureLookups, type LookupFigures } from './discovery-lookup.js';
import { writeRequestsCsv, type Point } from './dataset.js';
import { measureImport } from './import-rate.js';
import { measureFederation } from './federation.js';
import { measureMix } from './mix.js';
import { measureMonitor, renderMonitorSection, type MonitorFigures } from './monitor.js';
import { measureMonitorApi, renderMonitorApiSection, type MonitorApiFigures } from './monitor-api.js';
import { createKey, stop } from './processes.js';
import { renderReport, type EngineFigures } from './report.js';
import { measureScaleOut } from './scale-out.js';
import { serve } from './servers.js';
import { measureServices } from './services-documents.js';
import { measureUncachedPage } from './uncached-page.js';

const PARTS = ['import', 'mix', 'uncached', 'services', 'cached', 'scale-out', 'client', 'discovery', 'federation', 'monitor', 'dashboard', 'export'] as const;
type Part = (typeof PARTS)[number];
const SERVER_PARTS: readonly Part[] = ['mix', 'uncached', 'services', 'cached', 'scale-out', 'discovery', 'federation', 'dashboard', 'export'];

function listFromEnv<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return [...allowed];
  const items = raw.split(',').map((s) => s.trim());
  const unknown = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`${name}: unknown ${unknown.join(', ')} (known: ${allowed.join(', ')})`);
  return items as T[];
}

function positiveFromEnv(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

const ROWS = positiveFromEnv('BENCH_ROWS', 1_000_000);
const SECONDS = positiveFromEnv('BENCH_SECONDS', 10);
const ENGINES = listFromEnv<Engine>('BENCH_ENGINES', ['sqlite', 'postgres']);
const parts = new Set(listFromEnv<Part>('BENCH_PARTS', PARTS));
const CONNECTIONS = 10;
/** `serve --workers N` for the second mix run: one process per core of this machine. */
const MIX_WORKERS = Math.max(2, availableParallelism());
const SCALE_OUT = { total: positiveFromEnv('BENCH_POSTS', 10_000), connections: 50 };
const DAYS = 80;

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = join(root, 'bench', 'tmp');
const cli = resolve(process.env.BENCH_CLI ?? join(root, 'packages', 'cli', 'bin', 'o311.js'));
const baselineServer = join(root, 'bench', 'dist', 'baseline.js');
const out = resolve(process.env.BENCH_OUT ?? join(root, 'bench', 'results.md'));

const log = (s: string) => process.stderr.write(`bench: ${new Date().toISOString().slice(11, 19)} ${s}\n`);

function answerFor(a: Attribute): string {
  if (a.datatype === 'number') return '1';
  if (a.datatype === 'datetime') return new Date().toISOString();
  if (a.values?.[0]) return a.values[0].key;
  return 'bench';
}

interface City {
  jurisdiction: string;
  codes: string[];
  postBody: (key: string, description: string) => string;
}

/** Migrates the database and seeds the demo city's services (no requests). */
async function prepare(databaseUrl: string): Promise<City> {
  const store = await openStore(databaseUrl);
  try {
    await store.migrate();
    const { jurisdiction_id } = await seedDemoCity(store, { requests: 0 });
    const services = await store.listServices(jurisdiction_id);
    const realtime = services.find((s) => s.type === 'realtime');
    if (!realtime) throw new Error('the demo city has no realtime service');
    const answers = realtime.attributes
      .filter((a) => a.variable && a.required)
      .map((a) => `attribute%5B${encodeURIComponent(a.code)}%5D=${encodeURIComponent(answerFor(a))}`);
    return {
      jurisdiction: jurisdiction_id,
      codes: services.map((s) => s.service_code),
      postBody: (key, description) =>
        [`api_key=${key}`, `service_code=${encodeURIComponent(realtime.service_code)}`, 'lat=41.88', 'long=-87.63',
          `description=${encodeURIComponent(description)}`, 'email=bench%40example.org', ...answers].join('&'),
    };
  } finally {
    await store.close();
  }
}

/** Issue 13's figures per engine, rendered as sections of their own. */
const dashboards: { engine: Engine; rows: number; figures: DashboardFigures }[] = [];
const exports: { engine: Engine; figures: ExportFigures }[] = [];

async function benchEngine(engine: Engine, csv: string, points: Point[], now: number): Promise<EngineFigures> {
  const figures: EngineFigures = { engine };
  const databaseUrl = await freshDatabase(engine, tmp);
  log(`${engine}: seeding the demo city's services`);
  const city = await prepare(databaseUrl);
  log(`${engine}: importing ${ROWS} requests (and the same with --dry-run)`);
  const imported = await measureImport(cli, csv, ROWS, databaseUrl, city.jurisdiction);
  if (parts.has('import')) figures.import = imported;
  const key = await createKey(cli, databaseUrl, 'bench');
  const common = { baselineServer, tmp, connections: CONNECTIONS, seconds: SECONDS };

  // First, and for every part that serves the database: a server's first dashboard sync rebuilds the read
  // model of every request (minutes at a million), which is waited for here, not measured under other figures.
  if (SERVER_PARTS.some((p) => parts.has(p))) {
    const measured = await measureDashboardAndExport({
      ...common, cli, databaseUrl, jurisdiction: city.jurisdiction, serviceCodes: city.codes, rows: ROWS, now, days: DAYS,
      postBody: (d) => city.postBody(key, d), dashboard: parts.has('dashboard'), export: parts.has('export'), log: (s) => log(`${engine}: ${s}`),
    });
    if (measured.dashboard) dashboards.push({ engine, rows: ROWS, figures: measured.dashboard });
    if (measured.export) exports.push({ engine, figures: measured.export });
  }

  const server = await serve(cli, databaseUrl);
  try {
    if (parts.has('mix')) {
      log(`${engine}: distinct-query mix, bare node:http, then o311 on one process and on ${MIX_WORKERS}`);
      const workers = await serve(cli, databaseUrl, ['--workers', String(MIX_WORKERS)]);
      try {
        figures.mix = await measureMix({
          ...common, server, points, serviceCodes: city.codes, now, days: DAYS, workers: { count: MIX_WORKERS, server: workers },
        });
      } finally {
        await stop(workers.child);
      }
    }
    if (parts.has('services')) {
      log(`${engine}: services documents`);
      figures.services = await measureServices({ ...common, server });
    }
    if (parts.has('cached') && engine === 'sqlite') {
      log(`${engine}: cached GET and durable POST`);
      figures.cached = await measureCachedAndPost({ ...common, server, postBody: city.postBody(key, 'Benchmark request') });
    }
  } finally {
    await stop(server.child);
  }
  if (parts.has('uncached')) {
    log(`${engine}: page of 1,000 with the response cache off`);
    figures.uncached = await measureUncachedPage({ ...common, cli, databaseUrl });
  }
  // Before the discovery part, whose seeded registry would add real (unreachable) endpoints at the points asked.
  if (parts.has('federation')) {
    log(`${engine}: federated endpoint: services at fresh points and routed POSTs, beside the local ones`);
    figures.federation = await measureFederation({
      ...common, cli, databaseUrl, jurisdiction: city.jurisdiction, key, localPostBody: (d) => city.postBody(key, d),
    });
  }
  if (parts.has('discovery')) {
    log(`${engine}: discovery lookup.json over HTTP, fresh points, bare node:http then o311`);
    figures.lookupHttp = await measureLookupHttp({ ...common, cli, databaseUrl });
  }
  if (parts.has('scale-out') && engine === 'postgres') {
    log(`${engine}: ${SCALE_OUT.total} POSTs on one and on three processes, then with one killed`);
    figures.scaleOut = await measureScaleOut({ cli, databaseUrl, ...SCALE_OUT, postBody: (d) => city.postBody(key, d) });
  }
  await dropDatabase(engine);
  return figures;
}

function commitOf(directory: string): string {
  try {
    const head = execFileSync('git', ['-C', directory, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim();
    // The harness (bench/) may come from another checkout: only the measured code counts.
    const dirty = execFileSync('git', ['-C', directory, 'status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench'], { encoding: 'utf8' }).trim();
    return `\`${head.slice(0, 80)}\`${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const now = Date.now();
  const csv = join(tmp, 'requests.csv');
  log(`writing ${ROWS} requests to CSV; measuring ${cli}`);
  // The demo city's service codes are the same on every engine; the first engine's are used for the file.
  const codes = (await prepare(`sqlite:${join(tmp, 'codes.sqlite')}`)).codes;
  const points = await writeRequestsCsv(csv, { rows: ROWS, serviceCodes: codes, center: { lat: 41.88, long: -87.63 }, days: DAYS, now });

  const cliRoot = resolve(cli, '..', '..', '..', '..');
  const engines: EngineFigures[] = [];
  let reading: ReturnType<typeof measureClientReading> | undefined;
  let lookups: LookupFigures | undefined;
  let monitor: MonitorFigures | undefined;
  let monitorApi: MonitorApiFigures | undefined;
  const write = (): string => {
    const report = renderReport({
      title: process.env.BENCH_TITLE ?? 'Benchmark results',
      commit: commitOf(cliRoot),
      rows: ROWS,
      seconds: SECONDS,
      connections: CONNECTIONS,
      engines,
      reading,
      lookups,
      loadAtStart,
    }) + (monitor === undefined ? '' : `\n${renderMonitorSection(monitor)}`) + (monitorApi === undefined ? '' : `\n${renderMonitorApiSection(monitorApi)}`)
      + (dashboards.length === 0 ? '' : `\n${renderDashboardSection(dashboards)}`) + (exports.length === 0 ? '' : `\n${renderExportSection(exports)}`);
    writeFileSync(out, report);
    return report;
  };
  // The report is written after each engine, so that a failure later keeps what was measured.
  for (const engine of ENGINES) {
    engines.push(await benchEngine(engine, csv, points, now));
    write();
  }
  if (parts.has('client')) {
    log('client: reading 1,000 requests');
    reading = measureClientReading();
  }
  if (parts.has('discovery')) {
    log('discovery: point lookups over the seeded boundaries');
    lookups = measureLookups();
  }
  if (parts.has('monitor')) {
    log('monitor: endpoint polls by pollBatch on one core against fake endpoints');
    monitor = await measureMonitor({ tmp, seconds: Math.max(SECONDS, 30) });
    write();
    log('monitor: GET services.json p99 with the monitor off, on and off again');
    monitorApi = await measureMonitorApi({ cli, tmp, seconds: Math.max(SECONDS, 60) });
  }
  process.stdout.write(write());
  rmSync(tmp, { recursive: true, force: true });
  const failures = (r: { non2xx: number; errors: number }): number => r.non2xx + r.errors;
  const failed = engines.some((e) =>
    [e.mix?.o311, e.uncached?.o311, e.cached?.get, e.cached?.post, ...(e.services ?? []).map((s) => s.o311),
      e.federation?.localServices, e.federation?.federatedServices, e.federation?.localPost, e.federation?.routedPost]
      .some((r) => r !== undefined && failures(r) > 0))
    || [monitorApi?.off, monitorApi?.on, monitorApi?.offAgain].some((r) => r !== undefined && failures(r) > 0)
    || dashboards.some(({ figures: f }) => Object.values(f.reads?.parts ?? {}).some((p) => p.non2xx > 0)
      || [f.writes?.off, f.writes?.on].some((r) => r !== undefined && failures(r) > 0))
    || exports.some(({ figures: f }) => f.formats.some((x) => x.status !== 200 || x.rows !== f.rows));
  if (failed) {
    log('some benchmark requests failed; see the errors columns');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
