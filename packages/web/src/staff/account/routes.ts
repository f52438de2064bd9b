/** /staff/account: one's own password and language; every signed-in role. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../../context.js';
import { isLocale } from '../../i18n/locales.js';
import { translatorFor } from '../../request-locale.js';
import { rememberSignedIn } from '../auth/authenticate.js';
import { rememberLocale } from '../../request-locale.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { doneNotice } from '../admin/done-notice.js';
import { audit } from '../audit-trail.js';
import { formText } from '../../form.js';
import { csrfField, currentStaff, staffGuard } from '../guard.js';
import { sendStaffPage } from '../page.js';
import type { FieldError } from '../forms/fields.js';
import { ACCOUNT_IDS, accountView } from './account-view.js';
import { changeOwnPassword } from './password-change.js';

const DONE = { password: 'staff.account.passwordChanged', language: 'staff.account.languageSaved' } as const;

export async function registerAccountPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const signedIn = { preHandler: staffGuard(web, 'read') };

  function show(request: FastifyRequest, reply: FastifyReply, errors: FieldError[], status: number): FastifyReply {
    const t = translatorFor(request, reply);
    const main = accountView(t, { user: currentStaff(request).user, notice: doneNotice(request, t, DONE), errors, csrf: csrfField(request) });
    return sendStaffPage(request, reply, web, { title: t('staff.account.title'), main, status });
  }

  app.get('/staff/account', signedIn, async (request, reply) => show(request, reply, [], 200));

  app.post('/staff/account/password', signedIn, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { user } = currentStaff(request);
    const change = await changeOwnPassword(web, request, t, user);
    if (!change.ok) {
      if (change.retryAfterMs === undefined) return show(request, reply, change.errors, 400);
      reply.header('retry-after', String(Math.max(1, Math.ceil(change.retryAfterMs / 1000))));
      return show(request, reply, change.errors, 429);
    }
    setSessionCookie(reply, web, change.secret);
    rememberSignedIn(request, { user, session: change.session });
    return reply.redirect('/staff/account?done=password', 303);
  });

  app.post('/staff/account/language', signedIn, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { user } = currentStaff(request);
    const chosen = formText(request, 'locale');
    if (chosen !== '' && !isLocale(chosen)) {
      return show(request, reply, [{ field: ACCOUNT_IDS.locale, message: t('staff.account.error.locale') }], 400);
    }
    const locale = chosen === '' ? null : chosen;
    await web.services.store.updateUser(user.id, { locale });
    await audit(web, { actor: user.id, action: 'account.locale', details: { from: user.locale, to: locale } });
    rememberLocale(reply, locale);
    return reply.redirect('/staff/account?done=language', 303);
  });
}
