/**
 * The secondary indexes of the store: the ONE list that `migrate()` checks
 * (creating any that is missing) and that a bulk import drops and rebuilds.
 *
 * A large import into a small table drops the `deferrable` indexes, loads the
 * rows, then builds them again: CREATE INDEX sorts once, which is far cheaper
 * than a million random inserts into each of them. Should the process die in
 * between, the next `migrate()` (run by the CLI and the server at start)
 * rebuilds what is missing, because it compares the database with this list,
 * not with the migration history.
 *
 * Migrations 0001 and 0002 created these definitions, and stay as they
 * shipped. A change of definition needs a new migration that drops the old
 * index (only names are compared here) and an edit of this list.
 *
 * An import that drops indexes while a server runs on the same database
 * slows the server's lists until they are back; a server started meanwhile
 * rebuilds them at once (its `migrate()`), which only slows the import.
 */
import { sql, type SchemaModule } from 'kysely';

/** Anything with Kysely's schema builder: a database or transaction of any table types. */
type Ddl = { readonly schema: SchemaModule };

export interface IndexDefinition {
  name: string;
  table: 'requests' | 'request_events' | 'request_media';
  columns: readonly string[];
  unique?: boolean;
  /** Partial index: only rows where this column is not null. */
  whereNotNull?: string;
  /**
   * Dropped during a large import and rebuilt after it. Imports write only
   * `requests` rows, so only indexes on that table are worth deferring; the
   * unique token index never is (imports do not touch it, and it guards
   * uniqueness for the live writes that may run meanwhile).
   */
  deferrable: boolean;
}

export const INDEXES: readonly IndexDefinition[] = [
  // The list path: newest first per jurisdiction, optionally by status or service.
  { name: 'requests_by_time', table: 'requests', columns: ['jurisdiction_id', 'requested_at', 'id'], deferrable: true },
  { name: 'requests_by_status', table: 'requests', columns: ['jurisdiction_id', 'public_status', 'requested_at', 'id'], deferrable: true },
  { name: 'requests_by_service', table: 'requests', columns: ['jurisdiction_id', 'service_code', 'requested_at', 'id'], deferrable: true },
  // `updated_from/to`, and the imported status changes of the updates feed
  // (the flag is in the index so that the feed skips other rows without a lookup).
  { name: 'requests_by_update', table: 'requests', columns: ['jurisdiction_id', 'updated_at', 'status_imported'], deferrable: true },
  // `near` and `bbox`: a latitude band of the jurisdiction, longitude checked in the index.
  { name: 'requests_by_place', table: 'requests', columns: ['jurisdiction_id', 'lat', 'long'], deferrable: true },
  // Partial: only batch requests have tokens, so imports never touch this index.
  { name: 'requests_by_token', table: 'requests', columns: ['token'], unique: true, whereNotNull: 'token', deferrable: false },
  { name: 'events_by_request', table: 'request_events', columns: ['request_id', 'at'], deferrable: false },
  { name: 'events_by_time', table: 'request_events', columns: ['jurisdiction_id', 'at'], deferrable: false },
  { name: 'media_by_request', table: 'request_media', columns: ['request_id', 'position'], deferrable: false },
  // requests.api_key_id has no index on purpose: keys are revoked, never deleted.
];

export async function createIndex(db: Ddl, index: IndexDefinition): Promise<void> {
  let q = db.schema.createIndex(index.name).ifNotExists().on(index.table).columns([...index.columns]);
  if (index.unique) q = q.unique();
  if (index.whereNotNull !== undefined) q = q.where(sql.ref(index.whereNotNull), 'is not', null);
  await q.execute();
}

export async function dropIndex(db: Ddl, index: IndexDefinition): Promise<void> {
  await db.schema.dropIndex(index.name).ifExists().execute();
}
