/**
 * The import pipeline: rows are read and checked, gathered into batches, and
 * each batch is written by `store.importRequests` only after every one of its
 * rows passed. A bad row stops the import: no row of its batch is written, so
 * the database holds whole batches only, and the error says how many rows the
 * batches written before it held.
 * JSON and XML files are read whole, so all their records are checked before
 * anything is written. CSV is read in 1 MiB chunks (memory stays flat for any
 * number of rows); the batches a chunk completes are sent after the chunk is
 * parsed, so a bad row in a file's first megabyte stops it before any write.
 * The next chunk is parsed while the previous batch is written (PostgreSQL
 * overlaps the two; SQLite writes synchronously anyway). All batches go to
 * one `importRequests` call, as one stream.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { newService, type ImportedRequest, type Store } from '@o311/store';
import { CliError } from '../errors.js';
import { CsvReader, CsvSyntaxError } from './csv.js';
import { readJsonRequests, readXmlRequests, type DocumentRecord } from './documents.js';
import type { Progress } from './progress.js';
import { columnsOf, FIELDS, IDENTITY_COLUMNS, RowError, RowMapper, type FieldName } from './rows.js';

const REQUIRED_COLUMNS: readonly FieldName[] = ['service_code', 'requested_datetime'];

export type ImportFormat = 'csv' | 'json' | 'xml';

/** Rows per batch: the unit of validation (the store groups batches into its own transactions). */
export const BATCH_SIZE = 10_000;

export interface ImportOptions {
  store: Store;
  file: string;
  format: ImportFormat;
  jurisdiction_id: string;
  progress: Progress;
  /** Check every row, write nothing. */
  dryRun?: boolean;
  batchSize?: number;
  /** Called once for the ignored CSV columns, before any row. */
  onIgnoredColumns?: (columns: string[]) => void;
}

export interface ImportResult {
  rows: number;
  seconds: number;
  /** Services that did not exist and were created (realtime, no attributes). */
  createdServices: { service_code: string; service_name: string }[];
}

/** Failure after some batches were written: the message says how many rows are in. */
export class ImportFailure extends CliError {
  readonly written: number;

  constructor(problem: string, written: number, dryRun: boolean) {
    const tail = dryRun
      ? 'nothing was written (dry run)'
      : written === 0
        ? 'nothing was imported'
        : `nothing of the failing batch was written; ${written} rows of earlier batches were imported`;
    super(`${problem} (${tail})`);
    this.name = 'ImportFailure';
    this.written = written;
  }
}

/**
 * Validated batches on their way to ONE `store.importRequests` call, which
 * pulls them as one stream: the store then sees a single large load
 * (large transactions, and for a large load into a small database one index
 * build at the end instead of index updates for every row). At most
 * MAX_QUEUED batches wait, so memory stays flat.
 */
class BatchStream {
  static readonly MAX_QUEUED = 2;
  readonly #batches: ImportedRequest[][] = [];
  #ended = false;
  /** The store stopped reading (it finished or failed). */
  #stopped = false;
  #wakeReader: (() => void) | undefined;
  #wakeWriter: (() => void) | undefined;

  /** False when the store no longer reads. */
  async push(rows: ImportedRequest[]): Promise<boolean> {
    while (this.#batches.length >= BatchStream.MAX_QUEUED && !this.#stopped) {
      await new Promise<void>((resolve) => (this.#wakeWriter = resolve));
    }
    if (this.#stopped) return false;
    this.#batches.push(rows);
    this.#wake('reader');
    return true;
  }

  /** No more batches: the store writes what it has and returns. */
  end(): void {
    this.#ended = true;
    this.#wake('reader');
  }

  #wake(who: 'reader' | 'writer'): void {
    const wake = who === 'reader' ? this.#wakeReader : this.#wakeWriter;
    if (who === 'reader') this.#wakeReader = undefined;
    else this.#wakeWriter = undefined;
    wake?.();
  }

  /** The batches as they come (the store takes arrays of rows from an async source). */
  async *batches(): AsyncGenerator<ImportedRequest[]> {
    try {
      for (;;) {
        const batch = this.#batches.shift();
        if (batch !== undefined) {
          this.#wake('writer');
          yield batch;
        } else if (this.#ended) {
          return;
        } else {
          await new Promise<void>((resolve) => (this.#wakeReader = resolve));
        }
      }
    } finally {
      this.#stopped = true;
      this.#wake('writer');
    }
  }
}

/** Writes validated batches through one streaming import, creating missing services first. */
class BatchWriter {
  readonly #o: ImportOptions;
  readonly #known: Set<string>;
  readonly created: { service_code: string; service_name: string }[] = [];
  #stream: BatchStream | undefined;
  #importing: Promise<number> | undefined;
  #failure: { error: unknown } | undefined;
  written = 0;
  checked = 0;

  constructor(o: ImportOptions, known: Set<string>) {
    this.#o = o;
    this.#known = known;
  }

  async submit(rows: ImportedRequest[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.#failure) throw this.#failure.error;
    this.checked += rows.length;
    const missing = new Map<string, ImportedRequest>();
    for (const r of rows) {
      if (!this.#known.has(r.service_code) && !missing.has(r.service_code)) missing.set(r.service_code, r);
    }
    for (const [code, first] of missing) {
      this.#known.add(code);
      const service_name = first.service_name ?? code;
      this.created.push({ service_code: code, service_name });
      if (!this.#o.dryRun) {
        await this.#o.store.saveService(newService({ jurisdiction_id: this.#o.jurisdiction_id, service_code: code, service_name }));
      }
    }
    if (this.#o.dryRun) {
      this.written += rows.length;
      return;
    }
    if (this.#stream === undefined) this.#start();
    if (!(await this.#stream!.push(rows))) await this.drain(); // the import ended early: its error
  }

  #start(): void {
    const stream = new BatchStream();
    this.#stream = stream;
    const importing = this.#o.store.importRequests(stream.batches(), (n) => {
      this.written = n;
    });
    importing.then(
      (n) => void (this.written = n),
      (error: unknown) => void (this.#failure ??= { error }),
    );
    this.#importing = importing;
  }

  /** Ends the stream and waits until the store has written every batch given so far (or failed). */
  async drain(): Promise<void> {
    this.#stream?.end();
    const importing = this.#importing;
    this.#importing = undefined;
    if (importing) await importing;
    if (this.#failure) throw this.#failure.error;
  }
}

export async function importFile(o: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const services = await o.store.listServices(o.jurisdiction_id, { includeInactive: true });
  const writer = new BatchWriter(o, new Set(services.map((s) => s.service_code)));
  try {
    if (o.format === 'csv') await importCsv(o, writer);
    else await importDocument(o, writer);
    await writer.drain();
  } catch (e) {
    o.progress.stop();
    // Let a write already in flight finish, so the count below is true.
    let writeError: unknown;
    await writer.drain().catch((err: unknown) => { writeError = err; });
    if (e instanceof RowError || e instanceof CsvSyntaxError) throw new ImportFailure(e.message, writer.written, o.dryRun === true);
    if (writeError !== undefined) e = writeError;
    if (e instanceof CliError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new ImportFailure(`writing to the database failed: ${message}`, writer.written, o.dryRun === true);
  }
  o.progress.stop();
  return { rows: writer.written, seconds: (performance.now() - started) / 1000, createdServices: writer.created };
}

async function importCsv(o: ImportOptions, writer: BatchWriter): Promise<void> {
  const batchSize = o.batchSize ?? BATCH_SIZE;
  const { size } = await stat(o.file);
  const mapper = new RowMapper(o.jurisdiction_id, 'line');
  let columns: Int32Array | undefined;
  let batch: ImportedRequest[] = [];
  const reader = new CsvReader((fields, line) => {
    if (columns === undefined) {
      const header = columnsOf(fields);
      if (header.duplicated.length > 0) throw new CliError(`line ${line}: column ${header.duplicated.join(', ')} appears twice in the header`);
      for (const required of REQUIRED_COLUMNS) {
        if ((header.columns[FIELDS.indexOf(required)] ?? -1) < 0) {
          throw new CliError(`line ${line}: the header has no ${required} column (columns are GeoReport field names)`);
        }
      }
      if (header.ignored.length > 0) o.onIgnoredColumns?.(header.ignored);
      columns = header.columns;
      return;
    }
    batch.push(mapper.map(fields, columns, line));
  });

  o.progress.start(size);
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  const stream = createReadStream(o.file, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    reader.push(decoder.write(chunk));
    while (batch.length >= batchSize) {
      const full = batch.length === batchSize ? batch : batch.slice(0, batchSize);
      batch = batch.length === batchSize ? [] : batch.slice(batchSize);
      await writer.submit(full);
    }
    o.progress.update(bytes, writer.checked + batch.length);
  }
  reader.push(decoder.end());
  reader.end();
  if (columns === undefined) throw new CliError('the file is empty: expected a header line with GeoReport field names');
  while (batch.length > 0) {
    const full = batch.slice(0, batchSize);
    batch = batch.slice(batchSize);
    await writer.submit(full);
  }
  await writer.drain();
  o.progress.update(size, writer.written);
}

async function importDocument(o: ImportOptions, writer: BatchWriter): Promise<void> {
  const batchSize = o.batchSize ?? BATCH_SIZE;
  const body = await readFile(o.file, 'utf8');
  const records: DocumentRecord[] = o.format === 'json' ? readJsonRequests(body) : readXmlRequests(body);
  const mapper = new RowMapper(o.jurisdiction_id, 'record');
  // Every record is checked before the first write.
  const rows = records.map((r, i) => mapper.map(r.values, IDENTITY_COLUMNS, i + 1, r.detailed_status));
  o.progress.start(rows.length);
  for (let i = 0; i < rows.length; i += batchSize) {
    await writer.submit(rows.slice(i, i + batchSize));
    o.progress.update(Math.min(rows.length, i + batchSize), writer.checked);
  }
  await writer.drain();
  o.progress.update(rows.length, writer.written);
}
