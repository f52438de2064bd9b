/**
 * `o311 boundaries import FILE`: the boundaries of a GeoJSON, TopoJSON or
 * zipped shapefile into the discovery registry, all in one transaction or
 * none. Every feature is checked before anything is written; the first bad
 * one is named in a one-line error. Progress goes to stderr; the summary
 * `imported N boundaries (tier T) from FILE` is the last line of stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import {
  BOUNDARY_FILE_LIMITS,
  BoundaryFileError,
  checkBoundaryFileSize,
  describeBoundaryFileLimits,
  readBoundaryFile,
  type BoundaryFile,
  type BoundaryFileLimits,
} from '@o311/discovery';
import { TIERS, type Tier } from '@o311/georeport';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError } from '../errors.js';
import { createProgress } from '../import/progress.js';
import { println, type CliIo } from '../io.js';
import { addDatabaseOption, nameArg, type DatabaseOptions } from './options.js';

export interface BoundariesImportOptions extends DatabaseOptions {
  tier: Tier;
  idField?: string;
  nameField?: string;
  object?: string;
  source?: string;
  approximate: boolean;
  dryRun: boolean;
}

const nothingImported = (file: string, e: BoundaryFileError): CliError => new CliError(`${file}: ${e.message}; nothing imported`, { cause: e });

async function readBounded(file: string, limits: BoundaryFileLimits): Promise<Uint8Array> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new CliError(`${file} is not a file`);
    checkBoundaryFileSize(s.size, limits);
    return await readFile(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof BoundaryFileError) throw nothingImported(file, e);
    throw new CliError(`cannot read ${file}: ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** For tests: other limits, progress lines more often. */
export interface BoundariesImportTuning {
  limits?: BoundaryFileLimits;
  progressEveryMs?: number;
}

export async function runBoundariesImport(io: CliIo, file: string, o: BoundariesImportOptions, tuning: BoundariesImportTuning = {}): Promise<BoundaryFile> {
  const limits = tuning.limits ?? BOUNDARY_FILE_LIMITS;
  const bytes = await readBounded(file, limits);
  const progress = createProgress(io, { words: { label: 'checking', unit: 'features' }, everyMs: tuning.progressEveryMs });
  let started = false;
  let parsed: BoundaryFile;
  try {
    parsed = await readBoundaryFile(bytes, {
      fileName: file,
      tier: o.tier,
      source: o.source ?? basename(file),
      approximate: o.approximate,
      idField: o.idField,
      nameField: o.nameField,
      object: o.object,
      limits,
      progress: (done, total) => {
        if (!started) progress.start(total);
        started = true;
        progress.update(done, done);
      },
    });
  } catch (e) {
    if (e instanceof BoundaryFileError) throw nothingImported(file, e);
    throw e;
  } finally {
    progress.stop();
  }
  const n = parsed.boundaries.length;
  const what = `${n} ${n === 1 ? 'boundary' : 'boundaries'} (tier ${o.tier}) from ${file}`;
  if (o.dryRun) {
    println(io.stdout, `checked ${what}: all valid (dry run, nothing written)`);
    return parsed;
  }
  // One transaction, no progress to show: say why the bar is gone.
  if (io.ttyStderr) println(io.stderr, `saving ${n} ${n === 1 ? 'boundary' : 'boundaries'}…`);
  await withDatabase(resolveDatabaseUrl(o.database, io.env), (store) => store.saveBoundaries(parsed.boundaries));
  println(io.stdout, `imported ${what}`);
  return parsed;
}

export function boundariesImportCommand(io: CliIo): Command {
  return addDatabaseOption(
    new Command('import')
      .description('import boundaries from GeoJSON, TopoJSON or a zipped shapefile (.shp/.dbf/.prj, reprojected to WGS 84): the whole file or nothing')
      .argument('<file>', 'a GeoJSON FeatureCollection, Feature or geometry; a TopoJSON topology; or a .zip of shapefiles')
      .addOption(new Option('--tier <tier>', 'the tier of every boundary in the file (required: it orders lookups)').choices(TIERS).makeOptionMandatory())
      .option('--id-field <property>', 'property holding each id, made lower-case letters, digits and - (default: the feature id, else the name)', nameArg)
      .option('--name-field <property>', 'property holding each name (default: "name" in any case)', nameArg)
      .option('--object <name>', 'only this TopoJSON object, or this shapefile of a zip of several (default: all)', nameArg)
      .option('--source <text>', 'where the boundaries come from and their licence (default: the file name)', nameArg)
      .option('--approximate', 'mark them as approximate (drawn by hand, not surveyed)', false)
      .option('--dry-run', 'check every feature and report, write nothing', false)
      .addHelpText(
        'after',
        `\nLimits: ${describeBoundaryFileLimits(BOUNDARY_FILE_LIMITS)}.` +
          '\nA boundary with an id already in the registry is replaced. A shapefile needs its .prj; GeoJSON must be WGS 84.',
      ),
  ).action(async (file: string, o: BoundariesImportOptions) => {
    await runBoundariesImport(io, file, o);
  });
}
