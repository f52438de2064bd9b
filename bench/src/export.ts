/**
 * Benchmark part `export` (issue 13): GET /open-data/requests.{csv,geojson,
 * ndjson} of every request (BENCH_ROWS), rows counted from the body as it
 * streams, with the server's memory sampled every 100 ms; beside bare
 * node:http streaming the same number of bytes (the answer's first MiB over
 * and over). Then `o311 export --format csv` to /dev/null, its rows/s and memory.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { download, type ExportFormat } from './export-rows.js';
import { memoryOf, start, stop } from './processes.js';
import type { Running } from './servers.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'geojson', 'ndjson'];
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8', geojson: 'application/geo+json; charset=utf-8', ndjson: 'application/geo+json-seq',
};
const SAMPLE_MS = 100;

export interface PeakMemory {
  rssMb: number;
  ownMb: number;
}

export interface FormatFigures {
  format: ExportFormat;
  status: number;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** The server's RSS before the download, and its peak during it. */
  idle: PeakMemory;
  peak: PeakMemory;
  bare: { seconds: number; bytes: number };
}

export interface CliExportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** As the command reports it (its own clock, without node's start). */
  reportedRowsPerSecond: number;
  peak: PeakMemory;
}

export interface ExportFigures {
  rows: number;
  formats: FormatFigures[];
  cli?: CliExportFigures;
}

const dist = fileURLToPath(new URL('.', import.meta.url));

/** Peak memory of a process, sampled every 100 ms until stopped. */
function peakOf(pid: number): () => PeakMemory {
  const peak: PeakMemory = { rssMb: 0, ownMb: 0 };
  const sample = () => {
    try {
      const m = memoryOf(pid);
      peak.rssMb = Math.max(peak.rssMb, m.rssMb);
      peak.ownMb = Math.max(peak.ownMb, m.ownMb);
    } catch {
      // The process ended between two samples.
    }
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

async function bareStream(sample: Buffer, bytes: number, format: ExportFormat, tmp: string): Promise<{ seconds: number; bytes: number }> {
  const file = join(tmp, `export-sample.${format}`);
  writeFileSync(file, sample);
  const { child, match } = await start('node', [join(dist, 'export-baseline.js'), file, String(bytes), CONTENT_TYPES[format]], /^(\d+)$/);
  try {
    const got = await download(`http://127.0.0.1:${match[1]}/`, format);
    return { seconds: got.seconds, bytes: got.bytes };
  } finally {
    await stop(child);
  }
}

async function cliExport(cli: string, databaseUrl: string, jurisdiction: string): Promise<CliExportFigures> {
  const child = spawn('node', [cli, 'export', '--format', 'csv', '--database', databaseUrl, '--jurisdiction', jurisdiction, '--output', '/dev/null'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const started = performance.now();
  const peak = peakOf(child.pid!);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  const memory = peak();
  if (code !== 0) throw new Error(`o311 export exited with ${code}: ${stderr.trim()}`);
  const summary = /(\d+) requests exported in [\d.]+ s \((\d+) rows\/s\)/.exec(stderr);
  if (!summary) throw new Error(`o311 export printed no summary: ${stderr.trim().slice(-300)}`);
  const rows = Number(summary[1]);
  return { rows, seconds, rowsPerSecond: rows / seconds, reportedRowsPerSecond: Number(summary[2]), peak: memory };
}

export async function measureExport(o: {
  server: Running; cli: string; databaseUrl: string; jurisdiction: string; rows: number; tmp: string; withCli: boolean;
}): Promise<ExportFigures> {
  const pid = o.server.child.pid!;
  const formats: FormatFigures[] = [];
  for (const format of EXPORT_FORMATS) {
    const idle = memoryOf(pid);
    const peak = peakOf(pid);
    const got = await download(`${o.server.origin}/open-data/requests.${format}`, format);
    const memory = peak();
    const bare = await bareStream(got.head, got.bytes, format, o.tmp);
    formats.push({
      format, status: got.status, rows: got.rows, bytes: got.bytes, seconds: got.seconds, rowsPerSecond: got.rows / got.seconds,
      idle: { rssMb: idle.rssMb, ownMb: idle.ownMb }, peak: memory, bare,
    });
  }
  return { rows: o.rows, formats, ...(o.withCli && { cli: await cliExport(o.cli, o.databaseUrl, o.jurisdiction) }) };
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
const meets = (ok: boolean): string => (ok ? 'met' : '**not met**');

/** A section of results.md. */
export function renderExportSection(runs: { engine: 'sqlite' | 'postgres'; figures: ExportFigures }[]): string {
  const out = [
    '## Open-data export (issue 13)',
    '',
    '`GET /open-data/requests.{format}` of every request of the jurisdiction, uncompressed, rows counted from the body as it streams; ' +
      'the server\'s memory (`/proc`) sampled every 100 ms during it: RSS, and of it the process\'s own (RssAnon; the rest is mapped files such as SQLite\'s). ' +
      'On a server started for it (after the dashboard\'s part), the files one after the other. ' +
      'Baseline in the same run: bare node:http streaming the same number of bytes (the answer\'s first MiB repeated). Goals: ≥ 50,000 rows/s, RSS < 250 MB.',
    '',
    '| engine: file | rows | MB | s | rows/s | baseline MB/s | o311 / baseline | RSS before → peak MB | own before → peak MB | goals |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const clis: string[] = [];
  for (const { engine, figures: f } of runs) {
    for (const x of f.formats) {
      const mbps = x.bytes / 1e6 / x.seconds;
      const bareMbps = x.bare.bytes / 1e6 / x.bare.seconds;
      const ok = x.status === 200 && x.rows === f.rows && x.rowsPerSecond >= 50_000 && x.peak.rssMb < 250;
      out.push(`| ${NAMES[engine]}: requests.${x.format} | ${fmt(x.rows)}${x.rows === f.rows ? '' : ` (of ${fmt(f.rows)})`} | ${fmt(x.bytes / 1e6, 1)} | ${fmt(x.seconds, 1)} | ${fmt(x.rowsPerSecond)} | ${fmt(bareMbps)} | ${fmt((100 * mbps) / bareMbps, 1)} % | ${fmt(x.idle.rssMb)} → ${fmt(x.peak.rssMb)} | ${fmt(x.idle.ownMb)} → ${fmt(x.peak.ownMb)} | ${meets(ok)} |`);
    }
    if (f.cli) {
      const c = f.cli;
      clis.push(`| ${NAMES[engine]} | ${fmt(c.rows)} | ${fmt(c.seconds, 1)} | ${fmt(c.rowsPerSecond)} | ${fmt(c.reportedRowsPerSecond)} | ${fmt(c.peak.rssMb)} | ${fmt(c.peak.ownMb)} |`);
    }
  }
  if (clis.length > 0) {
    out.push(
      '',
      '`o311 export --format csv --output /dev/null` (the process sampled every 100 ms; rows/s over the wall time including node\'s start, and as the command reports it):',
      '',
      '| engine | rows | s | rows/s | reported rows/s | peak RSS MB | own peak MB |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...clis,
    );
  }
  out.push('');
  return out.join('\n');
}
