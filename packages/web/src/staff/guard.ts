/**
 * The gate of every staff route: a live session (else the login page for GET,
 * 401 otherwise), a role with the permission (else 403), a jurisdiction scope
 * that reaches the jurisdiction the back office serves (else 404, as if the
 * page did not exist: it does not say what else the server holds), and for
 * anything but GET/HEAD a valid CSRF token from this site (else 403; for a
 * multipart upload the handler checks the token, see GuardOptions).
 *
 *   app.get('/staff/x', { preHandler: staffGuard(web, 'read') }, handler)
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { roleAllows, type Permission } from '@o311/server';
import { inScope, type StaffSession, type StaffUser } from '@o311/store';
import type { WebContext } from '../context.js';
import type { Html } from '../html.js';
import type { MessageKey } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { authenticate, signedInOf } from './auth/authenticate.js';
import { comesFromThisSite, hasValidCsrfToken, isSafeMethod } from './auth/csrf.js';
import { loginHref } from './auth/next-path.js';
import { csrfInput } from './csrf-input.js';
import { sendStaffRefusal } from './error-page.js';
import { webJurisdiction } from './request/jurisdiction.js';
import { ROLE_LABELS } from './roles.js';

export type { Permission };

const PERMISSION_LABELS: Record<Permission, MessageKey> = {
  read: 'staff.permission.read',
  'manage-requests': 'staff.permission.manageRequests',
  admin: 'staff.permission.admin',
  'global-admin': 'staff.permission.globalAdmin',
};

export interface GuardOptions {
  /**
   * The route takes a multipart form (a file upload): its body is a stream the
   * guard cannot read, so the handler checks the form's token itself, from the
   * fields sent before the first file (`hasValidCsrfField` in readFormBody's
   * `beforeFiles`), before any file is read. The origin is still checked here.
   */
  multipart?: boolean;
}

export function staffGuard(web: WebContext, permission: Permission, options: GuardOptions = {}): preHandlerAsyncHookHandler {
  return async function guard(request, reply) {
    const who = await authenticate(web, request);
    if (!who) {
      if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect(loginHref(request.url), 303);
      return sendStaffRefusal(request, reply, web, 'signed-out');
    }
    if (!roleAllows(who.user.role, permission, who.user.jurisdictions)) {
      const t = translatorFor(request, reply);
      return sendStaffRefusal(request, reply, web, 'forbidden', {
        role: t(ROLE_LABELS[who.user.role]),
        permission: t(PERMISSION_LABELS[permission]),
      });
    }
    if (!inScope(who.user.jurisdictions, (await webJurisdiction(web)).id)) {
      return sendStaffRefusal(request, reply, web, 'not-found');
    }
    if (isSafeMethod(request.method)) return;
    const tokenChecked = options.multipart === true && request.isMultipart() ? true : hasValidCsrfToken(request, who.session.csrf_token);
    if (!(tokenChecked && comesFromThisSite(web, request))) return sendStaffRefusal(request, reply, web, 'csrf');
  };
}

/** The signed-in staff member of a guarded route. */
export function currentStaff(request: FastifyRequest): { user: StaffUser; session: StaffSession } {
  const who = signedInOf(request);
  if (!who) throw new Error('currentStaff() is only available in routes guarded by staffGuard()');
  return who;
}

/** The hidden `_csrf` input every staff form must carry. */
export const csrfField = (request: FastifyRequest): Html => csrfInput(currentStaff(request).session.csrf_token);
