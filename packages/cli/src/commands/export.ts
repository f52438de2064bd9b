/**
 * `o311 export`: every public request of a jurisdiction (or those of a
 * filter) as CSV, GeoJSON, newline-delimited GeoJSON or a GeoReport JSON/XML
 * document, to stdout or a file, streamed in constant memory: the same files
 * as /open-data/ serves. Progress on stderr (a bar on a terminal); the last
 * stderr line is `N requests exported in S s (R rows/s)`.
 */
import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import type { ExportFilter, PublicStoredRequest, Store } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError, UsageError } from '../errors.js';
import { createProgress } from '../import/progress.js';
import { println, type CliIo, type OutputStream } from '../io.js';
import { chooseJurisdiction } from './import.js';
import { addDatabaseOption, checkPublicUrl, type DatabaseOptions } from './options.js';

export const EXPORT_COMMAND_FORMATS = ['csv', 'geojson', 'ndjson', 'georeport-json', 'georeport-xml'] as const;
export type ExportCommandFormat = (typeof EXPORT_COMMAND_FORMATS)[number];

export interface ExportCommandOptions extends DatabaseOptions {
  format: ExportCommandFormat;
  jurisdiction?: string;
  service?: string[];
  status?: string;
  from?: string;
  to?: string;
  month?: string;
  output?: string;
  publicUrl?: string;
}

export interface ExportResult {
  rows: number;
  seconds: number;
}

/** Media links need an origin; without --public-url, the address `o311 serve` listens on by default. */
export const DEFAULT_EXPORT_ORIGIN = 'http://127.0.0.1:3311';

export const exportSummary = (r: ExportResult): string => {
  const seconds = Math.max(r.seconds, 0.001);
  return `${r.rows} requests exported in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s (${Math.round(r.rows / seconds)} rows/s)`;
};

/** The store's pages, counted as they pass. */
async function* counted(pages: AsyncIterable<PublicStoredRequest[]>, onPage: (rows: number) => void): AsyncGenerator<PublicStoredRequest[]> {
  for await (const page of pages) {
    onPage(page.length);
    yield page;
  }
}

/** Where the bytes go: a file, a real stream (stdout) with backpressure, or a captured text stream (tests). */
function destination(io: CliIo, output: string | undefined): Writable {
  if (output !== undefined) return createWriteStream(output);
  const out: OutputStream = io.stdout;
  if (out instanceof Writable) return out;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.write(chunk.toString('utf8'));
      done();
    },
  });
}

async function filterOf(store: Store, o: ExportCommandOptions): Promise<{ filter: ExportFilter; timezone: string }> {
  const { exportFilter, monthRange, parseMonth, isOpen311Failure } = await serverParts();
  const j = await chooseJurisdiction(store, o.jurisdiction);
  if (j.sandbox) throw new CliError(`${j.id} is a sandbox: its requests are test data, not open data`);
  if (o.month !== undefined && (o.from !== undefined || o.to !== undefined)) throw new UsageError('--month cannot be combined with --from or --to');
  let filter: ExportFilter;
  try {
    filter = exportFilter(j, { services: o.service, status: o.status, requestedFrom: o.from, requestedTo: o.to }, {
      services: '--service', status: '--status', requestedFrom: '--from', requestedTo: '--to', updatedFrom: '--updated-from', updatedTo: '--updated-to',
    });
  } catch (e) {
    throw isOpen311Failure(e) ? new UsageError(e.errors.map((x) => x.description).join('; ')) : e;
  }
  if (o.month !== undefined) {
    const month = parseMonth(o.month);
    if (!month) throw new UsageError(`--month must be YYYY-MM, got '${o.month}'`);
    const { start, end } = monthRange(month.year, month.month, j.timezone);
    filter = { ...filter, requested_from: start, requested_to: end };
  }
  return { filter, timezone: j.timezone };
}

/** The HTTP stack's parts, loaded when the command runs (as `monitor` does). */
async function serverParts() {
  const server = await import('@o311/server');
  const { isOpen311Failure } = await import('@o311/georeport');
  return { ...server, isOpen311Failure };
}

export async function runExport(io: CliIo, o: ExportCommandOptions): Promise<ExportResult> {
  const origin = checkPublicUrl(o.publicUrl ?? io.env.O311_PUBLIC_URL) ?? DEFAULT_EXPORT_ORIGIN;
  return withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
    const { exportStream, georeportStream } = await serverParts();
    const { filter, timezone } = await filterOf(store, o);
    const total = await store.countRequests(filter);
    const projection = { timezone, mediaBase: `${origin}/open311/v2/media/` };
    const progress = createProgress(io, { words: { label: 'exporting', unit: 'rows' } });
    let rows = 0;
    const started = performance.now();
    progress.start(total);
    const pages = counted(store.exportRequests(filter), (n) => {
      rows += n;
      progress.update(rows, rows);
    });
    const body: Readable = o.format === 'georeport-json' || o.format === 'georeport-xml'
      ? georeportStream(store, pages, projection, o.format === 'georeport-json' ? 'json' : 'xml')
      : exportStream(o.format, pages, projection);
    try {
      await pipeline(body, destination(io, o.output), { end: o.output !== undefined });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new CliError(`cannot write ${o.output}: ${(e as Error).message}`);
      throw e;
    } finally {
      progress.stop();
    }
    const result = { rows, seconds: (performance.now() - started) / 1000 };
    println(io.stderr, exportSummary(result));
    return result;
  });
}

export function exportCommand(io: CliIo): Command {
  return addDatabaseOption(
    new Command('export')
      .description('write every public request (or those of a filter) as CSV, GeoJSON, NDJSON or a GeoReport document; never personal data')
      .addOption(new Option('--format <format>', 'output format').choices(EXPORT_COMMAND_FORMATS).makeOptionMandatory())
      .option('--jurisdiction <id>', 'jurisdiction to export (default: the primary one)')
      .option('--service <code...>', 'only these service codes (repeatable, or a comma list)')
      .addOption(new Option('--status <status>', 'only open or closed requests').choices(['open', 'closed']))
      .option('--from <date>', 'requested on or after: a date (2026-01-31, local midnight) or a datetime with a timezone')
      .option('--to <date>', 'requested on or before: a date (the whole day) or a datetime with a timezone')
      .option('--month <YYYY-MM>', 'requested in this calendar month of the jurisdiction (the monthly GeoReport file)')
      .option('--output <file>', 'write to this file (replaced) instead of stdout')
      .option('--public-url <url>', `origin of media links (default: $O311_PUBLIC_URL, else ${DEFAULT_EXPORT_ORIGIN})`),
  ).action(async (o: ExportCommandOptions) => {
    await runExport(io, o);
  });
}
