/**
 * A status change through the server's staff service (the same rules as the
 * staff API), written to the audit log, then told to the followers.
 */
import { staffServices } from '@o311/server';
import type { ExtendedStatus } from '@o311/georeport';
import { audit } from '../../audit-trail.js';
import { notifySafely } from '../../../mail/notify-safely.js';
import { jurisdictionOf, type ActionContext } from './types.js';

export async function applyStatus(c: ActionContext, status: ExtendedStatus, note: string): Promise<void> {
  const jurisdiction_id = jurisdictionOf(c);
  const request_id = c.data.request.id;
  await staffServices.changeRequestStatus(c.web.services, request_id, { jurisdiction_id, status, note }, c.user.name);
  await audit(c.web, {
    actor: c.user.id, action: 'request.status', jurisdiction_id, request_id,
    details: { from: c.data.request.status, to: status, ...(note !== '' ? { note } : {}) },
  });
  await notifySafely(c.web, c.request, jurisdiction_id, request_id);
}
