/** mySociety `servicerequestupdates`: the public history as a feed, and updates from trusted partners. */
import {
  field, unknownRequest, validateUpdateSubmission, type FormFields, type RequestUpdate, type UpdatesQuery,
} from '@o311/georeport';
import type { ApiKey, Jurisdiction } from '@o311/store';
import { toRequestUpdate, type ProjectionContext } from '../projection/public-request.js';
import type { ServiceContext } from './context.js';

export async function listUpdates(
  ctx: ServiceContext,
  j: Jurisdiction,
  q: UpdatesQuery,
  projection: ProjectionContext,
): Promise<RequestUpdate[]> {
  const events = await ctx.store.listPublicUpdates(j.id, q.start, q.end, ctx.limits.maxUpdates);
  return events.filter((e) => e.public).map((e) => toRequestUpdate(e, projection));
}

/**
 * POST servicerequestupdates: the request must exist (404) before the update's
 * arguments are checked (400); the status change and its history entry are one
 * store transaction.
 */
export async function postUpdate(
  ctx: ServiceContext,
  j: Jurisdiction,
  key: ApiKey,
  fields: FormFields,
  projection: ProjectionContext,
): Promise<RequestUpdate> {
  const requestId = field(fields, 'service_request_id');
  if (requestId !== undefined && !(await ctx.store.getRequest(j.id, requestId))) throw unknownRequest(requestId);
  const u = validateUpdateSubmission(fields);
  const changed = await ctx.store.changeStatus({
    jurisdiction_id: j.id,
    request_id: u.service_request_id,
    status: u.status,
    note: u.description === '' ? null : u.description,
    author: `api_key:${key.name}`,
    at: u.updated_datetime,
    media_url: u.media_url,
  });
  if (!changed) throw unknownRequest(u.service_request_id);
  const history = await ctx.store.listEvents(j.id, changed.id);
  const latest = history.filter((e) => e.type === 'status_change').at(-1) ?? history.at(-1);
  if (!latest) throw unknownRequest(u.service_request_id);
  return toRequestUpdate(latest, projection);
}
