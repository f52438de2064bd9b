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
 * Migrations 0001 and 0002 created the first definitions, and stay as they
 * shipped; 0003 creates the BACK_OFFICE_INDEXES from this list. A change of
 * definition needs a new migration that drops the old index (only names are
 * compared here) and an edit of this list.
 *
 * An import that drops indexes while a server runs on the same database
 * slows the server's lists until they are back; a server started meanwhile
 * rebuilds them at once (its `migrate()`), which only slows the import.
 */
import { sql, type SchemaModule } from 'kysely';
import { CONTACT_EMAIL_SQL } from './contact-email.js';
import { PHONE_TAIL_SQL } from './phone-tail.js';
import { PLACE_CELL_SQL } from './place-cells.js';
import type { Database } from './tables.js';

/** Anything with Kysely's schema builder: a database or transaction of any table types. */
type Ddl = { readonly schema: SchemaModule };

/** A column, or an expression written as the same SQL text in the index and in the queries. */
export type IndexKey = string | { readonly sql: string };

export interface IndexDefinition {
  name: string;
  table: keyof Database;
  columns: readonly IndexKey[];
  unique?: boolean;
  /** Partial index: only rows where this column is not null. */
  whereNotNull?: string;
  /** Partial index: only rows where this column is null (with `whereNotNull`: both hold). */
  whereNull?: string;
  /**
   * Dropped during a large import and rebuilt after it. Imports write only
   * `requests` rows, so only indexes on that table are worth deferring; the
   * unique token index never is (imports do not touch it, and it guards
   * uniqueness for the live writes that may run meanwhile).
   */
  deferrable: boolean;
}

/**
 * Created by migration 0003. The ones on `requests` are partial on columns
 * that imports leave null, so imports never touch them (not deferrable).
 */
export const BACK_OFFICE_INDEXES: readonly IndexDefinition[] = [
  // Inbox filters by assignment, newest first; also the "still assigned?" check of a department delete.
  {
    name: 'requests_by_department',
    table: 'requests',
    columns: ['assigned_department_id', 'requested_at', 'id'],
    whereNotNull: 'assigned_department_id',
    deferrable: false,
  },
  {
    name: 'requests_by_assignee',
    table: 'requests',
    columns: ['assigned_user_id', 'requested_at', 'id'],
    whereNotNull: 'assigned_user_id',
    deferrable: false,
  },
  { name: 'sessions_by_user', table: 'staff_sessions', columns: ['user_id'], deferrable: false },
  // The audit log, newest first: whole, per request, per jurisdiction, per actor.
  { name: 'audit_by_time', table: 'audit_log', columns: ['at', 'id'], deferrable: false },
  { name: 'audit_by_request', table: 'audit_log', columns: ['request_id', 'at', 'id'], whereNotNull: 'request_id', deferrable: false },
  { name: 'audit_by_jurisdiction', table: 'audit_log', columns: ['jurisdiction_id', 'at', 'id'], whereNotNull: 'jurisdiction_id', deferrable: false },
  { name: 'audit_by_actor', table: 'audit_log', columns: ['actor', 'at', 'id'], deferrable: false },
  { name: 'saved_filters_by_user', table: 'saved_filters', columns: ['user_id'], deferrable: false },
  // The unsent messages, oldest first (`sent_at is null` is an equality for both planners).
  { name: 'outbox_by_state', table: 'outbox', columns: ['sent_at', 'created_at', 'id'], deferrable: false },
];

/** Replaced `requests_by_place` (jurisdiction, lat, long) in migration 0008. */
export const REQUESTS_BY_CELL: readonly IndexKey[] = ['jurisdiction_id', { sql: PLACE_CELL_SQL }, 'long', 'lat', 'requested_at', 'id'];

/** Added in migration 0010. */
export const REQUESTS_BY_SERVICE_STATUS: readonly IndexKey[] = ['jurisdiction_id', 'service_code', 'public_status', 'requested_at', 'id'];

export const INDEXES: readonly IndexDefinition[] = [
  // The list path: newest first per jurisdiction, optionally by status or service.
  { name: 'requests_by_time', table: 'requests', columns: ['jurisdiction_id', 'requested_at', 'id'], deferrable: true },
  { name: 'requests_by_status', table: 'requests', columns: ['jurisdiction_id', 'public_status', 'requested_at', 'id'], deferrable: true },
  { name: 'requests_by_service', table: 'requests', columns: ['jurisdiction_id', 'service_code', 'requested_at', 'id'], deferrable: true },
  // One service and one status (a dashboard's "open potholes"): the page is read from the index alone,
  // where the service index alone visits the other status's rows too. Migration 0010.
  { name: 'requests_by_service_status', table: 'requests', columns: REQUESTS_BY_SERVICE_STATUS, deferrable: true },
  // `updated_from/to`, and the imported status changes of the updates feed
  // (the flag is in the index so that the feed skips other rows without a lookup).
  { name: 'requests_by_update', table: 'requests', columns: ['jurisdiction_id', 'updated_at', 'status_imported'], deferrable: true },
  // `near` and `bbox`: a few place cells (bands of latitude, see place-cells.ts), a longitude range in
  // each; covering, so that the newest of an area are chosen before any row is read. Migration 0008.
  { name: 'requests_by_cell', table: 'requests', columns: REQUESTS_BY_CELL, deferrable: true },
  // Partial: only batch requests have tokens, so imports never touch this index.
  { name: 'requests_by_token', table: 'requests', columns: ['token'], unique: true, whereNotNull: 'token', deferrable: false },
  { name: 'events_by_request', table: 'request_events', columns: ['request_id', 'at'], deferrable: false },
  { name: 'events_by_time', table: 'request_events', columns: ['jurisdiction_id', 'at'], deferrable: false },
  { name: 'media_by_request', table: 'request_media', columns: ['request_id', 'position'], deferrable: false },
  // requests.api_key_id has no index on purpose: keys are revoked, never deleted.
  ...BACK_OFFICE_INDEXES,
  // Migration 0015: "My reports", newest first (partial: only requests of accounts); the followers of an address.
  { name: 'requests_by_account', table: 'requests', columns: ['account_id', 'requested_at', 'id'], whereNotNull: 'account_id', deferrable: false },
  { name: 'followers_by_email', table: 'followers', columns: ['email'], deferrable: false },
  // Also 0015: the reports an address made while signed out, local and federated, which the account
  // of the address claims at sign-in (citizen-claim.ts). Partial on "has an e-mail, no account", so a
  // claimed report leaves the index and an import (no contact data) never enters it.
  { name: 'requests_by_email', table: 'requests', columns: [{ sql: CONTACT_EMAIL_SQL }], whereNotNull: 'email', whereNull: 'account_id', deferrable: false },
  { name: 'federated_by_email', table: 'federated_requests', columns: [{ sql: CONTACT_EMAIL_SQL }], whereNotNull: 'email', whereNull: 'account_id', deferrable: false },
  // Migration 0030: the contact centre's caller lookup by the last digits of a phone number (phone-tail.ts).
  { name: 'requests_by_phone_tail', table: 'requests', columns: ['jurisdiction_id', { sql: PHONE_TAIL_SQL }], whereNotNull: 'phone', deferrable: true },
];

/** The definition of the list's index `name` (a migration creates or drops it by its current definition). */
export function indexNamed(name: string): IndexDefinition {
  const index = INDEXES.find((i) => i.name === name);
  if (!index) throw new Error(`the index list has no ${name}`);
  return index;
}

export async function createIndex(db: Ddl, index: IndexDefinition): Promise<void> {
  let q = db.schema.createIndex(index.name).ifNotExists().on(index.table);
  for (const key of index.columns) q = typeof key === 'string' ? q.column(key) : q.expression(sql.raw(key.sql));
  if (index.unique) q = q.unique();
  if (index.whereNotNull !== undefined) q = q.where(sql.ref(index.whereNotNull), 'is not', null);
  if (index.whereNull !== undefined) q = q.where(sql.ref(index.whereNull), 'is', null);
  await q.execute();
}

export async function dropIndex(db: Ddl, index: IndexDefinition): Promise<void> {
  await db.schema.dropIndex(index.name).ifExists().execute();
}
