/**
 * The monitor benchmark's poller (a child process, pinned to one core by the
 * caller): a SQLite store with COUNT registry endpoints at the fleet, then
 * pollBatch in a loop for SECONDS (batches of 50 slugs, several batches at
 * once, as the server's poll jobs run them), recording into the store.
 * Prints `figures {…}`: polls, wall and CPU seconds (this process's, from
 * /proc/self/stat and process.cpuUsage), kinds, usage samples.
 *
 *   node bench/dist/monitor-poller.js '{"origin":…,"count":…,"seconds":…,"database":…}'
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pollBatch, type BatchDeps } from '@o311/monitor';
import { openStore } from '@o311/store';
import { monitorFleetFormats } from './monitor-fleet.js';

export interface PollerInput {
  origin: string;
  count: number;
  seconds: number;
  /** A sqlite: URL. */
  database: string;
  timeoutMs: number;
  /** Slugs per pollBatch and polls at once within one. */
  batchSize: number;
  /** pollBatch calls running at once. */
  batches: number;
}

export interface PollerFigures {
  polls: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** From /proc/self/stat (utime + stime), when readable. */
  procCpuSeconds: number | null;
  /** The cores this process may run on (sched affinity, from /proc/self/status). */
  cpusAllowed: string | null;
  byKind: Record<string, number>;
  batchesRecorded: number;
  usageSamples: number;
  incidentsOpened: number;
}

function procCpuSeconds(): number | null {
  try {
    // Fields after the command name (which may hold spaces) start at "state"; utime and stime are the 14th and 15th.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

function cpusAllowed(): string | null {
  try {
    return /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '') as PollerInput;
  const store = await openStore(input.database);
  await store.migrate();
  const slugs: string[] = [];
  for (let n = 0; n < input.count; n++) {
    const slug = `fake-${n}`;
    slugs.push(slug);
    await store.saveEndpoint({
      slug, name: `Fake endpoint ${n}`, tier: 'city', country: 'US', base_url: `${input.origin}/e/${n}/`, discovery_url: null,
      jurisdiction_id: null, local: false, formats: monitorFleetFormats(n), api_key_url: null, terms_url: null, contact_email: null,
      status: 'production', boundary_id: null, quirks: null, notes: '',
    });
  }
  await store.monitor.syncTargets(Date.now());

  const deps: BatchDeps = {
    store, options: { allowPrivate: true, timeoutMs: input.timeoutMs, now: Date.now }, failuresToOpen: 3, concurrency: input.batchSize,
  };
  const figures: PollerFigures = {
    polls: 0, wallSeconds: 0, cpuSeconds: 0, procCpuSeconds: null, cpusAllowed: cpusAllowed(), byKind: {}, batchesRecorded: 0, usageSamples: 0, incidentsOpened: 0,
  };
  let cursor = 0;
  const nextSlice = (): string[] => {
    const slice: string[] = [];
    for (let i = 0; i < input.batchSize; i++) slice.push(slugs[cursor++ % slugs.length]!);
    return slice;
  };
  const cpu0 = process.cpuUsage();
  const proc0 = procCpuSeconds();
  const started = performance.now();
  const deadline = started + input.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const recorded = await pollBatch(nextSlice(), deps);
      figures.batchesRecorded++;
      figures.incidentsOpened += recorded.opened.length;
    }
  };
  await Promise.all(Array.from({ length: input.batches }, worker));
  figures.wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  figures.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const proc1 = procCpuSeconds();
  figures.procCpuSeconds = proc0 === null || proc1 === null ? null : proc1 - proc0;

  const samples = await store.monitor.listSamples({ limit: 1_000_000 });
  figures.polls = samples.length;
  for (const s of samples) figures.byKind[s.error_kind ?? 'ok'] = (figures.byKind[s.error_kind ?? 'ok'] ?? 0) + 1;
  figures.usageSamples = (await store.monitor.listUsage({ limit: 1_000_000 })).length;
  await store.close();
  process.stdout.write(`figures ${JSON.stringify(figures)}\n`);
}

if (process.argv[1]?.endsWith('monitor-poller.js')) {
  main().catch((e: unknown) => {
    process.stderr.write(`monitor poller failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
