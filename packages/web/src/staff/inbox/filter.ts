/** The inbox query (URL) turned into the store's inbox filter. */
import type { InboxFilter } from '@o311/store';
import { fromLocalDate } from '../request/local-time.js';
import type { Directory } from './directory.js';
import type { InboxQuery } from './query.js';

export type InboxWhere = Omit<InboxFilter, 'limit' | 'offset' | 'sort'>;

/** Service codes the query allows: by service and by group (both must hold); undefined = any. */
function serviceCodes(q: InboxQuery, d: Directory): string[] | undefined {
  const inGroup = q.group === '' ? undefined : d.services.filter((s) => s.group === q.group).map((s) => s.service_code);
  if (q.services.length === 0) return inGroup;
  return inGroup === undefined ? q.services : q.services.filter((c) => inGroup.includes(c));
}

/** Undefined when nothing can match (e.g. a service outside the chosen group). */
export function toInboxWhere(q: InboxQuery, d: Directory): InboxWhere | undefined {
  const codes = serviceCodes(q, d);
  if (codes !== undefined && codes.length === 0) return undefined;
  const tz = d.jurisdiction.timezone;
  const where: InboxWhere = { jurisdiction_id: d.jurisdiction.id };
  if (codes !== undefined) where.service_codes = codes;
  if (q.statuses.length > 0) where.statuses = q.statuses;
  if (q.priorities.length > 0) where.priorities = q.priorities;
  if (q.channels.length > 0) where.channels = q.channels;
  if (q.text !== '') where.text = q.text;
  if (q.unassigned) where.unassigned = true;
  if (q.department !== '') where.assigned_department_id = q.department;
  if (q.agent !== '') where.assigned_user_id = q.agent;
  const from = q.from === '' ? undefined : fromLocalDate(q.from, tz);
  const to = q.to === '' ? undefined : fromLocalDate(q.to, tz, true);
  if (from !== undefined) where.requested_from = from;
  if (to !== undefined) where.requested_to = to;
  return where;
}

export const sortOf = (q: InboxQuery): NonNullable<InboxFilter['sort']> => ({ by: q.sort, direction: q.direction });
