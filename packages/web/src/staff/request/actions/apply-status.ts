/**
 * A status change through the server's service (the same rules and the same
 * single audit entry as the staff API), then told to the followers.
 */
import { changeStatus } from '@o311/server';
import type { ExtendedStatus } from '@o311/georeport';
import { notifySafely } from '../../../mail/notify-safely.js';
import { actorOf, jurisdictionOf, type ActionContext } from './types.js';

/** The change alone: the caller tells the followers (once, with whatever else it changed). */
export async function applyStatusChange(c: ActionContext, status: ExtendedStatus, note: string): Promise<void> {
  await changeStatus(c.web.services, actorOf(c), c.data.request.id, { jurisdiction_id: jurisdictionOf(c), status, note });
}

export async function applyStatus(c: ActionContext, status: ExtendedStatus, note: string): Promise<void> {
  await applyStatusChange(c, status, note);
  await notifySafely(c.web, c.request, jurisdictionOf(c), c.data.request.id);
}
