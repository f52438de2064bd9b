/** The refusals of the staff pages, as pages: not signed in, not allowed, forged form, not found. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import type { MessageKey } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { loginHref } from './auth/next-path.js';
import { sendStaffPage } from './page.js';

export type StaffRefusal = 'signed-out' | 'forbidden' | 'csrf' | 'not-found';

const REFUSALS: Record<StaffRefusal, { status: number; title: MessageKey; text: MessageKey }> = {
  'signed-out': { status: 401, title: 'staff.refusal.signedOut.title', text: 'staff.refusal.signedOut.text' },
  forbidden: { status: 403, title: 'staff.refusal.forbidden.title', text: 'staff.refusal.forbidden.text' },
  csrf: { status: 403, title: 'staff.refusal.csrf.title', text: 'staff.refusal.csrf.text' },
  'not-found': { status: 404, title: 'staff.refusal.notFound.title', text: 'staff.refusal.notFound.text' },
};

export function sendStaffRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  web: WebContext,
  refusal: StaffRefusal,
  vars: Readonly<Record<string, string>> = {},
): FastifyReply {
  const t = translatorFor(request, reply);
  const r = REFUSALS[refusal];
  // Back to this page after logging in only if it can be opened (a GET); a form must be sent again anyway.
  const login = request.method === 'GET' ? loginHref(request.url) : '/staff/login';
  const next = refusal === 'signed-out' ? html`<p><a href="${login}">${t('staff.login.submit')}</a></p>` : '';
  const main = html`<h1>${t(r.title)}</h1><p class="admin-refusal">${t(r.text, vars)}</p>${next}`;
  return sendStaffPage(request, reply, web, { title: t(r.title), main, status: r.status });
}
