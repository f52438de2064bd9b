/** Endpoints of the discovery registry (registry.ts). */
import { sql, type Selectable } from 'kysely';
import type { Format, Tier } from '@o311/georeport';
import type { Endpoint, EndpointCheck, EndpointFilter, EndpointStatus, NewEndpoint } from '../registry.js';
import type { RegistryEndpointsTable } from '../schema/tables.js';
import { escapeLike, parseJson, type Db } from './shared.js';

function toEndpoint(row: Selectable<RegistryEndpointsTable>): Endpoint {
  const checked = row.last_check_at !== null && row.last_check_ok !== null;
  return {
    slug: row.slug,
    name: row.name,
    tier: row.tier as Tier,
    country: row.country,
    base_url: row.base_url,
    discovery_url: row.discovery_url,
    jurisdiction_id: row.jurisdiction_id,
    local: row.local === 1,
    formats: parseJson<Format[]>(row.formats),
    api_key_url: row.api_key_url,
    terms_url: row.terms_url,
    contact_email: row.contact_email,
    status: row.status as EndpointStatus,
    boundary_id: row.boundary_id,
    quirks: row.quirks,
    notes: row.notes,
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
    last_check: checked ? { at: Number(row.last_check_at), ok: row.last_check_ok === 1, summary: row.last_check_summary ?? '' } : null,
  };
}

export async function saveEndpoint(db: Db, e: NewEndpoint, at: number): Promise<Endpoint> {
  const fields = {
    name: e.name, tier: e.tier, country: e.country, base_url: e.base_url, discovery_url: e.discovery_url,
    jurisdiction_id: e.jurisdiction_id, local: e.local ? 1 : 0, formats: JSON.stringify(e.formats), api_key_url: e.api_key_url,
    terms_url: e.terms_url, contact_email: e.contact_email, status: e.status, boundary_id: e.boundary_id, quirks: e.quirks,
    notes: e.notes, updated_at: at,
  };
  const row = await db
    .insertInto('registry_endpoints')
    .values({ slug: e.slug, ...fields, created_at: at, last_check_at: null, last_check_ok: null, last_check_summary: null })
    .onConflict((oc) => oc.column('slug').doUpdateSet(fields))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEndpoint(row);
}

export async function getEndpoint(db: Db, slug: string): Promise<Endpoint | undefined> {
  const row = await db.selectFrom('registry_endpoints').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toEndpoint(row);
}


export async function listEndpoints(db: Db, f: EndpointFilter): Promise<Endpoint[]> {
  let q = db.selectFrom('registry_endpoints').selectAll();
  if (f.tier !== undefined) q = q.where('tier', '=', f.tier);
  if (f.country !== undefined) q = q.where('country', '=', f.country.toUpperCase());
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.local_jurisdiction !== undefined) q = q.where('local', '=', 1).where('jurisdiction_id', '=', f.local_jurisdiction);
  if (f.text !== undefined && f.text !== '') {
    const pattern = `%${escapeLike(f.text.toLowerCase())}%`;
    // SQLite has no default escape character for LIKE: name it for both dialects.
    const matches = (column: string) => sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
    q = q.where((eb) => eb.or(['name', 'slug', 'base_url'].map(matches)));
  }
  const rows = await q.orderBy('name').orderBy('slug').limit(Math.max(0, Math.floor(f.limit))).offset(Math.max(0, Math.floor(f.offset))).execute();
  return rows.map(toEndpoint);
}

export async function deleteEndpoint(db: Db, slug: string): Promise<boolean> {
  const result = await db.deleteFrom('registry_endpoints').where('slug', '=', slug).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function recordEndpointCheck(db: Db, slug: string, c: EndpointCheck): Promise<boolean> {
  const result = await db
    .updateTable('registry_endpoints')
    .set({ last_check_at: c.at, last_check_ok: c.ok ? 1 : 0, last_check_summary: c.summary })
    .where('slug', '=', slug)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
