/**
 * The gate of every contact-centre route: the staff guard (session, role,
 * jurisdiction scope, CSRF), then the `call-taker` capability (the server's
 * rule, callTaking.takesCalls: agents an admin gave it, and admins); 403
 * otherwise.
 */
import type { preHandlerAsyncHookHandler } from 'fastify';
import { callTaking } from '@o311/server';
import type { WebContext } from '../../context.js';
import { translatorFor } from '../../request-locale.js';
import { sendStaffRefusal } from '../error-page.js';
import { currentStaff, staffGuard } from '../guard.js';
import { ROLE_LABELS } from '../roles.js';

export function callTakerGuard(web: WebContext): preHandlerAsyncHookHandler {
  const staff = staffGuard(web, 'manage-requests');
  return async function guard(request, reply) {
    // The staff guard answers (a refusal, a redirect to the login) or lets the request through (undefined).
    const refused: unknown = await staff.call(this, request, reply);
    if (refused !== undefined) return refused;
    const { user } = currentStaff(request);
    if (callTaking.takesCalls(user)) return;
    const t = translatorFor(request, reply);
    return sendStaffRefusal(request, reply, web, 'forbidden', { role: t(ROLE_LABELS[user.role]), permission: t('calls.permission') });
  };
}
