/**
 * The one migration set of the store, run by Kysely's Migrator from an
 * in-code provider. Column types that differ between dialects (serial keys,
 * binary data) come from the dialect adapter; everything else is shared.
 * Append new migrations; never edit one that has shipped.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { backOffice, dropBackOffice } from './back-office-migration.js';
import { clients, dropClients } from './clients-migration.js';
import { INDEXES } from './indexes.js';
import { dropLoginThrottle, loginThrottle } from './login-throttle-migration.js';
import { dropJurisdictionScope, jurisdictionScope } from './jurisdiction-scope-migration.js';
import { dropPlaceCells, placeCells } from './place-cells-migration.js';
import { dropOutboxOnce, outboxOnce } from './outbox-once-migration.js';
import { dropRegistry, registry } from './registry-migration.js';
import { dropIdempotencyKeys, idempotencyKeys } from './idempotency-migration.js';
import { dropFederation, federation } from './federation-migration.js';
import { citizenAccounts, dropCitizenAccounts } from './citizens-migration.js';
import { dropMonitor, monitor } from './monitor-migration.js';
import { changeFeed, dropChangeFeed } from './change-feed-migration.js';
import { dashboard, dropDashboard } from './dashboard-migration.js';
import { dropWebhooks, webhooks } from './webhook-migration.js';
import { dropGazetteer, gazetteer } from './gazetteer-migration.js';
import { dropModeration, moderation } from './moderation-migration.js';
import { dropSupporters, supporters } from './supporters-migration.js';
import { dropSms, sms } from './sms-migration.js';
import { channel, dropChannel } from './channel-migration.js';
import { dropPhoneTail, phoneTail } from './phone-tail-migration.js';
import { dropKeyRequests, keyRequests } from './key-requests-migration.js';
import { serviceStatusIndexDown, serviceStatusIndexUp } from './service-status-migration.js';
import { dropReporter, reporter } from './reporter-migration.js';
import { dropMailIntake, mailIntake } from './mail-intake-migration.js';
import { dropOutboxThreading, outboxThreading } from './outbox-threading-migration.js';
import { callTaker, dropCallTaker } from './call-taker-migration.js';
import { FIRST_REQUEST_ID } from './tables.js';

const MIGRATION_TABLE = 'o311_migration';
const MIGRATION_LOCK_TABLE = 'o311_migration_lock';

async function initial(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  const s = db.schema;

  await s
    .createTable('jurisdictions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('key_service', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('services_changed_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('services')
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('restrict'))
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('realtime', 'batch', 'blackbox')`))
    .addColumn('keywords', 'text')
    .addColumn('service_group', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('agency_responsible', 'text')
    .addColumn('service_notice', 'text')
    .addColumn('sla_hours', 'double precision')
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('services_pk', ['jurisdiction_id', 'service_code'])
    .execute();

  await s
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('rate_limit_per_minute', 'integer', (c) => c.notNull())
    .addColumn('trusted', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await s
    .createTable('staff_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'agent', 'viewer')`))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  const requestKey = a.serialKey(FIRST_REQUEST_ID);
  await s
    .createTable('requests')
    .addColumn('id', requestKey.type, requestKey.build)
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('restrict'))
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('token', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('public_status', 'text', (c) => c.notNull().check(sql`public_status in ('open', 'closed')`))
    .addColumn('status_notes', 'text')
    .addColumn('description', 'text')
    .addColumn('agency_responsible', 'text')
    .addColumn('service_notice', 'text')
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('expected_at', 'bigint')
    .addColumn('address', 'text')
    .addColumn('address_id', 'text')
    .addColumn('zipcode', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('long', 'double precision')
    .addColumn('media_url', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('media_ids', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('device_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('api_key_id', 'text', (c) => c.references('api_keys.id').onDelete('set null'))
    .execute();
  await a.afterSerialTable(db, 'requests', FIRST_REQUEST_ID);

  const eventKey = a.serialKey(1);
  await s
    .createTable('request_events')
    .addColumn('id', eventKey.type, eventKey.build)
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('submitted', 'status_change', 'comment')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('media_url', 'text')
    .execute();
  await a.afterSerialTable(db, 'request_events', 1);

  await s
    .createTable('request_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull().check(sql`length(content_type) > 0`))
    .addColumn('filename', 'text')
    .addColumn('bytes', a.binaryType, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  const index = (name: string, table: string, columns: string[]) => s.createIndex(name).on(table).columns(columns);
  // The list path: newest first per jurisdiction, optionally by status or service.
  await index('requests_by_time', 'requests', ['jurisdiction_id', 'requested_at', 'id']).execute();
  await index('requests_by_status', 'requests', ['jurisdiction_id', 'public_status', 'requested_at', 'id']).execute();
  await index('requests_by_service', 'requests', ['jurisdiction_id', 'service_code', 'requested_at', 'id']).execute();
  await index('requests_by_update', 'requests', ['jurisdiction_id', 'updated_at']).execute();
  // `near` and `bbox`: a latitude band of the jurisdiction, longitude checked in the index.
  await index('requests_by_place', 'requests', ['jurisdiction_id', 'lat', 'long']).execute();
  // Partial: only batch requests have tokens, so imports never touch this index.
  await index('requests_by_token', 'requests', ['token']).unique().where(sql.ref('token'), 'is not', null).execute();
  await index('events_by_request', 'request_events', ['request_id', 'at']).execute();
  await index('events_by_time', 'request_events', ['jurisdiction_id', 'at']).execute();
  await index('media_by_request', 'request_media', ['request_id', 'position']).execute();
  // requests.api_key_id has no index on purpose: keys are revoked, never deleted.
}

async function dropInitial(db: Kysely<unknown>): Promise<void> {
  for (const table of ['request_media', 'request_events', 'requests', 'staff_tokens', 'api_keys', 'services', 'jurisdictions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/**
 * History that can be derived is no longer stored: the `submitted` event of
 * every request comes from the request row, and so does the status change of
 * a request imported in a status other than `open` (flag `status_imported`).
 * Adds the data version counter where the dialect needs one.
 */
async function derivedHistory(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  await db.schema.alterTable('requests').addColumn('status_imported', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('request_events').addColumn('public_id', 'text').execute();
  await sql`delete from request_events where type = 'submitted'`.execute(db);
  // Redefined with the import flag (the updates feed finds imported changes in it).
  await db.schema.dropIndex('requests_by_update').execute();
  await db.schema.createIndex('requests_by_update').on('requests').columns(['jurisdiction_id', 'updated_at', 'status_imported']).execute();
  await a.createDataVersionCounter(db);
}

async function dropDerivedHistory(): Promise<void> {
  throw new Error('migration 0002_derived_history cannot be undone: the submitted events it removed are not stored');
}

/** Named values every process on the database shares (e.g. the web app's public API key). */
async function settings(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

async function dropSettings(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('settings').execute();
}

export function migrationProvider(adapter: DialectAdapter): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001_initial': { up: (db: Kysely<unknown>) => initial(db, adapter), down: dropInitial },
    '0002_derived_history': { up: (db: Kysely<unknown>) => derivedHistory(db, adapter), down: dropDerivedHistory },
    '0003_back_office': { up: (db: Kysely<unknown>) => backOffice(db, adapter), down: dropBackOffice },
    '0004_settings': { up: settings, down: dropSettings },
    '0005_clients': { up: clients, down: dropClients },
    '0006_login_throttle': { up: loginThrottle, down: dropLoginThrottle },
    '0007_jurisdiction_scope': { up: jurisdictionScope, down: dropJurisdictionScope },
    '0008_place_cells': { up: placeCells, down: dropPlaceCells },
    // The data version moves inside each write transaction (dialects/postgres-data-version.ts).
    '0009_data_version_in_transaction': {
      up: (db: Kysely<unknown>) => adapter.createDataVersionStripes(db),
      down: (db: Kysely<unknown>) => adapter.dropDataVersionStripes(db),
    },
    '0010_service_status_index': { up: serviceStatusIndexUp, down: serviceStatusIndexDown },
    '0011_outbox_once': { up: outboxOnce, down: dropOutboxOnce },
    '0012_registry': { up: registry, down: dropRegistry },
    '0013_idempotency_keys': { up: idempotencyKeys, down: dropIdempotencyKeys },
    '0014_federation': { up: federation, down: dropFederation },
    '0015_citizen_accounts': { up: citizenAccounts, down: dropCitizenAccounts },
    '0016_monitor': { up: monitor, down: dropMonitor },
    '0017_change_feed': { up: (db: Kysely<unknown>) => changeFeed(db, adapter), down: dropChangeFeed },
    '0018_dashboard': { up: (db: Kysely<unknown>) => dashboard(db, adapter), down: dropDashboard },
    '0019_webhooks': { up: (db: Kysely<unknown>) => webhooks(db, adapter), down: dropWebhooks },
    '0020_moderation': { up: (db: Kysely<unknown>) => moderation(db, adapter), down: dropModeration },
    '0021_reporter': { up: reporter, down: dropReporter },
    '0022_gazetteer': { up: (db: Kysely<unknown>) => gazetteer(db, adapter), down: dropGazetteer },
    '0023_supporters': { up: supporters, down: dropSupporters },
    '0024_key_requests': { up: keyRequests, down: dropKeyRequests },
    '0025_channel': { up: channel, down: dropChannel },
    '0026_call_taker': { up: callTaker, down: dropCallTaker },
    '0027_mail_intake': { up: (db: Kysely<unknown>) => mailIntake(db, adapter), down: dropMailIntake },
    '0028_outbox_threading': { up: outboxThreading, down: dropOutboxThreading },
    '0029_sms': { up: (db: Kysely<unknown>) => sms(db, adapter), down: dropSms },
    '0030_phone_tail': { up: phoneTail, down: dropPhoneTail },
  };
  return { getMigrations: async () => migrations };
}

/**
 * Brings the schema up to date, then creates any index of the list that is
 * missing (dropped by an import that did not finish). A no-op when all is in place.
 */
export async function migrateToLatest(adapter: DialectAdapter): Promise<void> {
  const migrator = new Migrator({
    db: adapter.db,
    provider: migrationProvider(adapter),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`store migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '), { cause: error });
  }
  await ensureIndexes(adapter);
}

/** Creates the indexes of the list that the database lacks; returns their names. */
export async function ensureIndexes(adapter: DialectAdapter): Promise<string[]> {
  const existing = await adapter.existingIndexes();
  const missing = INDEXES.filter((i) => !existing.has(i.name));
  await adapter.createIndexes(missing);
  return missing.map((i) => i.name);
}
