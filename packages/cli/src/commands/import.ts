/**
 * `o311 import FILE`: bulk-loads historical requests from CSV (streamed), GeoReport
 * JSON or GeoReport XML into one jurisdiction. Progress goes to stderr; the
 * summary `imported N requests in S s (R rows/s)` is the last line of stdout.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import type { Jurisdiction, Store } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError, UsageError } from '../errors.js';
import { importFile, type ImportFormat, type ImportResult } from '../import/importer.js';
import { createProgress } from '../import/progress.js';
import { println, type CliIo } from '../io.js';
import { addDatabaseOption, type DatabaseOptions } from './options.js';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'json', 'xml'];

export interface ImportCommandOptions extends DatabaseOptions {
  jurisdiction?: string;
  format?: ImportFormat;
  dryRun: boolean;
}

/** The format named by `--format`, else by the file's extension. */
export function importFormatOf(file: string, option: ImportFormat | undefined): ImportFormat {
  if (option !== undefined) return option;
  const ext = extname(file).slice(1).toLowerCase();
  if ((IMPORT_FORMATS as readonly string[]).includes(ext)) return ext as ImportFormat;
  throw new UsageError(`cannot tell the format of ${file} from its extension; use --format csv, json or xml`);
}

/** `--jurisdiction`, else the primary one (as for GeoReport calls without jurisdiction_id). */
export async function chooseJurisdiction(store: Store, id: string | undefined): Promise<Jurisdiction> {
  const all = await store.listJurisdictions();
  if (id !== undefined) {
    const found = all.find((j) => j.id === id);
    if (found) return found;
    throw new CliError(`no jurisdiction '${id}' in this database${all.length ? `; there is ${all.map((j) => j.id).join(', ')}` : ''}`);
  }
  const primary = await store.primaryJurisdiction();
  if (primary) return primary;
  if (all.length === 0) {
    throw new CliError(
      'the database has no jurisdiction to import into: create one with the staff API (POST /api/v1/jurisdictions with an admin token from `o311 tokens create --role admin`), or run `o311 serve --demo` to get the demo city',
    );
  }
  // Only sandboxes, which are never primary.
  throw new CliError(`the database has no primary jurisdiction (there is ${all.map((j) => j.id).join(', ')}); choose one with --jurisdiction`);
}

export const summaryLine = (r: Pick<ImportResult, 'rows' | 'seconds'>): string => {
  const seconds = Math.max(r.seconds, 0.001);
  return `imported ${r.rows} requests in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s (${Math.round(r.rows / seconds)} rows/s)`;
};

export async function runImport(io: CliIo, file: string, o: ImportCommandOptions): Promise<ImportResult> {
  const format = importFormatOf(file, o.format);
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new CliError(`${file} is not a file`);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
    const jurisdiction = await chooseJurisdiction(store, o.jurisdiction);
    const result = await importFile({
      store,
      file,
      format,
      jurisdiction_id: jurisdiction.id,
      progress: createProgress(io),
      dryRun: o.dryRun,
      onIgnoredColumns: (columns) => println(io.stderr, `note: ignoring columns that are not GeoReport fields: ${columns.join(', ')}`),
    });
    for (const s of result.createdServices) {
      println(io.stdout, `${o.dryRun ? 'would create' : 'created'} service ${s.service_code} ("${s.service_name}") in ${jurisdiction.id}: it was missing (realtime, no attributes)`);
    }
    println(io.stdout, o.dryRun
      ? `checked ${result.rows} requests in ${result.seconds.toFixed(2)} s: all valid (dry run, nothing written)`
      : summaryLine(result));
    return result;
  });
}

export function importCommand(io: CliIo): Command {
  return addDatabaseOption(
    new Command('import')
      .description('bulk-load historical requests from CSV, GeoReport JSON or GeoReport XML')
      .argument('<file>', 'CSV with a header of GeoReport field names, or a GeoReport requests document')
      .option('--jurisdiction <id>', 'jurisdiction to import into (default: the only one)')
      .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(IMPORT_FORMATS))
      .option('--dry-run', 'check every row and report, write nothing', false),
  ).action(async (file: string, o: ImportCommandOptions) => {
    await runImport(io, file, o);
  });
}
