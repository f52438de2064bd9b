/**
 * Migration 0012: the discovery registry (registry.ts): boundaries with their
 * geometry as GeoJSON text (the lookup index lives in memory, so neither
 * dialect needs a spatial extension), endpoints, and a revision counter moved
 * by every change. Never edit once shipped; append a migration.
 */
import { sql, type Kysely } from 'kysely';
import { TIERS } from '@o311/georeport';
import { ENDPOINT_STATUSES } from '../registry.js';

/** A CHECK that `column` holds one of `values`. */
export const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

export async function registry(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('registry_boundaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().check(oneOf('tier', TIERS)))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('approximate', 'integer', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_long', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_long', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createTable('registry_endpoints')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().check(oneOf('tier', TIERS)))
    .addColumn('country', 'text')
    .addColumn('base_url', 'text')
    .addColumn('discovery_url', 'text')
    .addColumn('jurisdiction_id', 'text')
    .addColumn('local', 'integer', (c) => c.notNull())
    .addColumn('formats', 'text', (c) => c.notNull())
    .addColumn('api_key_url', 'text')
    .addColumn('terms_url', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ENDPOINT_STATUSES)))
    .addColumn('boundary_id', 'text', (c) => c.references('registry_boundaries.id').onDelete('restrict'))
    .addColumn('quirks', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_check_at', 'bigint')
    .addColumn('last_check_ok', 'integer')
    .addColumn('last_check_summary', 'text')
    .execute();
  await s.createIndex('registry_endpoints_by_boundary').on('registry_endpoints').column('boundary_id').execute();
  await s
    .createTable('registry_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ registry_revision: { id: number; revision: number } }>).insertInto('registry_revision').values({ id: 1, revision: 0 }).execute();
}

export async function dropRegistry(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registry_revision').execute();
  await db.schema.dropTable('registry_endpoints').execute();
  await db.schema.dropTable('registry_boundaries').execute();
}
