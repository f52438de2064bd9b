/**
 * `o311 gazetteer import FILE --jurisdiction ID`: a jurisdiction's address
 * points and streets from CSV or GeoJSON (gazetteer/rows.ts lists the
 * columns), replacing its whole gazetteer in one transaction. Every row is
 * checked first and every bad one is reported with its line (CSV) or feature
 * (GeoJSON): by default one bad row means nothing is imported;
 * `--skip-bad-rows` imports the good ones and lists those skipped.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { gazetteerContent } from '@o311/geocoder';
import { MAX_GAZETTEER_ADDRESSES, type GazetteerCounts } from '@o311/store';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError, UsageError } from '../errors.js';
import { readGazetteerCsv } from '../gazetteer/read-csv.js';
import { readGazetteerGeoJson } from '../gazetteer/read-geojson.js';
import { GAZETTEER_COLUMNS, type GazetteerRows, type RowProblem } from '../gazetteer/rows.js';
import { println, type CliIo } from '../io.js';
import type { DatabaseOptions } from './options.js';

export const GAZETTEER_FORMATS = ['csv', 'geojson'] as const;
export type GazetteerFormat = (typeof GAZETTEER_FORMATS)[number];

export interface GazetteerLimits {
  maxBytes: number;
  maxRows: number;
}

export const GAZETTEER_LIMITS: GazetteerLimits = { maxBytes: 256 * 1024 * 1024, maxRows: MAX_GAZETTEER_ADDRESSES };
/** Problems printed one per line; the rest are counted. */
const PROBLEMS_SHOWN = 20;

export interface GazetteerImportOptions extends DatabaseOptions {
  jurisdiction: string;
  format?: GazetteerFormat;
  skipBadRows: boolean;
  dryRun: boolean;
}

function formatOf(file: string, given: GazetteerFormat | undefined): GazetteerFormat {
  if (given !== undefined) return given;
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.geojson' || ext === '.json') return 'geojson';
  throw new UsageError(`cannot tell the format of ${file} from its name: give --format csv or --format geojson`);
}

async function readBounded(file: string, limits: GazetteerLimits): Promise<string> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new CliError(`${file} is not a file`);
    if (s.size > limits.maxBytes) throw new CliError(`${file} is larger than ${limits.maxBytes} bytes; nothing imported`);
    return await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

function listProblems(io: CliIo, problems: readonly RowProblem[]): void {
  for (const p of problems.slice(0, PROBLEMS_SHOWN)) println(io.stderr, `${p.where}: ${p.message}`);
  if (problems.length > PROBLEMS_SHOWN) println(io.stderr, `… and ${problems.length - PROBLEMS_SHOWN} more`);
}

export async function runGazetteerImport(io: CliIo, file: string, o: GazetteerImportOptions, limits = GAZETTEER_LIMITS): Promise<GazetteerCounts> {
  const format = formatOf(file, o.format);
  const text = await readBounded(file, limits);
  let rows: GazetteerRows;
  try {
    rows = format === 'csv' ? readGazetteerCsv(text, limits.maxRows) : readGazetteerGeoJson(text, limits.maxRows);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`${file}: ${e.message}; nothing imported`, { cause: e });
    throw e;
  }
  const bad = rows.problems.length;
  if (bad > 0) {
    listProblems(io, rows.problems);
    if (!o.skipBadRows) throw new CliError(`${file}: ${bad} of ${rows.rows} rows are not valid (listed above); nothing imported (--skip-bad-rows imports the others)`);
    println(io.stderr, `skipped ${bad} of ${rows.rows} rows (listed above)`);
  }
  const content = gazetteerContent(rows.addresses, rows.streets);
  const counts = { addresses: content.addresses.length, streets: content.streets.length };
  const what = `${counts.addresses} address points and ${counts.streets} streets`;
  if (o.dryRun) {
    println(io.stdout, `checked ${what} from ${file} (dry run, nothing written)`);
    return counts;
  }
  return withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
    if ((await store.getJurisdiction(o.jurisdiction)) === undefined) throw new UsageError(`--jurisdiction: no jurisdiction '${o.jurisdiction}' in the database`);
    // One transaction, no progress to show (500,000 points take about half a minute on PostgreSQL).
    if (io.ttyStderr) println(io.stderr, `saving ${what}…`);
    const written = await store.gazetteer.replace(o.jurisdiction, content);
    println(io.stdout, `imported ${what} into the gazetteer of ${o.jurisdiction} (its previous gazetteer replaced)`);
    return written;
  });
}

export function gazetteerImportCommand(io: CliIo): Command {
  const columns = Object.entries(GAZETTEER_COLUMNS).map(([f, names]) => `  ${f.padEnd(9)} ${names.join(', ')}`).join('\n');
  return new Command('import')
    .description("replace a jurisdiction's address gazetteer with the address points and streets of a CSV or GeoJSON file")
    .argument('<file>', 'a .csv with a header row, or a .geojson FeatureCollection (Points; LineStrings for streets)')
    .requiredOption('--jurisdiction <id>', 'whose gazetteer it is')
    .addOption(new Option('--format <format>', 'the file format (default: from the file name)').choices(GAZETTEER_FORMATS))
    .option('--skip-bad-rows', 'import the valid rows and list the others (default: one bad row imports nothing)', false)
    .option('--dry-run', 'check every row and report, write nothing', false)
    .addHelpText('after', `\nColumns (CSV headers or GeoJSON properties; case, spaces and accents ignored):\n${columns}\n` +
      'A row without a number is a street (its point stands for the street). Streets named only by address points get one of their points.\n' +
      `At most ${GAZETTEER_LIMITS.maxBytes / 1024 / 1024} MiB and ${GAZETTEER_LIMITS.maxRows} rows.`)
    .action(async (file: string, o: GazetteerImportOptions) => {
      await runGazetteerImport(io, file, o);
    });
}
