/** Service requests: creation, lookups, the filtered list, status changes. */
import { randomUUID } from 'node:crypto';
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { NewRequest, PublicStoredRequest, RequestFilter, StatusChange, StoredRequest } from '../contract.js';
import { cellsBetween, placeCell } from '../schema/place-cells.js';
import type { Database, RequestsTable, RequestTriageColumns } from '../schema/tables.js';
import { generateRequestToken } from '../secrets.js';
import { HISTORY_COLUMNS, insertEvent, storeDerivedHistory } from './events.js';
import { changeKindOf, recordChange } from './request-changes.js';
import { chunks, inTransaction, paging, parseJson, parseRowId, parseRowIds, publicStatusOf, readChannel, readStatus, type Db } from './shared.js';

const HOUR_MS = 3_600_000;

/** The `expected_at` a service's SLA gives a request filed at `requested_at` (none without an SLA). */
export const slaExpectedAt = (requested_at: number, sla_hours: number | null): number | null =>
  sla_hours === null ? null : requested_at + Math.round(sla_hours * HOUR_MS);
/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Metres per degree of latitude on the mean sphere. */
const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/** A request row as the public record needs it: without the staff-only triage columns. */
type PublicRow = Omit<Selectable<RequestsTable>, keyof RequestTriageColumns>;

/** What a public answer reads of a request: no reporter contact data, no triage, no API key. */
export const PUBLIC_COLUMNS = [
  'requests.id', 'requests.jurisdiction_id', 'requests.service_code', 'requests.service_name', 'requests.token',
  'requests.status', 'requests.status_notes', 'requests.description', 'requests.agency_responsible',
  'requests.service_notice', 'requests.requested_at', 'requests.updated_at', 'requests.expected_at', 'requests.address',
  'requests.address_id', 'requests.zipcode', 'requests.lat', 'requests.long', 'requests.media_url', 'requests.attributes',
  'requests.media_ids', 'requests.channel',
] as const;

type PublicColumnsRow = Pick<Selectable<RequestsTable>, (typeof PUBLIC_COLUMNS)[number] extends `requests.${infer C}` ? C & keyof RequestsTable : never>;

export function toPublicStoredRequest(row: PublicColumnsRow): PublicStoredRequest {
  return {
    id: String(row.id),
    jurisdiction_id: row.jurisdiction_id,
    service_code: row.service_code,
    service_name: row.service_name,
    token: row.token,
    status: readStatus(row.status),
    status_notes: row.status_notes,
    description: row.description,
    agency_responsible: row.agency_responsible,
    service_notice: row.service_notice,
    requested_at: row.requested_at,
    updated_at: row.updated_at,
    expected_at: row.expected_at,
    address: row.address,
    address_id: row.address_id,
    zipcode: row.zipcode,
    lat: row.lat,
    long: row.long,
    media_url: row.media_url,
    attributes: parseJson<Record<string, string | string[]>>(row.attributes),
    media_ids: parseJson<string[]>(row.media_ids),
    channel: readChannel(row.channel),
  };
}

export function toStoredRequest(row: PublicRow): StoredRequest {
  return {
    ...toPublicStoredRequest(row),
    reporter: {
      email: row.email,
      first_name: row.first_name,
      last_name: row.last_name,
      phone: row.phone,
      device_id: row.device_id,
      account_id: row.account_id,
    },
  };
}

/**
 * The request and its media in one transaction (its `submitted` history
 * entry is derived from the row).
 * Name, notice, agency and the SLA-based `expected_at` come from the service,
 * which must exist. `media_url` stays as the client gave it (or null): the
 * server turns `media_ids` into URLs.
 */
/** Runs inside the caller's transaction (the store commits, alone or in a group). */
export async function createRequest(trx: Db, r: NewRequest): Promise<StoredRequest> {
  const service = await trx
    .selectFrom('services')
    .select(['service_name', 'service_notice', 'agency_responsible', 'sla_hours'])
    .where('jurisdiction_id', '=', r.jurisdiction_id)
    .where('service_code', '=', r.service_code)
    .executeTakeFirst();
  if (!service) throw new Error(`unknown service "${r.service_code}" in jurisdiction "${r.jurisdiction_id}"`);
  const at = r.requested_at ?? Date.now();
  const media_ids = r.media.map(() => randomUUID());
  const values = {
    jurisdiction_id: r.jurisdiction_id,
    service_code: r.service_code,
    service_name: service.service_name,
    token: r.with_token ? generateRequestToken() : null,
    status: 'open',
    public_status: 'open',
    status_notes: null,
    description: r.description,
    agency_responsible: service.agency_responsible,
    service_notice: service.service_notice,
    requested_at: at,
    updated_at: at,
    expected_at: slaExpectedAt(at, service.sla_hours),
    address: r.address,
    address_id: r.address_id,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.long,
    media_url: r.media_url,
    attributes: JSON.stringify(r.attributes),
    media_ids: JSON.stringify(media_ids),
    email: r.reporter.email,
    first_name: r.reporter.first_name,
    last_name: r.reporter.last_name,
    phone: r.reporter.phone,
    device_id: r.reporter.device_id,
    account_id: r.reporter.account_id,
    api_key_id: r.api_key_id,
    channel: r.channel,
    status_imported: 0,
  } satisfies Omit<PublicRow, 'id'>;
  // No event row: the `submitted` entry of the history is derived from the request (events.ts).
  const { id } = await trx.insertInto('requests').values(values).returning('id').executeTakeFirstOrThrow();
  await recordChange(trx, { jurisdiction_id: r.jurisdiction_id, request_id: id, kind: 'created', at });
  if (r.media.length > 0) {
    await trx
      .insertInto('request_media')
      .values(
        r.media.map((m, position) => ({
          id: media_ids[position]!,
          request_id: id,
          position,
          content_type: m.content_type,
          filename: m.filename,
          bytes: m.bytes,
          size: m.bytes.length,
          created_at: at,
        })),
      )
      .execute();
  }
  return toStoredRequest({ id, ...values });
}

/** The row of a request of the jurisdiction; undefined for an unknown or malformed id. */
export async function requestRow(db: Db, jurisdiction_id: string, id: string): Promise<Selectable<RequestsTable> | undefined> {
  const rowId = parseRowId(id);
  if (rowId === undefined) return undefined;
  return db
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', rowId)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .executeTakeFirst();
}

export async function getRequest(db: Db, jurisdiction_id: string, id: string): Promise<StoredRequest | undefined> {
  const row = await requestRow(db, jurisdiction_id, id);
  return row && toStoredRequest(row);
}

/** A request by its primary key, as public answers read it. */
export async function getPublicRequest(db: Db, jurisdiction_id: string, id: string): Promise<PublicStoredRequest | undefined> {
  const rowId = parseRowId(id);
  if (rowId === undefined) return undefined;
  const row = await db
    .selectFrom('requests')
    .select(PUBLIC_COLUMNS)
    .where('requests.id', '=', rowId)
    .where('requests.jurisdiction_id', '=', jurisdiction_id)
    .executeTakeFirst();
  return row && toPublicStoredRequest(row);
}

export async function getRequestByToken(db: Db, jurisdiction_id: string, token: string): Promise<StoredRequest | undefined> {
  const row = await db
    .selectFrom('requests')
    .selectAll()
    .where('token', '=', token)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .executeTakeFirst();
  return row && toStoredRequest(row);
}

type FilterInput = Omit<RequestFilter, 'limit' | 'offset'>;
/** What the public list and the staff inbox (inbox.ts) filter alike. */
export type CommonFilter = Omit<FilterInput, 'statuses' | 'ids'>;
export type RequestsEb = ExpressionBuilder<Database, 'requests'>;

/**
 * How the spatial conditions are written. `index`: plain columns and the
 * place cells, so the cell index (jurisdiction, cell, long, lat, requested_at,
 * id) can drive the query. `scan`: the columns behind a unary plus, which no
 * planner matches to an index, so the query walks the newest-first order and
 * tests each row's position.
 */
export type GeoPlan = 'index' | 'scan';

/**
 * An area holding at least this many requests is "dense": a page of the
 * newest is found sooner by walking the time order (reading each row for its
 * place) than by collecting and sorting every entry of the area from the
 * covering cell index, which costs far less per entry than a row.
 */
const DENSE_AREA_ROWS = 50_000;

/** A column as the planner sees it, or hidden from it behind a unary plus (still compared exactly). */
const column = (name: 'lat' | 'long' | 'requested_at' | 'updated_at', hidden: boolean) =>
  hidden ? sql<number>`(+${sql.ref(name)})` : sql<number>`${sql.ref(name)}`;

const hasPlace = (f: CommonFilter): boolean => f.near !== undefined || f.bbox !== undefined;

/**
 * Whether the time columns are hidden from the planner, for a planner
 * without statistics (SQLite, `ListOptions.probeAreas`) that would otherwise
 * walk the time index of the whole window: behind the cell index of a small
 * area, or behind the (jurisdiction, service, requested_at) index of one
 * service, which gives the newest-first order by itself.
 */
export function hideTime(f: CommonFilter, plan: GeoPlan, options: ListOptions): boolean {
  if (!options.probeAreas || f.updated_from !== undefined || f.updated_to !== undefined) return false;
  if (hasPlace(f)) return plan === 'index';
  return f.service_codes !== undefined && new Set(f.service_codes).size === 1;
}

/**
 * The WHERE conditions besides the jurisdiction, the ids and the statuses.
 * Empty lists count as not given, like empty query parameters in the standard.
 */
export function commonConditions(eb: RequestsEb, f: CommonFilter, plan: GeoPlan, timeHidden = false): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.service_codes && f.service_codes.length > 0) {
    const codes = [...new Set(f.service_codes)];
    out.push(codes.length === 1 ? eb('service_code', '=', codes[0]!) : eb('service_code', 'in', codes));
  }
  const requested = column('requested_at', timeHidden);
  const updated = column('updated_at', timeHidden);
  if (f.requested_from !== undefined) out.push(eb(requested, '>=', f.requested_from));
  if (f.requested_to !== undefined) out.push(eb(requested, '<=', f.requested_to));
  if (f.updated_from !== undefined) out.push(eb(updated, '>=', f.updated_from));
  if (f.updated_to !== undefined) out.push(eb(updated, '<=', f.updated_to));
  out.push(...spatialConditions(eb, f, plan, true));
  return out;
}

function conditions(eb: RequestsEb, f: FilterInput, plan: GeoPlan, timeHidden: boolean): Expression<SqlBool>[] {
  const out = commonConditions(eb, f, plan, timeHidden);
  if (f.statuses && f.statuses.length > 0) {
    const statuses = [...new Set(f.statuses)];
    // Both statuses together select everything.
    if (statuses.length === 1) out.push(eb('public_status', '=', statuses[0]!));
  }
  return out;
}

const between = (eb: RequestsEb, column: Expression<number>, low: number, high: number): Expression<SqlBool> =>
  eb.and([eb(column, '>=', low), eb(column, '<=', high)]);

/** The place cells of a latitude range, when the index plan can use them. */
function inCells(eb: RequestsEb, plan: GeoPlan, minLat: number, maxLat: number): Expression<SqlBool>[] {
  const cells = plan === 'index' ? cellsBetween(minLat, maxLat) : undefined;
  if (cells === undefined || cells.length === 0) return [];
  return [cells.length === 1 ? eb(placeCell(), '=', cells[0]!) : eb(placeCell(), 'in', cells)];
}

/**
 * `bbox`, and `near` as points within `radius_m` of a centre on the
 * equirectangular projection (accurate to well under 1% at city scales): a
 * latitude/longitude box narrows the rows, then the distance test is plain
 * arithmetic with cos(lat0) computed here, so both dialects run the same SQL.
 * Circles that cross the antimeridian are not handled.
 */
function spatialConditions(eb: RequestsEb, f: CommonFilter, plan: GeoPlan, withDistance: boolean): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const lat = column('lat', plan === 'scan');
  const long = column('long', plan === 'scan');
  if (f.bbox) {
    out.push(...inCells(eb, plan, f.bbox.min_lat, f.bbox.max_lat));
    out.push(between(eb, lat, f.bbox.min_lat, f.bbox.max_lat));
    out.push(between(eb, long, f.bbox.min_long, f.bbox.max_long));
  }
  if (f.near) {
    const { lat: lat0, long: long0 } = f.near;
    const radiusDeg = Math.max(0, f.near.radius_m) / METRES_PER_DEGREE;
    const k = Math.cos(lat0 * RAD);
    if (!f.bbox) out.push(...inCells(eb, plan, lat0 - radiusDeg, lat0 + radiusDeg));
    out.push(between(eb, lat, lat0 - radiusDeg, lat0 + radiusDeg));
    const longSpan = k > 1e-9 ? radiusDeg / k : Infinity;
    if (longSpan < 180) out.push(between(eb, long, long0 - longSpan, long0 + longSpan));
    if (withDistance) {
      const dx = sql<number>`((${long} - ${long0}) * ${k})`;
      const dy = sql<number>`(${lat} - ${lat0})`;
      out.push(eb(sql<number>`${dx} * ${dx} + ${dy} * ${dy}`, '<=', radiusDeg * radiusDeg));
    }
  }
  return out;
}

/**
 * Counts (up to the threshold) the requests in the filter's box, through the
 * covering cell index alone, when the dialect asks for it (`probeAreas`).
 */
export async function geoPlan(db: Db, f: CommonFilter, options: ListOptions): Promise<GeoPlan> {
  if (!options.probeAreas || !hasPlace(f)) return 'index';
  const dense = options.denseAreaRows ?? DENSE_AREA_ROWS;
  const inBox = db
    .selectFrom('requests')
    .select(sql<number>`1`.as('one'))
    .where((eb) => eb.and([eb('jurisdiction_id', '=', f.jurisdiction_id), ...spatialConditions(eb, f, 'index', false)]))
    .limit(dense)
    .as('in_box');
  const row = await db
    .selectFrom(inBox)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) >= dense ? 'scan' : 'index';
}

function whereClause(f: FilterInput, plan: GeoPlan, options: ListOptions): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'requests'>();
  return eb.and([eb('jurisdiction_id', '=', f.jurisdiction_id), ...conditions(eb, f, plan, hideTime(f, plan, options))]);
}

const byNewest = (a: Selectable<RequestsTable>, b: Selectable<RequestsTable>): number =>
  b.requested_at - a.requested_at || b.id - a.id;

/**
 * The `ids` filter: rows fetched by primary key only, then scoped, ordered and
 * paged here. Written this way because with `jurisdiction_id = ? … ORDER BY
 * requested_at` in the same statement, SQLite prefers walking the time index
 * of the whole jurisdiction to a few key lookups.
 */
async function rowsByIds(db: Db, f: FilterInput & { ids: string[] }): Promise<Selectable<RequestsTable>[]> {
  const ids = parseRowIds(f.ids);
  const rows: Selectable<RequestsTable>[] = [];
  for (const part of chunks(ids, 500)) {
    rows.push(...(await db.selectFrom('requests').selectAll().where('id', 'in', part).execute()));
  }
  return rows.filter((r) => r.jurisdiction_id === f.jurisdiction_id).sort(byNewest);
}

const hasIds = (f: FilterInput): f is FilterInput & { ids: string[] } => f.ids !== undefined && f.ids.length > 0;

export interface ListOptions {
  /**
   * The dialect's planner has no statistics to go by (SQLite: measured at a
   * million rows, ANALYZE did not fix the plans that needed help). Then
   * spatial filters probe the area first to choose between the cell index and
   * the time order, and the time columns are hidden where another index
   * serves better (`hideTime`). PostgreSQL's planner chooses well by itself,
   * and hiding columns from it would spoil its estimates.
   */
  probeAreas: boolean;
  /** How many requests make an area dense (default DENSE_AREA_ROWS); tests lower it to reach both plans. */
  denseAreaRows?: number;
}

/**
 * The rows of a page, newest first (`requested_at` desc, then the numeric id
 * desc, a stable order for paging). For an area or a later page, the page's
 * ids are chosen first by a query an index can answer alone (sorting an area
 * or skipping an offset then costs index entries, not rows), and only the rows
 * of the page are read. Otherwise one query walks the time order and reads
 * just the page anyway (and a second lookup by key would only add to it).
 */
async function pageQuery(db: Db, f: RequestFilter, options: ListOptions) {
  const { limit, offset } = paging(f);
  const plan = await geoPlan(db, f, options);
  // Hidden with the time conditions: else SQLite walks the time index for its order instead of sorting the area.
  const hidden = hideTime(f, plan, options) && hasPlace(f);
  const where = whereClause(f, plan, options);
  if (!hasPlace(f) && offset === 0) {
    return db.selectFrom('requests').where(where).orderBy('requests.requested_at', 'desc').orderBy('requests.id', 'desc').limit(limit);
  }
  const page = db
    .selectFrom('requests')
    .select('id')
    .where(where)
    .orderBy(column('requested_at', hidden), 'desc')
    .orderBy(hidden ? sql`(+${sql.ref('id')})` : sql.ref('id'), 'desc')
    .limit(limit)
    .offset(offset)
    .as('page');
  return db
    .selectFrom(page)
    .innerJoin('requests', 'requests.id', 'page.id')
    .orderBy('requests.requested_at', 'desc')
    .orderBy('requests.id', 'desc');
}

/** Newest first; only the rows of the page are read (see `pageQuery`). */
export async function listRequests(db: Db, f: RequestFilter, options: ListOptions): Promise<StoredRequest[]> {
  const { limit, offset } = paging(f);
  if (hasIds(f)) return (await rowsByIds(db, f)).slice(offset, offset + limit).map(toStoredRequest);
  if (limit === 0) return [];
  const rows = await (await pageQuery(db, f, options)).selectAll('requests').execute();
  return rows.map(toStoredRequest);
}

/** `listRequests` for public answers: the reporter's columns (and the triage ones) are never read. */
export async function listPublicRequests(db: Db, f: RequestFilter, options: ListOptions): Promise<PublicStoredRequest[]> {
  const { limit, offset } = paging(f);
  if (hasIds(f)) return (await rowsByIds(db, f)).slice(offset, offset + limit).map(toPublicStoredRequest);
  if (limit === 0) return [];
  const rows = await (await pageQuery(db, f, options)).select(PUBLIC_COLUMNS).execute();
  return rows.map(toPublicStoredRequest);
}

/** The number of requests `where` selects (the public list's filter, the inbox's). */
export async function countWhere(db: Db, where: Expression<SqlBool>): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countRequests(db: Db, f: FilterInput, options: ListOptions): Promise<number> {
  if (hasIds(f)) return (await rowsByIds(db, f)).length;
  // Counting visits every match anyway: the cell index serves it best.
  return countWhere(db, whereClause(f, 'index', options));
}

/** Status, note and a public `status_change` event in one transaction. */
export async function changeStatus(db: Db, c: StatusChange): Promise<StoredRequest | undefined> {
  const id = parseRowId(c.request_id);
  if (id === undefined) return undefined;
  const public_status = publicStatusOf(c.status);
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('requests')
      .select(HISTORY_COLUMNS)
      .where('id', '=', id)
      .where('jurisdiction_id', '=', c.jurisdiction_id)
      .executeTakeFirst();
    if (!before) return undefined;
    await storeDerivedHistory(trx, before);
    const at = c.at ?? Date.now();
    const changes: Updateable<RequestsTable> = { status: c.status, public_status, updated_at: at };
    if (typeof c.note === 'string') changes.status_notes = c.note;
    if (c.agency_responsible !== undefined) changes.agency_responsible = c.agency_responsible;
    if (c.expected_at !== undefined) changes.expected_at = c.expected_at;
    const row = await trx.updateTable('requests').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await insertEvent(trx, {
      request_id: id,
      jurisdiction_id: c.jurisdiction_id,
      at,
      type: 'status_change',
      status: c.status,
      description: c.note ?? '',
      public: 1,
      author: c.author,
      media_url: c.media_url ?? null,
    });
    await recordChange(trx, { jurisdiction_id: c.jurisdiction_id, request_id: id, kind: changeKindOf(publicStatusOf(before.status), public_status), at });
    return toStoredRequest(row);
  });
}
