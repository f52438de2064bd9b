/**
 * How imported rows reach SQLite: multi-row INSERT statements in large
 * transactions, written either on the store's own connection or, for a large
 * import into a database file, by a worker thread with a connection of its
 * own. The worker lets the caller prepare the next batch (parse a CSV, map
 * its rows) while SQLite writes the previous one: on two cores, an import
 * then takes about as long as the larger of the two instead of their sum.
 *
 * Rows cross to the worker in a compact form (one string holding every text
 * value, their lengths, and the numbers in a Float64Array): a structured
 * clone of row objects would cost more than the writing saves.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { ImportRowValues } from './adapter.js';

/** Text columns first, then numbers: the order of the INSERT and of an encoded batch. */
const TEXT_COLUMNS = [
  'jurisdiction_id', 'service_code', 'service_name', 'status', 'public_status', 'status_notes',
  'description', 'agency_responsible', 'service_notice', 'address', 'address_id', 'zipcode',
  'media_url', 'attributes', 'email', 'first_name', 'last_name', 'phone', 'device_id', 'account_id', 'channel',
] as const satisfies readonly (keyof ImportRowValues)[];
const NUMBER_COLUMNS = ['requested_at', 'updated_at', 'expected_at', 'lat', 'long', 'status_imported'] as const satisfies readonly (keyof ImportRowValues)[];
const COLUMNS = [...TEXT_COLUMNS, ...NUMBER_COLUMNS];
const WIDTH = COLUMNS.length;

/**
 * Rows per INSERT statement: one statement per row costs a round of binding,
 * stepping and resetting (and, with AUTOINCREMENT, an update of
 * sqlite_sequence) per row.
 */
const ROWS_PER_INSERT = 16;

const insertSql = (rows: number): string => {
  const tuple = `(${COLUMNS.map(() => '?').join(', ')}, '[]')`;
  return `insert into requests (${COLUMNS.join(', ')}, media_ids) values ${Array(rows).fill(tuple).join(', ')}`;
};

type SqliteValue = string | number | null;

/**
 * Writes a row's values at `at` in COLUMNS order. Spelled out: reading
 * properties by a variable name is several times slower, and this runs for
 * every row. (The contract tests round-trip every imported field.)
 */
function bindRow(v: SqliteValue[], at: number, r: ImportRowValues): void {
  v[at] = r.jurisdiction_id;
  v[at + 1] = r.service_code;
  v[at + 2] = r.service_name;
  v[at + 3] = r.status;
  v[at + 4] = r.public_status;
  v[at + 5] = r.status_notes;
  v[at + 6] = r.description;
  v[at + 7] = r.agency_responsible;
  v[at + 8] = r.service_notice;
  v[at + 9] = r.address;
  v[at + 10] = r.address_id;
  v[at + 11] = r.zipcode;
  v[at + 12] = r.media_url;
  v[at + 13] = r.attributes;
  v[at + 14] = r.email;
  v[at + 15] = r.first_name;
  v[at + 16] = r.last_name;
  v[at + 17] = r.phone;
  v[at + 18] = r.device_id;
  v[at + 19] = r.account_id;
  v[at + 20] = r.channel;
  v[at + 21] = r.requested_at;
  v[at + 22] = r.updated_at;
  v[at + 23] = r.expected_at;
  v[at + 24] = r.lat;
  v[at + 25] = r.long;
  v[at + 26] = r.status_imported;
}
/** A batch on its way to the worker; `lengths` is -1 for null, numbers are NaN for null. */
interface EncodedBatch {
  count: number;
  text: string;
  lengths: Int32Array<ArrayBuffer>;
  numbers: Float64Array<ArrayBuffer>;
}

/** Encodes a batch for the worker. Spelled out for speed, like bindRow; same column order. */
class BatchEncoder {
  readonly #lengths: Int32Array<ArrayBuffer>;
  readonly #numbers: Float64Array<ArrayBuffer>;
  readonly #parts: string[] = [];
  #l = 0;
  #n = 0;
  length = 0;

  /** `capacity`: the number of rows to be added. */
  constructor(capacity: number) {
    this.#lengths = new Int32Array(Math.max(1, capacity) * TEXT_COLUMNS.length);
    this.#numbers = new Float64Array(Math.max(1, capacity) * NUMBER_COLUMNS.length);
  }

  #text(v: string | null): void {
    if (v === null) {
      this.#lengths[this.#l++] = -1;
    } else {
      this.#lengths[this.#l++] = v.length;
      this.#parts.push(v);
    }
  }

  #number(v: number | null): void {
    this.#numbers[this.#n++] = v === null ? NaN : v;
  }

  add(r: ImportRowValues): void {
    this.#text(r.jurisdiction_id);
    this.#text(r.service_code);
    this.#text(r.service_name);
    this.#text(r.status);
    this.#text(r.public_status);
    this.#text(r.status_notes);
    this.#text(r.description);
    this.#text(r.agency_responsible);
    this.#text(r.service_notice);
    this.#text(r.address);
    this.#text(r.address_id);
    this.#text(r.zipcode);
    this.#text(r.media_url);
    this.#text(r.attributes);
    this.#text(r.email);
    this.#text(r.first_name);
    this.#text(r.last_name);
    this.#text(r.phone);
    this.#text(r.device_id);
    this.#text(r.account_id);
    this.#text(r.channel);
    this.#number(r.requested_at);
    this.#number(r.updated_at);
    this.#number(r.expected_at);
    this.#number(r.lat);
    this.#number(r.long);
    this.#number(r.status_imported);
    this.length++;
  }

  /** The batch, ready to post (its arrays are transferred: the encoder is spent after). */
  finish(): EncodedBatch {
    return { count: this.length, text: this.#parts.join(''), lengths: this.#lengths, numbers: this.#numbers };
  }
}

/** Writes batches on the given connection, synchronously, one transaction each. */
export function importWriter(raw: BetterSqlite3.Database): (rows: readonly ImportRowValues[]) => void {
  const many = raw.prepare<[SqliteValue[]]>(insertSql(ROWS_PER_INSERT));
  const one = raw.prepare<[SqliteValue[]]>(insertSql(1));
  const manyValues = new Array<SqliteValue>(WIDTH * ROWS_PER_INSERT);
  const oneValues = new Array<SqliteValue>(WIDTH);
  const tx = raw.transaction((rows: readonly ImportRowValues[]) => {
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      for (let k = 0; k < ROWS_PER_INSERT; k++) bindRow(manyValues, k * WIDTH, rows[i + k]!);
      many.run(manyValues);
    }
    for (; i < rows.length; i++) {
      bindRow(oneValues, 0, rows[i]!);
      one.run(oneValues);
    }
  });
  return (rows) => tx.immediate(rows);
}

/**
 * The worker, as CommonJS source (a file next to this module would not exist
 * when the store runs from its TypeScript sources). It opens its own
 * connection with the store's durability settings, writes each batch in one
 * IMMEDIATE transaction, answers every message in order, and after a failed
 * batch refuses the later ones, so that what is written is always a prefix
 * of the input.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { file, manySql, oneSql, rowsPerInsert, textColumns, numberColumns, cacheKib } = workerData;
const width = textColumns + numberColumns;
const db = new Database(file);
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -' + cacheKib);
const many = db.prepare(manySql);
const one = db.prepare(oneSql);
const manyValues = new Array(width * rowsPerInsert);
const oneValues = new Array(width);
const write = db.transaction((b) => {
  const { count, text, lengths, numbers } = b;
  let pos = 0, l = 0, n = 0;
  const decode = (values, at) => {
    for (let c = 0; c < textColumns; c++) {
      const len = lengths[l++];
      if (len < 0) values[at + c] = null;
      else { values[at + c] = text.slice(pos, pos + len); pos += len; }
    }
    for (let c = 0; c < numberColumns; c++) {
      const v = numbers[n++];
      values[at + textColumns + c] = v !== v ? null : v;
    }
  };
  let i = 0;
  for (; i + rowsPerInsert <= count; i += rowsPerInsert) {
    for (let k = 0; k < rowsPerInsert; k++) decode(manyValues, k * width);
    many.run(manyValues);
  }
  for (; i < count; i++) {
    decode(oneValues, 0);
    one.run(oneValues);
  }
});
let failed;
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.close();
    return;
  }
  if (failed === undefined) {
    try {
      write.immediate(m.batch);
    } catch (e) {
      failed = { message: String(e && e.message), code: e && e.code };
    }
  }
  parentPort.postMessage(failed === undefined ? { id: m.id } : { id: m.id, error: failed });
});
`;

/** A database error that happened in the worker, rebuilt on this side. */
export class ImportWriteError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.name = 'SqliteError';
    this.code = code;
  }
}

/** The worker thread of one bulk load; batches are written in the order given. */
export class ImportWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  readonly #exited: Promise<void>;
  #next = 0;
  #failure: Error | undefined;

  constructor(file: string, cacheKib: number) {
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file,
        manySql: insertSql(ROWS_PER_INSERT),
        oneSql: insertSql(1),
        rowsPerInsert: ROWS_PER_INSERT,
        textColumns: TEXT_COLUMNS.length,
        numberColumns: NUMBER_COLUMNS.length,
        cacheKib,
      },
    });
    this.#worker.on('message', (m: { id: number; error?: { message: string; code?: string } }) => {
      const waiting = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (m.error) waiting?.reject(new ImportWriteError(m.error.message, m.error.code));
      else waiting?.resolve();
    });
    this.#worker.on('error', (e) => this.#fail(e));
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', () => {
        this.#fail(new Error('the SQLite import worker stopped'));
        resolve();
      });
    });
  }

  #fail(e: Error): void {
    this.#failure ??= e;
    for (const waiting of this.#pending.values()) waiting.reject(this.#failure);
    this.#pending.clear();
  }

  /** Resolves once the batch is committed. */
  write(rows: readonly ImportRowValues[]): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    const encoder = new BatchEncoder(rows.length);
    for (const row of rows) encoder.add(row);
    const batch = encoder.finish();
    const id = this.#next++;
    return new Promise<void>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, batch }, [batch.lengths.buffer, batch.numbers.buffer]);
    });
  }

  /** After the last write settled: closes the worker's connection and waits for the thread to end. */
  async close(): Promise<void> {
    if (this.#failure === undefined) this.#worker.postMessage({ close: true });
    else await this.#worker.terminate();
    await this.#exited;
  }
}
