/** Boundaries of the discovery registry (registry.ts). */
import { sql, type Selectable } from 'kysely';
import { bboxOf, type MultiPolygon, type Tier } from '@o311/georeport';
import type { Boundary, BoundarySummary, NewBoundary } from '../registry.js';
import type { RegistryBoundariesTable } from '../schema/tables.js';
import { escapeLike, parseJson, type Db } from './shared.js';

const toBoundary = (row: Selectable<RegistryBoundariesTable>): Boundary => ({
  id: row.id,
  name: row.name,
  tier: row.tier as Tier,
  source: row.source,
  approximate: row.approximate === 1,
  geometry: parseJson<MultiPolygon>(row.geometry),
  bbox: [row.min_long, row.min_lat, row.max_long, row.max_lat],
  created_at: Number(row.created_at),
  updated_at: Number(row.updated_at),
});

const fieldsOf = (b: NewBoundary, at: number) => {
  const [min_long, min_lat, max_long, max_lat] = bboxOf(b.geometry);
  return {
    name: b.name, tier: b.tier, source: b.source, approximate: b.approximate ? 1 : 0, geometry: JSON.stringify(b.geometry),
    min_long, min_lat, max_long, max_lat, updated_at: at,
  };
};

export async function saveBoundary(db: Db, b: NewBoundary, at: number): Promise<Boundary> {
  const fields = fieldsOf(b, at);
  const row = await db
    .insertInto('registry_boundaries')
    .values({ id: b.id, ...fields, created_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet(fields))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBoundary(row);
}

/** Rows per INSERT of a list: one round trip per chunk instead of per boundary (PostgreSQL seeds 3,500 in a second, not four). */
const CHUNK = 100;

/** Inserts or replaces every boundary of the list (the last one of an id wins), without reading them back. */
export async function saveBoundaries(db: Db, list: readonly NewBoundary[], at: number): Promise<void> {
  const rows = [...new Map(list.map((b) => [b.id, { id: b.id, ...fieldsOf(b, at), created_at: at }])).values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('registry_boundaries')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'), tier: eb.ref('excluded.tier'), source: eb.ref('excluded.source'),
        approximate: eb.ref('excluded.approximate'), geometry: eb.ref('excluded.geometry'), min_long: eb.ref('excluded.min_long'),
        min_lat: eb.ref('excluded.min_lat'), max_long: eb.ref('excluded.max_long'), max_lat: eb.ref('excluded.max_lat'),
        updated_at: eb.ref('excluded.updated_at'),
      })))
      .execute();
  }
}

export async function getBoundary(db: Db, id: string): Promise<Boundary | undefined> {
  const row = await db.selectFrom('registry_boundaries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toBoundary(row);
}

export async function listBoundaries(db: Db): Promise<Boundary[]> {
  const rows = await db.selectFrom('registry_boundaries').selectAll().orderBy('id').execute();
  return rows.map(toBoundary);
}

export async function deleteBoundary(db: Db, id: string): Promise<boolean> {
  const attached = await db.selectFrom('registry_endpoints').select('slug').where('boundary_id', '=', id).limit(1).executeTakeFirst();
  if (attached) return false;
  const result = await db.deleteFrom('registry_boundaries').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

const SUMMARY_COLUMNS = ['id', 'name', 'tier', 'source', 'approximate', 'min_long', 'min_lat', 'max_long', 'max_lat', 'created_at', 'updated_at'] as const;

export async function findBoundaries(db: Db, text: string, limit: number): Promise<BoundarySummary[]> {
  const lower = text.trim().toLowerCase();
  if (lower === '') return [];
  const name = sql<string>`lower(${sql.ref('name')})`;
  // SQLite has no default escape character for LIKE: name it for both dialects.
  const rows = await db
    .selectFrom('registry_boundaries')
    .select(SUMMARY_COLUMNS)
    .where(sql<boolean>`${name} like ${`%${escapeLike(lower)}%`} escape '\\'`)
    .orderBy(sql`case when ${name} = ${lower} then 0 when ${name} like ${`${escapeLike(lower)}%`} escape '\\' then 1 else 2 end`)
    .orderBy('name')
    .orderBy('id')
    .limit(Math.max(0, Math.floor(limit)))
    .execute();
  return rows.map((row) => {
    const { geometry: _, ...summary } = toBoundary({ ...row, geometry: '[]' });
    return summary;
  });
}
