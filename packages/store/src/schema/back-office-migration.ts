/**
 * Migration 0003: what the staff back office and the citizen pages keep
 * (back-office.ts): staff accounts and sessions, departments, the triage
 * columns of requests, the audit log, response templates, saved filters,
 * followers and the e-mail outbox. Never edit once shipped; append a migration.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { BACK_OFFICE_INDEXES, createIndex, dropIndex } from './indexes.js';

const TABLES = ['outbox', 'followers', 'saved_filters', 'response_templates', 'audit_log', 'staff_sessions', 'staff_users', 'departments'];
const TRIAGE_COLUMNS = ['duplicate_of', 'priority', 'assigned_user_id', 'assigned_department_id'];

export async function backOffice(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  const s = db.schema;

  // Deleting a jurisdiction (allowed only once it has no services or requests) takes its departments and templates along.
  await s
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .execute();

  await s
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'agent', 'viewer')`))
    .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .execute();

  await s
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  // One column per statement: SQLite adds one at a time. References need a null default there.
  const requests = () => s.alterTable('requests');
  await requests().addColumn('assigned_department_id', 'text', (c) => c.references('departments.id')).execute();
  await requests().addColumn('assigned_user_id', 'text', (c) => c.references('staff_users.id')).execute();
  await requests()
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal').check(sql`priority in ('low', 'normal', 'high', 'urgent')`))
    .execute();
  await requests().addColumn('duplicate_of', 'bigint', (c) => c.references('requests.id')).execute();

  // No foreign keys: the log outlives what it names.
  const auditKey = a.serialKey(1);
  await s
    .createTable('audit_log')
    .addColumn('id', auditKey.type, auditKey.build)
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await a.afterSerialTable(db, 'audit_log', 1);

  await s
    .createTable('response_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .execute();

  await s
    .createTable('saved_filters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('followers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('locale', 'text')
    .addColumn('confirm_hash', 'text', (c) => c.notNull().unique())
    .addColumn('unsubscribe_secret', 'text', (c) => c.notNull().unique())
    // Also the index of the followers of a request.
    .addUniqueConstraint('followers_request_email', ['request_id', 'email'])
    .execute();

  const outboxKey = a.serialKey(1);
  await s
    .createTable('outbox')
    .addColumn('id', outboxKey.type, outboxKey.build)
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .execute();
  await a.afterSerialTable(db, 'outbox', 1);

  for (const index of BACK_OFFICE_INDEXES) await createIndex(db, index);
}

export async function dropBackOffice(db: Kysely<unknown>): Promise<void> {
  for (const index of BACK_OFFICE_INDEXES) await dropIndex(db, index);
  for (const column of TRIAGE_COLUMNS) await db.schema.alterTable('requests').dropColumn(column).execute();
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
