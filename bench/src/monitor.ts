/**
 * Benchmark part `monitor` (issue 12): endpoint polls per minute by pollBatch
 * in one process on one core (taskset -c 0 when the machine has it), against
 * a fleet of fake endpoints in another process (on another core), recording
 * into SQLite. Latencies 50 ms to 2 s, timeouts, broken and failing answers
 * (monitor-fleet.ts). The goal: at least 1,000 polls per minute.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLOW_MS } from './monitor-fleet.js';
import type { PollerFigures, PollerInput } from './monitor-poller.js';
import { run, start, stop } from './processes.js';

export interface MonitorFigures extends PollerFigures {
  endpoints: number;
  timeoutMs: number;
  batchSize: number;
  batches: number;
  /** The poller ran under `taskset -c 0`. */
  pinned: boolean;
  pollsPerMinute: number;
  pollsPerCpuSecond: number;
}

const dist = fileURLToPath(new URL('.', import.meta.url));
const hasTaskset = (): boolean => spawnSync('taskset', ['-c', '0', 'true']).status === 0;
/** `taskset -c CORE node …` when possible, else plain node. */
const pinned = (core: number, args: string[], pin: boolean): [string, string[]] => (pin ? ['taskset', ['-c', String(core), 'node', ...args]] : ['node', args]);

export async function measureMonitor(o: { tmp: string; seconds: number; endpoints?: number }): Promise<MonitorFigures> {
  const endpoints = o.endpoints ?? 250;
  const pin = hasTaskset();
  const [fleetCommand, fleetArgs] = pinned(1, [join(dist, 'monitor-fleet.js'), String(endpoints)], pin);
  const fleet: { child: ChildProcess; match: RegExpMatchArray } = await start(fleetCommand, fleetArgs, /^fleet (.*)$/);
  try {
    const { origin } = JSON.parse(fleet.match[1]!) as { origin: string };
    const input: PollerInput = {
      origin, count: endpoints, seconds: o.seconds, database: `sqlite:${join(o.tmp, 'monitor.sqlite')}`,
      timeoutMs: SLOW_MS / 2, batchSize: 50, batches: Math.ceil(endpoints / 50),
    };
    const [command, args] = pinned(0, [join(dist, 'monitor-poller.js'), JSON.stringify(input)], pin);
    const { stdout } = await run(command, args);
    const line = stdout.split('\n').find((l) => l.startsWith('figures '));
    if (line === undefined) throw new Error(`the monitor poller printed no figures: ${stdout}`);
    const f = JSON.parse(line.slice('figures '.length)) as PollerFigures;
    const cpu = f.procCpuSeconds ?? f.cpuSeconds;
    return {
      ...f, endpoints, timeoutMs: input.timeoutMs, batchSize: input.batchSize, batches: input.batches, pinned: pin,
      pollsPerMinute: (60 * f.polls) / f.wallSeconds,
      pollsPerCpuSecond: cpu > 0 ? f.polls / cpu : 0,
    };
  } finally {
    await stop(fleet.child);
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A section of results.md. */
export function renderMonitorSection(m: MonitorFigures): string {
  const kinds = Object.entries(m.byKind).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${fmt(n)}`).join(', ');
  const cpu = m.procCpuSeconds ?? m.cpuSeconds;
  return [
    '## Status monitor: endpoint polls (issue 12)',
    '',
    `pollBatch in one process${m.pinned ? ' pinned to one core (`taskset -c 0`; CPUs allowed: ' + (m.cpusAllowed ?? '?') + ')' : ' (not pinned: no taskset)'}, recording into SQLite, ` +
      `against ${m.endpoints} fake endpoints in another process: latencies 50 ms to 2 s, 1 in 25 slower than the ${fmt(m.timeoutMs)} ms timeout, ` +
      `1 in 25 each broken XML, broken JSON, an HTML 500 page, the wrong shape, 1 in 50 closing the connection. ` +
      `${m.batches} pollBatch calls at once, ${m.batchSize} slugs each (at most ${m.batchSize} polls at once in each); usage sampled once per endpoint that answered.`,
    '',
    '| figure | value | goal |',
    '|---|---:|---|',
    `| polls per minute | ${fmt(m.pollsPerMinute)} | ≥ 1,000: ${m.pollsPerMinute >= 1000 ? 'met' : '**not met**'} |`,
    `| polls | ${fmt(m.polls)} in ${fmt(m.wallSeconds, 1)} s | |`,
    `| poller CPU | ${fmt(cpu, 2)} s (${fmt((100 * cpu) / m.wallSeconds, 1)} % of one core) | |`,
    `| polls per CPU-second (per CPU-minute) | ${fmt(m.pollsPerCpuSecond)} (${fmt(60 * m.pollsPerCpuSecond)}) | |`,
    `| outcomes | ${kinds} | |`,
    `| usage samples, incidents opened | ${fmt(m.usageSamples)}, ${fmt(m.incidentsOpened)} | |`,
    '',
  ].join('\n');
}
