/**
 * The staff inbox: the public list's filters (requests.ts) plus extended
 * statuses, text search, assignment, priority and channel, in several sort orders.
 */
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { PUBLIC_STATUSES, type PublicStatus } from '@o311/georeport';
import { PRIORITIES, type InboxFilter, type TriagedRequest } from '../back-office.js';
import type { Database } from '../schema/tables.js';
import { commonConditions, countWhere, geoPlan, type GeoPlan, type ListOptions, type RequestsEb } from './requests.js';
import { paging, parseRowIds, type Db } from './shared.js';
import { toTriagedRequest } from './triage.js';

type InboxCriteria = Omit<InboxFilter, 'limit' | 'offset' | 'sort'>;
type InboxSort = NonNullable<InboxFilter['sort']>;

/** Newest first, like the public list. */
const DEFAULT_SORT: InboxSort = { by: 'requested_at', direction: 'desc' };

/** Where the text search looks. */
const SEARCHED = ['description', 'address', 'status_notes', 'service_name'] as const;

const isPublicStatus = (s: string): s is PublicStatus => PUBLIC_STATUSES.some((p) => p === s);

/** `text` as a LIKE pattern matching it anywhere, its wildcards taken literally (escape character `\`). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function statusCondition(eb: RequestsEb, statuses: NonNullable<InboxCriteria['statuses']>): Expression<SqlBool> | undefined {
  const publics = [...new Set(statuses.filter(isPublicStatus))];
  // Both public statuses together select everything.
  if (publics.length === PUBLIC_STATUSES.length) return undefined;
  const extended = [...new Set(statuses.filter((s) => !isPublicStatus(s)))];
  const either: Expression<SqlBool>[] = [];
  if (publics.length > 0) either.push(eb('public_status', 'in', publics));
  if (extended.length > 0) either.push(eb('status', 'in', extended));
  return eb.or(either);
}

/**
 * Case-insensitive: both sides lower-cased (by the database's rules for
 * stored text), so that both dialects run the same SQL.
 */
function textCondition(eb: RequestsEb, text: string): Expression<SqlBool> {
  const pattern = containsPattern(text.toLowerCase());
  const like = (column: Expression<unknown>) => sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
  return eb.or([...SEARCHED.map((c) => like(sql.ref(c))), like(sql`cast(${sql.ref('id')} as text)`)]);
}

function whereClause(f: InboxCriteria, plan: GeoPlan): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'requests'>();
  const out: Expression<SqlBool>[] = [eb('jurisdiction_id', '=', f.jurisdiction_id)];
  if (f.ids && f.ids.length > 0) {
    // As in the public list, ids make every other filter moot.
    const ids = parseRowIds(f.ids);
    out.push(ids.length > 0 ? eb('id', 'in', ids) : eb.lit(false));
    return eb.and(out);
  }
  out.push(...commonConditions(eb, f, plan));
  if (f.statuses && f.statuses.length > 0) {
    const status = statusCondition(eb, f.statuses);
    if (status) out.push(status);
  }
  const text = f.text?.trim();
  if (text) out.push(textCondition(eb, text));
  if (f.assigned_department_id !== undefined) out.push(eb('assigned_department_id', '=', f.assigned_department_id));
  if (f.assigned_user_id !== undefined) out.push(eb('assigned_user_id', '=', f.assigned_user_id));
  if (f.unassigned) out.push(eb.and([eb('assigned_department_id', 'is', null), eb('assigned_user_id', 'is', null)]));
  if (f.priorities && f.priorities.length > 0) out.push(eb('priority', 'in', [...new Set(f.priorities)]));
  if (f.channels && f.channels.length > 0) out.push(eb('channel', 'in', [...new Set(f.channels)]));
  return eb.and(out);
}

/** Priorities by urgency (`low` = 0), as literals: parameters would be typed text in PostgreSQL. */
const priorityRank = sql<number>`case ${sql.ref('priority')} ${sql.join(
  PRIORITIES.map((p, rank) => sql`when ${sql.lit(p)} then ${sql.lit(rank)}`),
  sql` `,
)} end`;

/** The sort, then the id in the same direction: a stable order for paging. Requests without `expected_at` come last. */
export async function listInbox(db: Db, f: InboxFilter, options: ListOptions): Promise<TriagedRequest[]> {
  const { by, direction } = f.sort ?? DEFAULT_SORT;
  const { limit, offset } = paging(f);
  // Walking the time order of a dense area only pays for the time order.
  const plan = by === 'requested_at' ? await geoPlan(db, f, options) : 'index';
  let q = db.selectFrom('requests').selectAll().where(whereClause(f, plan));
  if (by === 'priority') q = q.orderBy(priorityRank, direction);
  else if (by === 'expected_at') q = q.orderBy('expected_at', (o) => (direction === 'asc' ? o.asc() : o.desc()).nullsLast());
  else q = q.orderBy(by, direction);
  const rows = await q.orderBy('id', direction).limit(limit).offset(offset).execute();
  return rows.map(toTriagedRequest);
}

export async function countInbox(db: Db, f: InboxCriteria): Promise<number> {
  return countWhere(db, whereClause(f, 'index'));
}
