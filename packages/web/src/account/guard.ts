/**
 * The gate of every account route: a live citizen session (else the sign-in
 * page for GET, 401 otherwise) and, for anything but GET/HEAD, the session's
 * CSRF token (form field `_csrf`) from this site (else 403), as staff forms.
 *
 *   app.get('/account/x', { preHandler: accountGuard(web) }, handler)
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { WebContext } from '../context.js';
import type { Html } from '../html.js';
import { comesFromThisSite, hasValidCsrfToken, isSafeMethod } from '../staff/auth/csrf.js';
import { csrfInput } from '../staff/csrf-input.js';
import { citizenOf, currentCitizen } from './authenticate.js';
import { SIGN_IN_PATH } from './paths.js';
import { sendAccountRefusal } from './refusal.js';

export function accountGuard(web: WebContext): preHandlerAsyncHookHandler {
  return async function guard(request, reply) {
    const who = await citizenOf(web, request);
    if (!who) {
      if (isSafeMethod(request.method)) return reply.redirect(SIGN_IN_PATH, 303);
      return sendAccountRefusal(request, reply, web, 'signed-out');
    }
    if (isSafeMethod(request.method)) return;
    if (!(hasValidCsrfToken(request, who.session.csrf_token) && comesFromThisSite(web, request))) {
      return sendAccountRefusal(request, reply, web, 'csrf');
    }
  };
}

/** The hidden `_csrf` input every account form carries. */
export const accountCsrfField = (request: FastifyRequest): Html => csrfInput(currentCitizen(request).session.csrf_token);
