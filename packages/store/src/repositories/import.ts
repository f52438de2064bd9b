/**
 * Bulk import: rows are prepared here (status mapping, service name, JSON)
 * and written by the dialect adapter in large transactions, outside the
 * query builder. Only request rows are written: the history entries of an
 * imported request (`submitted`, and the status change of a row imported in
 * a status other than `open`) are derived from the row (see events.ts).
 * Batches already written stay written when a later batch fails.
 *
 * A large load into a small table (at least one full batch, and fewer than
 * DEFER_INDEXES_BELOW requests in the database when it starts) drops the
 * deferrable indexes first and builds them again at the end, failed or not:
 * sorted builds cost far less than random inserts. A process that dies in
 * between leaves them to the next `migrate()` (see schema/indexes.ts).
 * Meanwhile, lists still answer correctly, only slower. SQLite writes the
 * batches of a large load into a file from a worker thread, so that rows are
 * prepared here while the previous batch is written (dialects/sqlite-import.ts).
 */
import { recordChange } from './request-changes.js';
import { sql } from 'kysely';
import type { ImportedRequest, ImportSource } from '../contract.js';
import type { DialectAdapter, ImportRowValues } from '../dialects/adapter.js';
import { dropIndex, INDEXES } from '../schema/indexes.js';
import { ensureIndexes } from '../schema/migrations.js';
import { publicStatusOf } from './shared.js';

/** Below this many requests in the database, a large import rebuilds the indexes instead of updating them. */
export const DEFER_INDEXES_BELOW = 50_000;

interface ServiceFacts {
  service_name: string;
  service_notice: string | null;
}

export async function importRequests(
  adapter: DialectAdapter,
  rows: ImportSource,
  onProgress?: (n: number) => void,
): Promise<number> {
  const services = new Map<string, ServiceFacts | null>();
  /** Every jurisdiction a row was read for: each gets one `rebuild` change once rows are written. */
  const jurisdictions = new Set<string>();
  const lookup = async (jurisdiction_id: string, code: string): Promise<void> => {
    const row = await adapter.db
      .selectFrom('services')
      .select(['service_name', 'service_notice'])
      .where('jurisdiction_id', '=', jurisdiction_id)
      .where('service_code', '=', code)
      .executeTakeFirst();
    services.set(serviceKey(jurisdiction_id, code), row ?? null);
    jurisdictions.add(jurisdiction_id);
  };

  let batch: ImportRowValues[] = [];
  let prepared = 0;
  let written = 0;
  // Batches in flight: PostgreSQL writes several at once on separate connections.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const throwIfFailed = (): void => {
    if (failure) throw failure.error;
  };
  /** Set when a large load begins; 'indexes dropped' when they are to be built at the end. */
  let bulk: 'begun' | 'indexes dropped' | undefined;
  /** Before the first full batch is written: this is a large load. */
  const startBulkLoad = async (): Promise<void> => {
    bulk = 'begun';
    const deferIndexes = (await countRequestsUpTo(adapter, DEFER_INDEXES_BELOW)) < DEFER_INDEXES_BELOW;
    await adapter.beginBulkLoad({ deferIndexes });
    if (deferIndexes) {
      bulk = 'indexes dropped';
      for (const index of INDEXES) if (index.deferrable) await dropIndex(adapter.db, index);
    }
  };
  const add = async (row: ImportedRequest): Promise<void> => {
    const key = serviceKey(row.jurisdiction_id, row.service_code);
    if (!services.has(key)) await lookup(row.jurisdiction_id, row.service_code);
    batch.push(prepare(row, services.get(key) ?? null, prepared++));
    if (batch.length >= adapter.importBatchSize) await flush(true);
  };
  const flush = async (full: boolean): Promise<void> => {
    throwIfFailed();
    if (batch.length === 0) return;
    if (full && bulk === undefined) await startBulkLoad();
    const rows = batch;
    batch = [];
    const done: Promise<void> = adapter.importBatch(rows).then(
      async () => {
        await adapter.committed();
        written += rows.length;
        onProgress?.(written);
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    while (inFlight.size >= adapter.importConcurrency) await Promise.race(inFlight);
    throwIfFailed();
  };

  const addAll = async (rows: Iterable<ImportedRequest>): Promise<void> => {
    for (const row of rows) {
      // Stay synchronous for cached services: one await per row would cost more than the write.
      const key = serviceKey(row.jurisdiction_id, row.service_code);
      if (services.has(key) && batch.length + 1 < adapter.importBatchSize) {
        batch.push(prepare(row, services.get(key) ?? null, prepared++));
      } else {
        await add(row);
      }
    }
  };

  let error: { error: unknown } | undefined;
  try {
    if (Symbol.asyncIterator in rows) {
      for await (const item of rows) {
        if (isBatch(item)) await addAll(item);
        else await add(item);
      }
    } else {
      await addAll(rows);
    }
    await flush(false);
  } catch (e) {
    error = { error: e };
  }
  // Never return (or throw) while a batch is still being written.
  await Promise.allSettled(inFlight);
  error ??= failure;
  if (bulk !== undefined) await adapter.endBulkLoad().catch((e: unknown) => void (error ??= { error: e }));
  // Failed or not: the indexes are built again before returning.
  if (bulk === 'indexes dropped') await ensureIndexes(adapter).catch((e: unknown) => void (error ??= { error: e }));
  if (written > 0) {
    const at = Date.now();
    for (const jurisdiction_id of jurisdictions) {
      await recordChange(adapter.db, { jurisdiction_id, request_id: null, kind: 'rebuild', at }).catch((e: unknown) => void (error ??= { error: e }));
    }
  }
  if (error) throw error.error;
  if (written > 0) await adapter.afterImport({ bulk: bulk !== undefined });
  return written;
}

/** `min(count(*), limit)` of all requests, reading at most `limit` index entries. */
async function countRequestsUpTo(adapter: DialectAdapter, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from (select 1 from requests limit ${limit}) as head`.execute(adapter.db);
  return Number(rows[0]?.n ?? 0);
}

/** JSON of the answers; the common empty object without the serializer. */
function encodeAttributes(attributes: ImportedRequest['attributes'] | undefined): string {
  if (attributes) for (const _ in attributes) return JSON.stringify(attributes);
  return '{}';
}

const isBatch = (item: ImportedRequest | readonly ImportedRequest[]): item is readonly ImportedRequest[] => Array.isArray(item);

const serviceKey = (jurisdiction_id: string, code: string): string => `${jurisdiction_id}\u0000${code}`;

function prepare(r: ImportedRequest, service: ServiceFacts | null, index: number): ImportRowValues {
  let public_status: string;
  try {
    public_status = publicStatusOf(r.status);
  } catch (e) {
    throw new Error(`import row ${index + 1}: ${(e as Error).message}`, { cause: e });
  }
  return {
    jurisdiction_id: r.jurisdiction_id,
    service_code: r.service_code,
    service_name: r.service_name ?? service?.service_name ?? r.service_code,
    status: r.status,
    public_status,
    status_notes: r.status_notes,
    description: r.description,
    agency_responsible: r.agency_responsible,
    service_notice: service?.service_notice ?? null,
    requested_at: r.requested_at,
    updated_at: r.updated_at,
    expected_at: r.expected_at,
    address: r.address,
    address_id: r.address_id,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.long,
    media_url: r.media_url,
    attributes: encodeAttributes(r.attributes),
    email: r.reporter.email,
    first_name: r.reporter.first_name,
    last_name: r.reporter.last_name,
    phone: r.reporter.phone,
    device_id: r.reporter.device_id,
    account_id: r.reporter.account_id,
    channel: r.channel ?? 'api',
    status_imported: r.status !== 'open' ? 1 : 0,
  };
}
