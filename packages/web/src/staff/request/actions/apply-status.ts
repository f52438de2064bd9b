/**
 * A status change through the server's service (the same rules and the same
 * single audit entry as the staff API), then told to the followers.
 */
import { changeStatus } from '@o311/server';
import type { ExtendedStatus } from '@o311/georeport';
import { notifySafely } from '../../../mail/notify-safely.js';
import { actorOf, jurisdictionOf, type ActionContext } from './types.js';

export async function applyStatus(c: ActionContext, status: ExtendedStatus, note: string): Promise<void> {
  const jurisdiction_id = jurisdictionOf(c);
  const request_id = c.data.request.id;
  await changeStatus(c.web.services, actorOf(c), request_id, { jurisdiction_id, status, note });
  await notifySafely(c.web, c.request, jurisdiction_id, request_id);
}
